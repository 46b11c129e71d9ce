<?php
/**
 * The refund rules: when an M-Pesa reversal may be asked for, and what its result does.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Refunds;

/**
 * Pure decisions, unit-tested without WordPress.
 *
 * - M-Pesa reverses a payment whole, so only a refund of the whole order is sent as a reversal; a partial
 *   refund is refused with a reason (the store owner can record it manually and pay another way).
 * - One reversal per payment: while one is awaited or after one succeeded, another is refused.
 * - A result must carry the reversal's ConversationID; a repeat changes nothing; a result that contradicts
 *   an applied one is only noted.
 * - A result that arrives while WooCommerce is still recording the refund waits until it has finished, so
 *   a failed reversal never removes a refund WooCommerce is still writing.
 */
final class ReversalRules {

	public const REFUSE_NO_PAYMENT  = 'no_payment';
	public const REFUSE_PARTIAL     = 'partial';
	public const REFUSE_IN_PROGRESS = 'in_progress';
	public const REFUSE_REVERSED    = 'reversed';

	public const CONFIRM   = 'confirm';
	public const FAIL      = 'fail';
	public const HOLD      = 'hold';
	public const DUPLICATE = 'duplicate';
	public const CONFLICT  = 'conflict';
	public const MISMATCH  = 'mismatch';

	/** After this long, a result is applied even if WooCommerce never said it finished (it crashed, or no refund flow ran). */
	public const WOOCOMMERCE_GRACE = 300;

	/** Cents tolerance when comparing WooCommerce amounts (floats). */
	private const EPSILON = 0.005;

	/**
	 * @param string           $receipt         M-Pesa receipt of the order's payment ('' when unpaid).
	 * @param float            $refund          Amount of the refund being made.
	 * @param float            $order_total     The order's total.
	 * @param float            $refunded_before Refunded before this refund.
	 * @param ReversalRecord[] $records         Reversals already asked for on this order.
	 * @return string|null A REFUSE_* code, or null when the reversal may be asked for.
	 */
	public function refusal( string $receipt, float $refund, float $order_total, float $refunded_before, array $records ): ?string {
		if ( '' === $receipt ) {
			return self::REFUSE_NO_PAYMENT;
		}
		foreach ( $records as $record ) {
			if ( $record->receipt !== $receipt ) {
				continue;
			}
			if ( ReversalRecord::CONFIRMED === $record->status ) {
				return self::REFUSE_REVERSED;
			}
			if ( ! $record->is_final() ) {
				return self::REFUSE_IN_PROGRESS;
			}
		}
		if ( $refunded_before > self::EPSILON || abs( $refund - $order_total ) > self::EPSILON ) {
			return self::REFUSE_PARTIAL;
		}
		return null;
	}

	/**
	 * @param ReversalRecord $record The reversal as stored.
	 * @param ReversalResult $result What M-Pesa posted.
	 * @param int            $now    Unix time.
	 * @return string CONFIRM, FAIL, HOLD, DUPLICATE, CONFLICT or MISMATCH.
	 */
	public function on_result( ReversalRecord $record, ReversalResult $result, int $now ): string {
		// Before Daraja's answer is stored (a result can beat it), the URL token alone vouches for the result.
		if ( '' !== $record->conversation_id && ! hash_equals( $record->conversation_id, $result->conversation_id ) ) {
			return self::MISMATCH;
		}
		if ( $record->is_final() || $record->has_pending_result() ) {
			$same = $record->result_code === $result->result_code;
			return $same ? self::DUPLICATE : self::CONFLICT;
		}
		if ( ! $record->woocommerce_done && $now - $record->requested_at < self::WOOCOMMERCE_GRACE ) {
			return self::HOLD;
		}
		return $result->is_success() ? self::CONFIRM : self::FAIL;
	}

	/**
	 * @param ReversalRecord $record The reversal once WooCommerce has finished recording its refund.
	 * @return string|null CONFIRM or FAIL for a result that was held, else null.
	 */
	public function on_woocommerce_done( ReversalRecord $record ): ?string {
		if ( ! $record->has_pending_result() ) {
			return null;
		}
		return '0' === $record->result_code ? self::CONFIRM : self::FAIL;
	}
}
