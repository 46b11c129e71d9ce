<?php
/**
 * The WooCommerce payment gateway "Lipa na M-Pesa" (id proxyapi_pvp_settings).
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Gateway;

use PayViaProxyApi\Health\SiteReadiness;
use PayViaProxyApi\Payment\PaymentError;
use PayViaProxyApi\Payment\PaymentService;
use PayViaProxyApi\Settings\FormFields;
use PayViaProxyApi\Settings\Settings;

/**
 * Adapter between WooCommerce's checkout (classic and, through the Store API, the Checkout block) and
 * PaymentService. It reads the phone field, hands over, and turns PaymentError into a checkout error.
 */
final class Gateway extends \WC_Payment_Gateway {

	/** Kept from Pay via ProxyAPI 2.2.7 so upgraded stores keep their settings and orders. */
	public const ID = 'proxyapi_pvp_settings';

	/** Name of the phone field in the classic form and in the Checkout block's payment data. */
	public const PHONE_FIELD = 'pvp_phone';

	/**
	 * @param Settings       $pvp_settings Typed settings.
	 * @param PaymentService $payments     Starts payments.
	 */
	public function __construct( private Settings $pvp_settings, private PaymentService $payments ) {
		$this->id                 = self::ID;
		$this->has_fields         = true;
		$this->method_title       = __( 'Lipa na M-Pesa (Pay via ProxyAPI)', 'pay-via-proxyapi' );
		$this->method_description = __( 'Shoppers pay with M-Pesa: they enter their phone number and confirm a prompt on their phone. Payments go through ProxyAPI\'s Pay via ProxyAPI service.', 'pay-via-proxyapi' );
		$this->supports           = array( 'products' );
		$this->form_fields        = FormFields::fields( $pvp_settings->api_key_is_external() );
		$this->init_settings();
		$this->title       = $this->get_option( 'title' );
		$this->description = $this->get_option( 'description' );
		$this->enabled     = $this->get_option( 'enabled' );
	}

	/**
	 * Offered only when it can work: KES store and an API key.
	 *
	 * @return bool
	 */
	public function is_available(): bool {
		return parent::is_available() && 'KES' === get_woocommerce_currency() && '' !== $this->pvp_settings->api_key()
			// Site readiness (issue 7): hidden while the site cannot take M-Pesa; the admin notice says why.
			&& ( new SiteReadiness( $this->pvp_settings ) )->is_ready();
	}

	/**
	 * Classic checkout and order-pay: the description and the M-Pesa number field.
	 */
	public function payment_fields(): void {
		if ( '' !== $this->description ) {
			echo wp_kses_post( wpautop( wptexturize( $this->description ) ) );
		}
		$billing_phone = WC()->customer ? (string) WC()->customer->get_billing_phone() : '';
		printf(
			'<p class="form-row form-row-wide"><label for="pvp-mpesa-phone">%1$s&nbsp;<abbr class="required" title="%2$s">*</abbr></label><input id="pvp-mpesa-phone" class="input-text" type="tel" autocomplete="tel" name="%3$s" value="%4$s" placeholder="0712 345 678" /></p>',
			esc_html__( 'M-Pesa phone number', 'pay-via-proxyapi' ),
			esc_attr__( 'required', 'pay-via-proxyapi' ),
			esc_attr( self::PHONE_FIELD ),
			esc_attr( $billing_phone )
		);
	}

	/**
	 * Refuses a bad number before the order is processed, with the same message as the block.
	 *
	 * @return bool
	 */
	public function validate_fields(): bool {
		try {
			PaymentService::phone( $this->submitted_phone() );
		} catch ( PaymentError $e ) {
			wc_add_notice( esc_html( $e->getMessage() ), 'error' );
			return false;
		}
		return true;
	}

	/**
	 * @param int $order_id Order id.
	 * @return array<string, string>
	 */
	public function process_payment( $order_id ): array {
		$order = wc_get_order( $order_id );
		if ( ! $order instanceof \WC_Order ) {
			wc_add_notice( esc_html__( 'The order could not be found.', 'pay-via-proxyapi' ), 'error' );
			return array( 'result' => 'failure' );
		}
		try {
			$this->payments->start( $order, $this->submitted_phone() );
		} catch ( PaymentError $e ) {
			wc_add_notice( esc_html( $e->getMessage() ), 'error' );
			return array( 'result' => 'failure' );
		}
		if ( WC()->cart ) {
			WC()->cart->empty_cart();
		}
		return array(
			'result'   => 'success',
			'redirect' => $this->get_return_url( $order ),
		);
	}

	/**
	 * The Store API copies the block's payment data into $_POST for gateways, so both checkouts meet here.
	 * WooCommerce has already checked the checkout nonce.
	 *
	 * @return string What the shopper typed.
	 */
	private function submitted_phone(): string {
		// phpcs:ignore WordPress.Security.NonceVerification.Missing -- verified by WooCommerce's checkout.
		$raw = isset( $_POST[ self::PHONE_FIELD ] ) ? sanitize_text_field( wp_unslash( (string) $_POST[ self::PHONE_FIELD ] ) ) : '';
		return $raw;
	}
}
