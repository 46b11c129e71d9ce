<?php
/**
 * What a Pay via ProxyAPI 2.2.7 callback needs to know about the order it names.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Legacy;

/**
 * A snapshot read from WooCommerce, so the matching rules stay pure.
 */
final class LegacyOrder {

	/**
	 * @param bool   $paid_with_gateway   Whether the order's payment method is this gateway (same id as 2.2.7's).
	 * @param string $request_id          2.2.7's `request_id` meta.
	 * @param string $checkout_request_id 2.2.7's `checkout_request_id` meta.
	 * @param int    $plugin_attempts     Attempts this plugin started on the order (not counting rebuilt 2.2.7 ones).
	 * @param string $total               Order total as stored.
	 * @param string $billing_phone       Billing phone (2.2.7 prompted that number).
	 * @param int    $created_at          Unix time the order was created.
	 */
	public function __construct(
		public readonly bool $paid_with_gateway,
		public readonly string $request_id,
		public readonly string $checkout_request_id,
		public readonly int $plugin_attempts,
		public readonly string $total,
		public readonly string $billing_phone,
		public readonly int $created_at
	) {
	}
}
