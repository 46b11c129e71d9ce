<?php
/**
 * The WooCommerce payment gateway "Lipa na M-Pesa" (id proxyapi_pvp_settings).
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Gateway;

use PayViaProxyApi\Health\SiteReadiness;
use PayViaProxyApi\Order\OrderMeta;
use PayViaProxyApi\Payment\Amount;
use PayViaProxyApi\Payment\PaymentError;
use PayViaProxyApi\Payment\PaymentService;
use PayViaProxyApi\Payment\ResendPolicy;
use PayViaProxyApi\Provider\ProviderFactory;
use PayViaProxyApi\Refunds\RefundService;
use PayViaProxyApi\Rest\ResendRefusal;
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
	 * @param Settings       $pvp_settings  Typed settings.
	 * @param PaymentService $payments      Starts payments.
	 * @param OrderMeta      $meta          Order meta owner (an order's attempts, on order-pay).
	 * @param ResendPolicy   $resend_policy The same limits as "Resend the prompt", for the order-pay form.
	 * @param RefundService|null $refunds   M-Pesa reversals (Daraja direct only).
	 */
	public function __construct( private Settings $pvp_settings, private PaymentService $payments, private OrderMeta $meta, private ResendPolicy $resend_policy, private ?RefundService $refunds = null ) {
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
	 * WooCommerce fills in defaults only when nothing was ever saved. Settings saved by an earlier version lack
	 * the fields added since (the provider, Daraja's environment), and WooCommerce's REST API reads
	 * $this->settings directly: it would show an empty select and then refuse that same value on update
	 * (400). Every field with a default therefore gets it until the owner saves one.
	 *
	 * @return void
	 */
	public function init_settings() {
		parent::init_settings();
		foreach ( $this->get_form_fields() as $key => $field ) {
			if ( ! array_key_exists( $key, $this->settings ) && isset( $field['default'] ) && '' !== $field['default'] ) {
				$this->settings[ $key ] = $field['default'];
			}
		}
	}

	/**
	 * Offered only when it can work: KES store, an API key, and a total M-Pesa takes in one payment.
	 *
	 * @return bool
	 */
	public function is_available(): bool {
		return parent::is_available() && 'KES' === get_woocommerce_currency() && ( new ProviderFactory( $this->pvp_settings ) )->has_credentials()
			// Site readiness (issue 7): hidden while the site cannot take M-Pesa; the admin notice says why.
			&& ( new SiteReadiness( $this->pvp_settings ) )->is_ready()
			&& $this->total_fits_mpesa();
	}

	/**
	 * The amount rule of PaymentService, applied before the shopper chooses: KES 1 to 250,000 after rounding
	 * cents up (Payment\Amount). The Store API lists a cart's methods from is_available() on every cart
	 * update, and the Checkout block offers only listed methods, so the block hides M-Pesa in the same cases.
	 *
	 * @return bool True also when there is no total to judge yet (no cart: admin screens, REST, cron).
	 */
	private function total_fits_mpesa(): bool {
		$total = $this->current_total();
		if ( null === $total || (float) $total <= 0 ) {
			// Nothing to pay (or nothing known): WooCommerce asks for no payment method then anyway.
			return true;
		}
		try {
			return Amount::from_order_total( $total )->is_within_mpesa_limits();
		} catch ( \InvalidArgumentException $e ) {
			return false;
		}
	}

	/**
	 * @return string|null The order total on the pay-for-order page, else the cart total, as a decimal string.
	 */
	private function current_total(): ?string {
		$order = $this->order_being_paid();
		if ( null !== $order ) {
			return (string) $order->get_total( 'edit' );
		}
		if ( function_exists( 'WC' ) && WC()->cart ) {
			// Cart totals are floats already rounded to the store's decimals; format them back to that precision.
			return wc_format_decimal( (float) WC()->cart->get_total( 'edit' ), wc_get_price_decimals() );
		}
		return null;
	}

	/**
	 * @return \WC_Order|null The order of the pay-for-order page being shown or submitted.
	 */
	private function order_being_paid(): ?\WC_Order {
		$order_id = absint( get_query_var( 'order-pay' ) );
		$order    = $order_id > 0 ? wc_get_order( $order_id ) : null;
		return $order instanceof \WC_Order ? $order : null;
	}

	/**
	 * Classic checkout and order-pay: the description and the M-Pesa number field.
	 */
	public function payment_fields(): void {
		if ( '' !== $this->description ) {
			echo wp_kses_post( wpautop( wptexturize( $this->description ) ) );
		}
		$billing_phone = $this->prefill_phone();
		printf(
			'<p class="form-row form-row-wide"><label for="pvp-mpesa-phone">%1$s&nbsp;<abbr class="required" title="%2$s">*</abbr></label><input id="pvp-mpesa-phone" class="input-text" type="tel" autocomplete="tel" name="%3$s" value="%4$s" placeholder="0712 345 678" /></p>',
			esc_html__( 'M-Pesa phone number', 'pay-via-proxyapi' ),
			esc_attr__( 'required', 'pay-via-proxyapi' ),
			esc_attr( self::PHONE_FIELD ),
			esc_attr( $billing_phone )
		);
	}

	/**
	 * The number the field starts with, like the block's: the billing phone. On the pay-for-order page that
	 * is the order's billing phone (the customer session may be a guest's, or someone else's).
	 *
	 * @return string
	 */
	private function prefill_phone(): string {
		$order = $this->order_being_paid();
		if ( null !== $order ) {
			return (string) $order->get_billing_phone();
		}
		return WC()->customer ? (string) WC()->customer->get_billing_phone() : '';
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
	 * @throws \Exception Inside the Store API, with the message for the shopper, when no prompt could be sent.
	 */
	public function process_payment( $order_id ): array {
		$order = wc_get_order( $order_id );
		if ( ! $order instanceof \WC_Order ) {
			wc_add_notice( esc_html__( 'The order could not be found.', 'pay-via-proxyapi' ), 'error' );
			return array( 'result' => 'failure' );
		}
		$paying_again = null !== $this->order_being_paid();
		if ( $paying_again && ! $this->may_prompt_again( $order ) ) {
			return array( 'result' => 'failure' );
		}
		try {
			$this->payments->start( $order, $this->submitted_phone() );
		} catch ( PaymentError $e ) {
			if ( doing_action( 'woocommerce_rest_checkout_process_payment_with_context' ) ) {
				// The Store API (Checkout block) clears notices and shows a generic error; an exception's message
				// is what reaches the shopper there. Classic checkout and order-pay keep the notice.
				throw new \Exception( esc_html( $e->getMessage() ) );
			}
			wc_add_notice( esc_html( $e->getMessage() ), 'error' );
			return array( 'result' => 'failure' );
		}
		// The pay-for-order page pays an existing order: the shopper's cart is about something else.
		if ( WC()->cart && ! $paying_again ) {
			WC()->cart->empty_cart();
		}
		return array(
			'result'   => 'success',
			'redirect' => $this->get_return_url( $order ),
		);
	}

	/**
	 * Refunds follow the provider chosen now (Daraja direct reverses payments; ProxyAPI offers no refunds, so
	 * WooCommerce shows "Refund manually"), not the one chosen when this object was built.
	 *
	 * @param string $feature A feature, e.g. refunds.
	 * @return bool
	 */
	public function supports( $feature ) {
		if ( 'refunds' !== $feature ) {
			return parent::supports( $feature );
		}
		/** This filter is documented in WooCommerce's WC_Payment_Gateway::supports(). */
		return (bool) apply_filters( 'woocommerce_payment_gateway_supports', null !== $this->refunds && $this->refunds->is_offered(), $feature, $this );
	}

	/**
	 * WooCommerce's Refund button: the refund exists already; RefundService asks M-Pesa to reverse the payment.
	 *
	 * @param int        $order_id Order id.
	 * @param float|null $amount   Refund amount.
	 * @param string     $reason   Refund reason (not sent to M-Pesa: it may hold personal data).
	 * @return bool|\WP_Error True once M-Pesa accepted the reversal; an error (the refund is then deleted) otherwise.
	 */
	public function process_refund( $order_id, $amount = null, $reason = '' ): bool|\WP_Error {
		unset( $reason );
		if ( null === $this->refunds ) {
			return new \WP_Error( 'pvp_refund_refused', __( 'Refunds through M-Pesa are not available.', 'pay-via-proxyapi' ) );
		}
		return $this->refunds->refund( (int) $order_id, null === $amount || '' === $amount ? null : (float) $amount );
	}

	/**
	 * The pay-for-order form is another way to ask for a new prompt, so it keeps the status panel's limits:
	 * not over a live prompt, not more than ResendPolicy allows.
	 *
	 * @param \WC_Order $order Order being paid again.
	 * @return bool Whether a new prompt may go (otherwise a notice says why).
	 */
	private function may_prompt_again( \WC_Order $order ): bool {
		$verdict = $this->resend_policy->verdict( $this->meta->attempts( $order ), true, time() );
		if ( $verdict->is_allowed() ) {
			return true;
		}
		wc_add_notice( esc_html( ResendRefusal::message( $verdict, time() ) ), 'error' );
		return false;
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
