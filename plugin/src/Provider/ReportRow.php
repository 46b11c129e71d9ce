<?php
/**
 * One transaction as ProxyAPI's /pvp/report lists it.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Provider;

/**
 * Every field is normalised to a plain type; the report is read-only evidence, never trusted to pay by itself
 * without going through the settlement rules.
 */
final class ReportRow {

	/**
	 * @param string $checkout_request_id CheckoutRequestID (the join key with our attempts).
	 * @param string $receipt             MpesaTransactionID ('' when unpaid).
	 * @param float  $amount              Amount.
	 * @param string $account_reference   AccountRef (our order number).
	 * @param string $phone               SenderMSISDN as listed.
	 * @param string $first_name          SenderFirstName.
	 * @param string $last_name           SenderLastName.
	 * @param string $transaction_time    TransactionTime (YYYYMMDDHHmmss or '').
	 * @param bool   $confirmed           Confirmed flag.
	 */
	public function __construct(
		public readonly string $checkout_request_id,
		public readonly string $receipt,
		public readonly float $amount,
		public readonly string $account_reference,
		public readonly string $phone,
		public readonly string $first_name,
		public readonly string $last_name,
		public readonly string $transaction_time,
		public readonly bool $confirmed
	) {
	}

	/**
	 * @return bool Whether ProxyAPI lists the money as paid.
	 */
	public function is_paid(): bool {
		return '' !== $this->receipt && ( $this->confirmed || '' !== $this->transaction_time );
	}

	/**
	 * @param array<mixed> $row One element of the report's Data list.
	 * @return self|null Null when the row has no usable CheckoutRequestID.
	 */
	public static function from_array( array $row ): ?self {
		$checkout = self::text( $row['CheckoutRequestID'] ?? '' );
		if ( 1 !== preg_match( '/^[A-Za-z0-9_.-]{1,64}$/D', $checkout ) ) {
			return null;
		}
		$receipt = self::text( $row['MpesaTransactionID'] ?? '' );
		return new self(
			$checkout,
			1 === preg_match( '/^[A-Z0-9]{6,20}$/D', $receipt ) ? $receipt : '',
			is_numeric( $row['Amount'] ?? null ) ? (float) $row['Amount'] : 0.0,
			self::text( $row['AccountRef'] ?? '' ),
			self::text( $row['SenderMSISDN'] ?? '' ),
			self::text( $row['SenderFirstName'] ?? '' ),
			self::text( $row['SenderLastName'] ?? '' ),
			self::text( $row['TransactionTime'] ?? '' ),
			filter_var( $row['Confirmed'] ?? false, FILTER_VALIDATE_BOOLEAN )
		);
	}

	/**
	 * @param mixed $value A field.
	 * @return string Its text, at most 100 characters; '' for non-scalars.
	 */
	private static function text( mixed $value ): string {
		return is_scalar( $value ) && ! is_bool( $value ) ? mb_substr( (string) $value, 0, 100 ) : '';
	}
}
