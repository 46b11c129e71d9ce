<?php
/**
 * The few facts about an order that settlement rules need, without WooCommerce.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Payment;

/**
 * A snapshot taken under the order lock.
 */
final class OrderFacts {

	/**
	 * @param bool   $is_paid           Whether WooCommerce already counts the order as paid.
	 * @param string $status            Order status without the wc- prefix.
	 * @param string $latest_request_id RequestID of the order's newest attempt.
	 */
	public function __construct(
		public readonly bool $is_paid,
		public readonly string $status,
		public readonly string $latest_request_id
	) {
	}
}
