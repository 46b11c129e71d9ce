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
	 * @return array<string, mixed> Every field by name, for storing a result until it is settled (JSON-safe).
	 */
	public function to_array(): array {
		return get_object_vars( $this );
	}

	/**
	 * Rebuilds a stored result. Values come from this plugin's own table, but are still typed one by one so a
	 * damaged row is refused instead of settling something else.
	 *
	 * @param array<string, mixed> $fields What to_array() gave.
	 * @return self
	 * @throws \InvalidArgumentException When a required field is missing or of the wrong type.
	 */
	public static function from_array( array $fields ): self {
		foreach ( array( 'source', 'result_code', 'result_desc', 'checkout_request_id' ) as $required ) {
			if ( ! isset( $fields[ $required ] ) || ! is_string( $fields[ $required ] ) ) {
				throw new \InvalidArgumentException( "A stored payment result has no {$required}." );
			}
		}
		$text   = static fn ( string $name ): string => isset( $fields[ $name ] ) && is_scalar( $fields[ $name ] ) ? (string) $fields[ $name ] : '';
		$amount = $fields['amount'] ?? null;
		$due    = $fields['due_date'] ?? null;
		return new self(
			$fields['source'],
			$fields['result_code'],
			$fields['result_desc'],
			$fields['checkout_request_id'],
			$text( 'merchant_request_id' ),
			$text( 'request_id' ),
			$text( 'receipt' ),
			is_int( $amount ) || is_float( $amount ) ? (float) $amount : null,
			$text( 'transaction_time' ),
			$text( 'payer_phone' ),
			$text( 'payer_first_name' ),
			$text( 'payer_last_name' ),
			is_int( $due ) ? $due : null,
			isset( $fields['metadata'] ) && is_array( $fields['metadata'] ) ? $fields['metadata'] : array()
		);
	}

	/**
	 * @return bool Whether M-Pesa reports the money paid.
	 */
	public function is_paid(): bool {
		return '0' === $this->result_code && '' !== $this->receipt;
	}
}
