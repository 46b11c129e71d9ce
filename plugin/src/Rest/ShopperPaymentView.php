<?php
/**
 * The shopper's view of an order's M-Pesa payment, as both shopper routes answer it.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Rest;

use PayViaProxyApi\Order\OrderMeta;
use PayViaProxyApi\Payment\ShopperStatus;

/**
 * Reads the order's facts through WooCommerce and OrderMeta and lets the pure ShopperStatus decide.
 * Mirrored by the `ShopperPaymentStatus` TypeScript type; change both together.
 */
final class ShopperPaymentView {

	/**
	 * @param OrderMeta     $meta   Order meta owner.
	 * @param ShopperStatus $status The mapping.
	 * @param \Closure      $clock  Returns the current Unix time (tests can stop it).
	 */
	public function __construct( private OrderMeta $meta, private ShopperStatus $status, private \Closure $clock ) {
	}

	/**
	 * @param \WC_Order $order The order, freshly read.
	 * @return array<string, mixed> The payload.
	 */
	public function for_order( \WC_Order $order ): array {
		return $this->status->describe( $order->is_paid(), $order->get_status(), $order->needs_payment(), $this->meta->attempts( $order ), $this->now() );
	}

	/**
	 * @return int Unix time.
	 */
	public function now(): int {
		return (int) ( $this->clock )();
	}

	/**
	 * Status answers change from one second to the next: no cache may keep them.
	 *
	 * @param array<string, mixed> $data   Payload.
	 * @param int                  $status HTTP status.
	 * @return \WP_REST_Response
	 */
	public static function response( array $data, int $status = 200 ): \WP_REST_Response {
		$response = new \WP_REST_Response( $data, $status );
		$response->header( 'Cache-Control', 'no-store, private' );
		$response->header( 'X-Robots-Tag', 'noindex' );
		return $response;
	}
}
