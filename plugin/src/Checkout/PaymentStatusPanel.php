<?php
/**
 * Puts the live M-Pesa status panel on the order-received and order-pay pages.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Checkout;

use PayViaProxyApi\Assets\ScriptAsset;
use PayViaProxyApi\Gateway\Gateway;
use PayViaProxyApi\Hookable;
use PayViaProxyApi\Order\OrderMeta;
use PayViaProxyApi\Rest\ShopperPaymentView;

/**
 * Prints the panel's mount point (with the first status, so nothing flickers) and enqueues the
 * `payment-status` script only there. WooCommerce fires both hooks only after it has checked the order key
 * (and, for customer accounts, the login), so the key printed back is one the visitor already has.
 *
 * Order-received: `woocommerce_before_thankyou` runs at the top of both the classic thank-you template and
 * the block theme's Order Confirmation Status block, which is where the Checkout block sends shoppers.
 * Order-pay: `before_woocommerce_pay_form`; the panel there only reports (the form below is the retry).
 */
final class PaymentStatusPanel implements Hookable {

	public const ENTRY = 'payment-status';

	/**
	 * @param ScriptAsset        $assets Script registration.
	 * @param ShopperPaymentView $view   The first status.
	 * @param OrderMeta          $meta   Order meta owner.
	 */
	public function __construct( private ScriptAsset $assets, private ShopperPaymentView $view, private OrderMeta $meta ) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( 'woocommerce_before_thankyou', array( $this, 'on_order_received' ) );
		add_action( 'before_woocommerce_pay_form', array( $this, 'on_order_pay' ) );
	}

	/**
	 * @param int|string $order_id Order shown on the order-received page.
	 */
	public function on_order_received( $order_id ): void {
		$order = wc_get_order( (int) $order_id );
		if ( $order instanceof \WC_Order ) {
			$this->render( $order, 'order-received' );
		}
	}

	/**
	 * @param mixed $order Order shown on the pay-for-order page.
	 */
	public function on_order_pay( $order ): void {
		// Only once a prompt was sent: a fresh unpaid order has nothing to report yet.
		if ( $order instanceof \WC_Order && null !== $this->meta->latest_attempt( $order ) ) {
			$this->render( $order, 'order-pay' );
		}
	}

	/**
	 * @param \WC_Order $order   Order.
	 * @param string    $context 'order-received' or 'order-pay'.
	 */
	private function render( \WC_Order $order, string $context ): void {
		if ( Gateway::ID !== $order->get_payment_method() ) {
			return;
		}
		$handle = $this->assets->register( self::ENTRY );
		if ( '' === $handle ) {
			return;
		}
		// Enqueued while the page body renders: footer scripts still print, in classic and block themes alike.
		wp_enqueue_script( $handle );
		if ( wp_style_is( $handle, 'registered' ) ) {
			wp_enqueue_style( $handle );
		}
		printf(
			'<div class="pvp-payment-status" data-order-id="%1$d" data-order-key="%2$s" data-context="%3$s" data-status="%4$s"><p class="pvp-payment-status__loading">%5$s</p></div>',
			(int) $order->get_id(),
			esc_attr( $order->get_order_key() ),
			esc_attr( $context ),
			esc_attr( (string) wp_json_encode( $this->view->for_order( $order ) ) ),
			esc_html__( 'Checking your M-Pesa payment…', 'pay-via-proxyapi' )
		);
	}
}
