<?php
/**
 * Whether WooCommerce's hold-stock timer may cancel an unpaid order that has M-Pesa attempts.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Order;

use PayViaProxyApi\Payment\Attempt;

/**
 * Pure. An order is kept while any attempt may still bring a result: its prompt was sent moments ago, or
 * a reconciliation check is still due. Once reconciliation gave up (the admin was told), or a check is long
 * overdue (the scheduler is not running, so nothing would ever settle it), the store's timer decides again.
 */
final class HoldStockRule {

	/** The prompt lasts about 90 s; its callbacks can trail it, and the first check comes later still. */
	public const RESULT_WINDOW_SECONDS = 300;

	/** How long past its due time a reconciliation check may be before it no longer holds the order. */
	public const OVERDUE_GRACE_SECONDS = 3600;

	/**
	 * @param Attempt[] $attempts The order's attempts.
	 * @param int       $now      Unix time.
	 * @return bool Whether cancelling the order now cannot cut off a result that is still coming.
	 */
	public static function may_cancel( array $attempts, int $now ): bool {
		foreach ( $attempts as $attempt ) {
			if ( self::may_still_settle( $attempt, $now ) ) {
				return false;
			}
		}
		return true;
	}

	/**
	 * @param Attempt $attempt An attempt.
	 * @param int     $now     Unix time.
	 * @return bool Whether a callback or a reconciliation check may still settle it.
	 */
	private static function may_still_settle( Attempt $attempt, int $now ): bool {
		if ( ! $attempt->awaits_result() || $attempt->reconcile_gave_up_at > 0 ) {
			return false;
		}
		if ( $now < $attempt->created_at + self::RESULT_WINDOW_SECONDS ) {
			return true;
		}
		return $attempt->reconcile_next_at > 0 && $now < $attempt->reconcile_next_at + self::OVERDUE_GRACE_SECONDS;
	}
}
