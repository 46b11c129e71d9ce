<?php
/**
 * The "M-Pesa payment" box on the order edit screen, HPOS and posts screens alike.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Admin;

use PayViaProxyApi\Gateway\Gateway;
use PayViaProxyApi\Hookable;
use PayViaProxyApi\Reports\OrderPaymentView;

/**
 * Adds the box for orders that used M-Pesa and hands the admin-order-panel app its first data inline (no
 * request needed to show it); the app uses REST only for "Check status with M-Pesa now" and to refresh.
 */
final class OrderPanel implements Hookable {

	public const BOX_ID = 'pvp-mpesa-payment';

	/** DOM id the admin-order-panel script mounts into. */
	public const ROOT_ID = 'pvp-order-panel';

	/**
	 * @param OrderPaymentView $view   The panel's data.
	 * @param ScreenData       $screen Script and data for the screen.
	 */
	public function __construct( private OrderPaymentView $view, private ScreenData $screen ) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( 'add_meta_boxes', array( $this, 'add' ), 10, 2 );
	}

	/**
	 * @param string $screen_id The screen (HPOS: woocommerce_page_wc-orders; posts: shop_order).
	 * @param mixed  $subject   The WC_Order (HPOS) or WP_Post (posts) being edited.
	 */
	public function add( $screen_id, $subject = null ): void {
		$order_screen = wc_get_page_screen_id( 'shop-order' );
		if ( $order_screen !== $screen_id || ! current_user_can( ManagerPermission::CAPABILITY ) ) {
			return;
		}
		$order = $subject instanceof \WP_Post ? wc_get_order( $subject->ID ) : $subject;
		if ( ! $order instanceof \WC_Order ) {
			return;
		}
		$data = $this->view->for_order( $order );
		if ( Gateway::ID !== $order->get_payment_method() && array() === $data['attempts'] ) {
			return;
		}
		if ( ! $this->screen->enqueue( 'admin-order-panel', 'pvpOrderPanelData', array( 'rootId' => self::ROOT_ID, 'payment' => $data ) ) ) {
			return;
		}
		add_meta_box( self::BOX_ID, __( 'M-Pesa payment', 'pay-via-proxyapi' ), array( $this, 'render' ), $order_screen, 'normal', 'high' );
	}

	/**
	 * Prints the element the app mounts into.
	 */
	public function render(): void {
		printf( '<div id="%1$s" class="pvp-order-panel"><p>%2$s</p></div>', esc_attr( self::ROOT_ID ), esc_html__( 'Loading the M-Pesa payment… It needs JavaScript.', 'pay-via-proxyapi' ) );
	}
}
