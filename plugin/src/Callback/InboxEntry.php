<?php
/**
 * One accepted callback waiting in, or settled from, the callback inbox.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Callback;

use PayViaProxyApi\Payment\PaymentResult;

/**
 * Value object: which attempt the callback's token vouched for, and what the provider reported.
 */
final class InboxEntry {

	/**
	 * @param int           $id         Row id (order of arrival).
	 * @param int           $order_id   Order from the callback URL.
	 * @param string        $request_id RequestID of the attempt whose token the callback carried.
	 * @param PaymentResult $result     The parsed body.
	 */
	public function __construct(
		public readonly int $id,
		public readonly int $order_id,
		public readonly string $request_id,
		public readonly PaymentResult $result
	) {
	}
}
