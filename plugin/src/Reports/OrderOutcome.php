<?php
/**
 * What an order's M-Pesa attempts add up to: paid, underpaid, still awaiting, or failed.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Reports;

use PayViaProxyApi\Payment\AttemptStatus;

/**
 * Pure. The report's summary counts orders, not attempts: a shopper who cancels one prompt and pays the
 * next is one paid order, not one failure and one payment.
 */
final class OrderOutcome {

	public const PAID      = 'paid';
	public const UNDERPAID = 'underpaid';
	public const AWAITING  = 'awaiting';
	public const FAILED    = 'failed';

	/**
	 * @param string[] $statuses The order's attempt statuses, oldest first.
	 * @return string One of the constants; '' for an order without attempts.
	 */
	public static function of( array $statuses ): string {
		if ( array() === $statuses ) {
			return '';
		}
		if ( in_array( AttemptStatus::PAID, $statuses, true ) ) {
			return self::PAID;
		}
		if ( in_array( AttemptStatus::UNDERPAID, $statuses, true ) ) {
			return self::UNDERPAID;
		}
		// Only the newest attempt can still be answered: an older live prompt was superseded by a resend.
		$latest = (string) end( $statuses );
		return in_array( $latest, array( AttemptStatus::STARTED, AttemptStatus::AWAITING ), true ) ? self::AWAITING : self::FAILED;
	}
}
