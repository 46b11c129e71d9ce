<?php
/**
 * POST /wp-json/pay-via-proxyapi/v1/orders/{order_id}/payment/attempts: "Resend the prompt" and
 * "Use another number" while an order is unpaid.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Rest;

use PayViaProxyApi\Hookable;
use PayViaProxyApi\Logging\Logger;
use PayViaProxyApi\Order\OrderMeta;
use PayViaProxyApi\Payment\CallbackAddress;
use PayViaProxyApi\Payment\PaymentError;
use PayViaProxyApi\Payment\PaymentService;
use PayViaProxyApi\Payment\ResendPolicy;

/**
 * Thin adapter: order key at the door, then number -> ResendPolicy -> PaymentService::start(), which makes a
 * new attempt with a new RequestID exactly as the checkout does. Refusals change nothing and say why:
 * 400 bad number, 409 prompt still live (or a resend already running, or nothing to pay), 429 too many.
 */
final class AttemptsRoute implements Hookable {

	public const ROUTE = '/orders/(?P<order_id>\d+)/payment/attempts';

	/**
	 * @param ShopperOrderAccess $access   Order key check.
	 * @param ShopperPaymentView $view     The status payload answered on success.
	 * @param OrderMeta          $meta     Order meta owner.
	 * @param ResendPolicy       $policy   The resend limits.
	 * @param ResendClaim        $claim    One resend per order at a time.
	 * @param PaymentService     $payments Starts the new attempt.
	 * @param Logger             $logger   Redacting logger.
	 */
	public function __construct(
		private ShopperOrderAccess $access,
		private ShopperPaymentView $view,
		private OrderMeta $meta,
		private ResendPolicy $policy,
		private ResendClaim $claim,
		private PaymentService $payments,
		private Logger $logger
	) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( 'rest_api_init', array( $this, 'register_route' ) );
	}

	/**
	 * Registers the route.
	 */
	public function register_route(): void {
		$phone = array(
			'description' => 'Another M-Pesa number to prompt; the last one is used when absent.',
			'type'        => 'string',
			'maxLength'   => 40,
		);
		register_rest_route( CallbackAddress::REST_NAMESPACE, self::ROUTE, $this->access->endpoint( \WP_REST_Server::CREATABLE, array( $this, 'handle' ), array( 'phone' => $phone ) ) );
	}

	/**
	 * @param \WP_REST_Request $request Request (already through permit()).
	 * @phpstan-param \WP_REST_Request<array<string, mixed>> $request
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function handle( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$order = $this->access->order( $request );
		if ( null === $order ) {
			return ShopperOrderAccess::not_found();
		}
		try {
			$phone = PaymentService::phone( $this->number_to_prompt( $order, $request->get_param( 'phone' ) ) )->msisdn();
		} catch ( PaymentError $e ) {
			return new \WP_Error( 'pvp_invalid_phone', $e->getMessage(), array( 'status' => 400 ) );
		}
		if ( ! $this->claim->acquire( $order->get_id() ) ) {
			return new \WP_Error( 'pvp_resend_running', __( 'A new M-Pesa prompt is being sent. Please wait a moment.', 'pay-via-proxyapi' ), array( 'status' => 409 ) );
		}
		try {
			return $this->resend( $order->get_id(), $phone );
		} finally {
			$this->claim->release( $order->get_id() );
		}
	}

	/**
	 * Under the claim: the policy sees every attempt written before it, so two requests cannot both pass.
	 *
	 * @param int    $order_id Order.
	 * @param string $phone    Valid MSISDN.
	 * @return \WP_REST_Response|\WP_Error
	 */
	private function resend( int $order_id, string $phone ): \WP_REST_Response|\WP_Error {
		$order = wc_get_order( $order_id );
		if ( ! $order instanceof \WC_Order ) {
			return ShopperOrderAccess::not_found();
		}
		$verdict = $this->policy->verdict( $this->meta->attempts( $order ), $order->needs_payment() && ! $order->is_paid(), $this->view->now() );
		if ( ! $verdict->is_allowed() ) {
			$this->logger->info( 'Resend refused.', array( 'order_id' => $order_id, 'reason' => $verdict->reason ) );
			return ResendRefusal::response( $verdict, $this->view->now() );
		}
		try {
			$this->payments->start( $order, $phone );
		} catch ( PaymentError $e ) {
			return new \WP_Error( 'pvp_prompt_not_sent', $e->getMessage(), array( 'status' => 502 ) );
		}
		$fresh = wc_get_order( $order_id );
		return ShopperPaymentView::response( $this->view->for_order( $fresh instanceof \WC_Order ? $fresh : $order ), 201 );
	}

	/**
	 * @param \WC_Order $order Order.
	 * @param mixed     $typed The `phone` parameter.
	 * @return string The number to prompt: the one typed, else the last one prompted, else the billing phone.
	 */
	private function number_to_prompt( \WC_Order $order, mixed $typed ): string {
		if ( is_string( $typed ) && '' !== trim( $typed ) ) {
			return $typed;
		}
		$latest = $this->meta->latest_attempt( $order );
		return null !== $latest ? $latest->phone : (string) $order->get_billing_phone();
	}
}
