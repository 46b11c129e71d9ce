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
 *
 * The stored shape (to_array()) is read by the admin panel and the report: fields are only ever added, with
 * defaults, so attempts stored by an older version still load.
 */
final class Attempt {

	/** Started by this plugin, with a callback token. */
	public const ORIGIN_PLUGIN = 'plugin';

	/** Rebuilt from a Pay via ProxyAPI 2.2.7 order when its callback reached the 2.2.7 URL (no token). */
	public const ORIGIN_LEGACY = 'legacy-2.2.7';

	/**
	 * @param string                           $request_id           Our RequestID.
	 * @param string                           $token_hash           SHA-256 of the callback token.
	 * @param string                           $phone                Normalised MSISDN the prompt went to.
	 * @param int                              $amount               Whole shillings requested.
	 * @param int                              $created_at           Unix time the attempt started.
	 * @param string                           $status               One of AttemptStatus.
	 * @param string                           $merchant_request_id  Provider's MerchantRequestID.
	 * @param string                           $checkout_request_id  Provider's CheckoutRequestID.
	 * @param string                           $result_code          M-Pesa ResultCode ('' until known).
	 * @param string                           $result_desc          M-Pesa ResultDesc or provider message.
	 * @param string                           $receipt              M-Pesa receipt once paid.
	 * @param array<int, array<string, mixed>> $events               Callbacks received and reconciliation runs: kind, time, code.
	 * @param int                              $accepted_at          Unix time the provider accepted the request (0 until then).
	 * @param int                              $settled_at           Unix time of the last state change by a result (0 until then).
	 * @param string                           $settled_by           Source of that result (PaymentResult::SOURCE_*).
	 * @param float|null                       $amount_paid          Amount M-Pesa reported paid, when reported.
	 * @param int                              $reconcile_tries      Scheduled reconciliation runs done.
	 * @param int                              $reconcile_next_at    Unix time the next scheduled run is due (0: none scheduled).
	 * @param int                              $reconcile_gave_up_at Unix time reconciliation stopped asking (0: it has not).
	 * @param string                           $origin               ORIGIN_PLUGIN or ORIGIN_LEGACY.
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
		public readonly array $events = array(),
		public readonly int $accepted_at = 0,
		public readonly int $settled_at = 0,
		public readonly string $settled_by = '',
		public readonly ?float $amount_paid = null,
		public readonly int $reconcile_tries = 0,
		public readonly int $reconcile_next_at = 0,
		public readonly int $reconcile_gave_up_at = 0,
		public readonly string $origin = self::ORIGIN_PLUGIN
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
	 * @param string                           $kind                 A PaymentResult source ('stk', 'pvp', 'report', ...).
	 * @param int                              $at                   Unix time received.
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
	 * @return bool Whether a result may still come: the prompt was sent (or may have been) and nothing settled it.
	 */
	public function awaits_result(): bool {
		return AttemptStatus::awaits_result( $this->status );
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
			is_array( $data['events'] ?? null ) ? array_values( $data['events'] ) : array(),
			(int) ( $data['accepted_at'] ?? 0 ),
			(int) ( $data['settled_at'] ?? 0 ),
			(string) ( $data['settled_by'] ?? '' ),
			is_numeric( $data['amount_paid'] ?? null ) ? (float) $data['amount_paid'] : null,
			(int) ( $data['reconcile_tries'] ?? 0 ),
			(int) ( $data['reconcile_next_at'] ?? 0 ),
			(int) ( $data['reconcile_gave_up_at'] ?? 0 ),
			self::ORIGIN_LEGACY === ( $data['origin'] ?? '' ) ? self::ORIGIN_LEGACY : self::ORIGIN_PLUGIN
		);
	}
}
