<?php
/**
 * One STK push for an order: what was asked, what came back.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Payment;

/**
 * An immutable record of one payment attempt; with_*() methods return changed copies.
 */
final class Attempt {

	/**
	 * @param string                           $request_id          Our RequestID.
	 * @param string                           $token_hash          SHA-256 of the callback token.
	 * @param string                           $phone               Normalised MSISDN the prompt went to.
	 * @param int                              $amount              Whole shillings requested.
	 * @param int                              $created_at          Unix time the attempt started.
	 * @param string                           $status              One of AttemptStatus.
	 * @param string                           $merchant_request_id Provider's MerchantRequestID.
	 * @param string                           $checkout_request_id Provider's CheckoutRequestID.
	 * @param string                           $result_code         M-Pesa ResultCode ('' until known).
	 * @param string                           $result_desc         M-Pesa ResultDesc or provider message.
	 * @param string                           $receipt             M-Pesa receipt once paid.
	 * @param array<int, array<string, mixed>> $events              Callbacks received: kind, time, code.
	 */
	public function __construct(
		public readonly string $request_id,
		public readonly string $token_hash,
		public readonly string $phone,
		public readonly int $amount,
		public readonly int $created_at,
		public readonly string $status = AttemptStatus::STARTED,
		public readonly string $merchant_request_id = '',
		public readonly string $checkout_request_id = '',
		public readonly string $result_code = '',
		public readonly string $result_desc = '',
		public readonly string $receipt = '',
		public readonly array $events = array()
	) {
	}

	/**
	 * @param array<string, mixed> $changes Property => new value.
	 * @return self A changed copy.
	 */
	public function with( array $changes ): self {
		return self::from_array( array_merge( $this->to_array(), $changes ) );
	}

	/**
	 * @param string               $kind    'stk', 'pvp' or 'query'.
	 * @param int                  $at      Unix time received.
	 * @param array<string, mixed> $details Small, non-secret facts about the event.
	 * @return self A copy with the event appended.
	 */
	public function with_event( string $kind, int $at, array $details ): self {
		$events   = $this->events;
		$events[] = array_merge(
			array(
				'kind' => $kind,
				'at'   => $at,
			),
			$details
		);
		return $this->with( array( 'events' => $events ) );
	}

	/**
	 * @return array<string, mixed> Plain data for storage on the order.
	 */
	public function to_array(): array {
		return get_object_vars( $this );
	}

	/**
	 * @param array<string, mixed> $data As produced by to_array().
	 * @return self
	 */
	public static function from_array( array $data ): self {
		$status = (string) ( $data['status'] ?? AttemptStatus::STARTED );
		return new self(
			(string) ( $data['request_id'] ?? '' ),
			(string) ( $data['token_hash'] ?? '' ),
			(string) ( $data['phone'] ?? '' ),
			(int) ( $data['amount'] ?? 0 ),
			(int) ( $data['created_at'] ?? 0 ),
			AttemptStatus::is_known( $status ) ? $status : AttemptStatus::STARTED,
			(string) ( $data['merchant_request_id'] ?? '' ),
			(string) ( $data['checkout_request_id'] ?? '' ),
			(string) ( $data['result_code'] ?? '' ),
			(string) ( $data['result_desc'] ?? '' ),
			(string) ( $data['receipt'] ?? '' ),
			is_array( $data['events'] ?? null ) ? array_values( $data['events'] ) : array()
		);
	}
}
