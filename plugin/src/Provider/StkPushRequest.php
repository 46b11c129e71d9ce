<?php
/**
 * What the store asks the provider to push to the shopper's phone.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Provider;

/**
 * Provider-neutral request; each provider client maps it to its own wire format.
 */
final class StkPushRequest {

	/**
	 * @param string $request_id        Our RequestID for this attempt.
	 * @param string $phone             Normalised MSISDN.
	 * @param int    $amount            Whole shillings.
	 * @param string $account_reference The order number.
	 * @param string $callback_url      Where the result must be posted (carries the attempt's token).
	 * @param string $origin            The store's scheme and host.
	 */
	public function __construct(
		public readonly string $request_id,
		public readonly string $phone,
		public readonly int $amount,
		public readonly string $account_reference,
		public readonly string $callback_url,
		public readonly string $origin
	) {
	}
}
