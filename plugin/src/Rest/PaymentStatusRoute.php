<?php
/**
 * GET /wp-json/pay-via-proxyapi/v1/orders/{order_id}/payment?key={order_key}: the live status panel's data.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Rest;

use PayViaProxyApi\Hookable;
use PayViaProxyApi\Payment\CallbackAddress;

/**
 * Polled about once a second while a prompt is live, so it only reads the order: no provider calls, no
 * locks. Its one write is the per-client request count (StatusPollCounter), taken after the order key is
 * checked, so callers without a key cannot fill the store with counters.
 */
final class PaymentStatusRoute implements Hookable {

	public const ROUTE = '/orders/(?P<order_id>\d+)/payment';

	/**
	 * @param ShopperOrderAccess $access Order key check.
	 * @param ShopperPaymentView $view   The payload.
	 * @param StatusPollCounter  $polls  The rate limit (429 past it).
	 */
	public function __construct( private ShopperOrderAccess $access, private ShopperPaymentView $view, private StatusPollCounter $polls ) {
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
		register_rest_route( CallbackAddress::REST_NAMESPACE, self::ROUTE, $this->access->endpoint( \WP_REST_Server::READABLE, array( $this, 'handle' ) ) );
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
		$refusal = $this->polls->refusal( $order, $request );
		if ( null !== $refusal ) {
			return $refusal;
		}
		return ShopperPaymentView::response( $this->view->for_order( $order ) );
	}
}
