<?php
/**
 * What the provider says happened to one attempt, whichever way it said it.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Payment;

/**
 * A provider outcome, from an stkCallback, a pvpCallback or a reconciliation query; all go through Settlement.
 */
final class PaymentResult {

	public const SOURCE_STK = 'stk';
	public const SOURCE_PVP = 'pvp';

	/** Found by reconciliation in ProxyAPI's transaction report (no callback reached the store). */
	public const SOURCE_REPORT = 'report';

	/**
	 * @param string               $source              Where it came from (SOURCE_*).
	 * @param string               $result_code         '0' for paid; M-Pesa codes can be non-numeric.
	 * @param string               $result_desc         Provider's text.
	 * @param string               $checkout_request_id CheckoutRequestID it is about.
	 * @param string               $merchant_request_id MerchantRequestID, when the source has one.
	 * @param string               $request_id          Our RequestID, when the source echoes it.
	 * @param string               $receipt             M-Pesa receipt when paid.
	 * @param float|null           $amount              Amount paid, when reported.
	 * @param string               $transaction_time    As received (YYYYMMDDHHmmss).
	 * @param string               $payer_phone         As received; may be masked by Safaricom.
	 * @param string               $payer_first_name    As received.
	 * @param string               $payer_last_name     As received.
	 * @param int|null             $due_date            ProxyAPI account due date (epoch), from pvpCallback.
	 * @param array<string, mixed> $metadata            Every CallbackMetadata item that had a value.
	 */
	public function __construct(
		public readonly string $source,
		public readonly string $result_code,
		public readonly string $result_desc,
		public readonly string $checkout_request_id,
		public readonly string $merchant_request_id = '',
		public readonly string $request_id = '',
		public readonly string $receipt = '',
		public readonly ?float $amount = null,
		public readonly string $transaction_time = '',
		public readonly string $payer_phone = '',
		public readonly string $payer_first_name = '',
		public readonly string $payer_last_name = '',
		public readonly ?int $due_date = null,
		public readonly array $metadata = array()
	) {
	}

	/**
	 * @return bool Whether M-Pesa reports the money paid.
	 */
	public function is_paid(): bool {
		return '0' === $this->result_code && '' !== $this->receipt;
	}
}
