<?php
/**
 * When a shopper may ask for another M-Pesa prompt for an unpaid order.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Payment;

/**
 * Pure rules over an order's attempts, so the limits are unit-tested without WordPress.
 *
 * - While a prompt is live (accepted or still being sent, less than PROMPT_LIVE_SECONDS old, not failed), a
 *   resend is refused: M-Pesa allows one prompt per phone at a time and a second would fail with 1001.
 * - Every attempt after an order's first one is a resend, whichever screen started it; at most MAX_RESENDS of
 *   them fit in any WINDOW_SECONDS. The route takes the phone number from the shopper, so without this limit
 *   an order key would be a free way to flood someone's phone with prompts.
 */
final class ResendPolicy {

	/**
	 * M-Pesa drops an unanswered prompt after about 90 s (API notes 2.5). The attempt's start time stands
	 * for "accepted": the provider answers within its timeout, so the window ends at most that much early.
	 */
	public const PROMPT_LIVE_SECONDS = 90;

	/** Resends per order inside WINDOW_SECONDS: room for a typo and a second phone, too few to pester anyone. */
	public const MAX_RESENDS = 3;

	/** The sliding window for MAX_RESENDS: ten minutes. */
	public const WINDOW_SECONDS = 600;

	/**
	 * @param Attempt[] $attempts The order's attempts, oldest first (as OrderMeta returns them).
	 * @param bool      $payable  Whether the order still needs paying.
	 * @param int       $now      Unix time.
	 * @return ResendVerdict
	 */
	public function verdict( array $attempts, bool $payable, int $now ): ResendVerdict {
		if ( ! $payable ) {
			return ResendVerdict::not_payable();
		}
		$rate_limited_until = $this->rate_limited_until( $attempts, $now );
		if ( $rate_limited_until > $now ) {
			return ResendVerdict::wait( ResendVerdict::TOO_MANY, $rate_limited_until );
		}
		$live_until = $this->live_until( $attempts, $now );
		if ( $live_until > $now ) {
			return ResendVerdict::wait( ResendVerdict::PROMPT_LIVE, $live_until );
		}
		return ResendVerdict::allowed();
	}

	/**
	 * @param Attempt $attempt An attempt.
	 * @param int     $now     Unix time.
	 * @return bool Whether its prompt may still be on the shopper's phone.
	 */
	public static function is_live( Attempt $attempt, int $now ): bool {
		return in_array( $attempt->status, array( AttemptStatus::STARTED, AttemptStatus::AWAITING ), true )
			&& $now < $attempt->created_at + self::PROMPT_LIVE_SECONDS;
	}

	/**
	 * @param Attempt[] $attempts Attempts.
	 * @param int       $now      Unix time.
	 * @return int When the last live prompt expires (0 when none is live).
	 */
	private function live_until( array $attempts, int $now ): int {
		$until = 0;
		foreach ( $attempts as $attempt ) {
			if ( self::is_live( $attempt, $now ) ) {
				$until = max( $until, $attempt->created_at + self::PROMPT_LIVE_SECONDS );
			}
		}
		return $until;
	}

	/**
	 * @param Attempt[] $attempts Attempts, oldest first.
	 * @param int       $now      Unix time.
	 * @return int When one more resend fits in the window again (0 when it fits now).
	 */
	private function rate_limited_until( array $attempts, int $now ): int {
		$recent = array();
		foreach ( array_slice( array_values( $attempts ), 1 ) as $resend ) {
			if ( $resend->created_at > $now - self::WINDOW_SECONDS ) {
				$recent[] = $resend->created_at;
			}
		}
		if ( count( $recent ) < self::MAX_RESENDS ) {
			return 0;
		}
		sort( $recent );
		// The window has room again once enough of the recent resends have aged out of it.
		return $recent[ count( $recent ) - self::MAX_RESENDS ] + self::WINDOW_SECONDS;
	}
}
