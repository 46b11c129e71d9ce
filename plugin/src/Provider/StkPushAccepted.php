<?php
/**
 * The provider's "the prompt is on its way" answer.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Provider;

/**
 * The ids that later callbacks must match.
 */
final class StkPushAccepted {

	/**
	 * @param string $merchant_request_id MerchantRequestID.
	 * @param string $checkout_request_id CheckoutRequestID.
	 * @param string $description         Provider's message.
	 */
	public function __construct(
		public readonly string $merchant_request_id,
		public readonly string $checkout_request_id,
		public readonly string $description
	) {
	}
}
