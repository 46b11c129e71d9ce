<?php
/**
 * One M-Pesa reversal requested for a WooCommerce refund: what was asked, what came back.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Refunds;

/**
 * An immutable record kept on the order (ReversalStore), so it outlives the refund object a failed reversal
 * removes. with() returns a changed copy.
 */
final class ReversalRecord {

	/** Written before the request leaves, so a crash mid-request leaves a trace. */
	public const REQUESTING = 'requesting';

	/** M-Pesa accepted the request (or its answer was lost): the result is awaited. */
	public const REQUESTED = 'requested';

	/** M-Pesa returned the money. Final. */
	public const CONFIRMED = 'confirmed';

	/** M-Pesa refused the request or reported the reversal failed. Final. */
	public const FAILED = 'failed';

	/**
	 * @param int    $refund_id                  WooCommerce refund id.
	 * @param string $token_hash                 SHA-256 of the result URL's token (the token itself is never kept).
	 * @param int    $amount                     Whole shillings to return (the whole M-Pesa payment).
	 * @param string $receipt                    M-Pesa receipt of the payment reversed.
	 * @param string $previous_status            Order status before the refund (restored if the reversal fails).
	 * @param int    $requested_at               Unix time of the request.
	 * @param string $status                     One of the constants above.
	 * @param string $originator_conversation_id From Daraja's answer.
	 * @param string $conversation_id            From Daraja's answer; results must carry it.
	 * @param bool   $woocommerce_done           Whether WooCommerce finished recording the refund.
	 * @param string $result_code                ResultCode received ('' until then).
	 * @param string $result_desc                ResultDesc received, or why the request was refused.
	 * @param string $reversal_receipt           M-Pesa receipt of the reversal itself.
	 * @param int    $settled_at                 Unix time the outcome was applied (0 until then).
	 */
	public function __construct(
		public readonly int $refund_id,
		public readonly string $token_hash,
		public readonly int $amount,
		public readonly string $receipt,
		public readonly string $previous_status,
		public readonly int $requested_at,
		public readonly string $status = self::REQUESTING,
		public readonly string $originator_conversation_id = '',
		public readonly string $conversation_id = '',
		public readonly bool $woocommerce_done = false,
		public readonly string $result_code = '',
		public readonly string $result_desc = '',
		public readonly string $reversal_receipt = '',
		public readonly int $settled_at = 0
	) {
	}

	/**
	 * @return bool Whether the outcome is known and applied.
	 */
	public function is_final(): bool {
		return in_array( $this->status, array( self::CONFIRMED, self::FAILED ), true );
	}

	/**
	 * @return bool Whether a result arrived but is not applied yet (WooCommerce was still recording the refund).
	 */
	public function has_pending_result(): bool {
		return ! $this->is_final() && '' !== $this->result_code;
	}

	/**
	 * @param array<string, mixed> $changes Property => new value.
	 * @return self A changed copy.
	 */
	public function with( array $changes ): self {
		return self::from_array( array_merge( $this->to_array(), $changes ) );
	}

	/**
	 * @return array<string, mixed> Plain data for storage.
	 */
	public function to_array(): array {
		return get_object_vars( $this );
	}

	/**
	 * @param array<string, mixed> $data As produced by to_array().
	 * @return self
	 */
	public static function from_array( array $data ): self {
		$status = (string) ( $data['status'] ?? self::REQUESTING );
		return new self(
			(int) ( $data['refund_id'] ?? 0 ),
			(string) ( $data['token_hash'] ?? '' ),
			(int) ( $data['amount'] ?? 0 ),
			(string) ( $data['receipt'] ?? '' ),
			(string) ( $data['previous_status'] ?? '' ),
			(int) ( $data['requested_at'] ?? 0 ),
			in_array( $status, array( self::REQUESTING, self::REQUESTED, self::CONFIRMED, self::FAILED ), true ) ? $status : self::REQUESTING,
			(string) ( $data['originator_conversation_id'] ?? '' ),
			(string) ( $data['conversation_id'] ?? '' ),
			(bool) ( $data['woocommerce_done'] ?? false ),
			(string) ( $data['result_code'] ?? '' ),
			(string) ( $data['result_desc'] ?? '' ),
			(string) ( $data['reversal_receipt'] ?? '' ),
			(int) ( $data['settled_at'] ?? 0 )
		);
	}
}
