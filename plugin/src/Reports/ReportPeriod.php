<?php
/**
 * The date range a report covers, from a named period ("last 30 days") or two dates, in the store's time zone.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Reports;

/**
 * Pure: "now" (with the store's time zone) is given, so day boundaries are testable. Bounds are Unix times,
 * both inclusive, because attempts are indexed by their Unix start time.
 */
final class ReportPeriod {

	public const PERIODS = array( 'today', '7d', '30d', 'this_month', 'last_month', 'this_year', 'all', 'custom' );

	/**
	 * @param int $from First second included.
	 * @param int $to   Last second included.
	 */
	public function __construct( public readonly int $from, public readonly int $to ) {
	}

	/**
	 * @param string             $period One of PERIODS.
	 * @param string             $after  Custom start day, Y-m-d ('' = open).
	 * @param string             $before Custom end day, Y-m-d ('' = open).
	 * @param \DateTimeImmutable $now    Now, in the store's time zone.
	 * @return self
	 * @throws \InvalidArgumentException For an unknown period, a malformed day or an end before the start.
	 */
	public static function named( string $period, string $after, string $before, \DateTimeImmutable $now ): self {
		$today = $now->setTime( 0, 0 );
		$end   = $today->modify( '+1 day' )->getTimestamp() - 1;
		switch ( $period ) {
			case 'today':
				return new self( $today->getTimestamp(), $end );
			case '7d':
				return new self( $today->modify( '-6 days' )->getTimestamp(), $end );
			case '30d':
				return new self( $today->modify( '-29 days' )->getTimestamp(), $end );
			case 'this_month':
				return new self( $today->modify( 'first day of this month' )->getTimestamp(), $end );
			case 'last_month':
				$first = $today->modify( 'first day of last month' );
				return new self( $first->getTimestamp(), $first->modify( '+1 month' )->getTimestamp() - 1 );
			case 'this_year':
				return new self( $today->setDate( (int) $today->format( 'Y' ), 1, 1 )->getTimestamp(), $end );
			case 'all':
				return new self( 0, PHP_INT_MAX );
			case 'custom':
				return self::between( $after, $before, $now->getTimezone() );
		}
		throw new \InvalidArgumentException( 'Unknown report period.' );
	}

	/**
	 * @param string        $after  Start day, Y-m-d, or ''.
	 * @param string        $before End day, Y-m-d, or ''.
	 * @param \DateTimeZone $zone   The store's time zone.
	 * @return self
	 * @throws \InvalidArgumentException For a malformed day or an end before the start.
	 */
	private static function between( string $after, string $before, \DateTimeZone $zone ): self {
		$from = '' === $after ? 0 : self::day( $after, $zone )->getTimestamp();
		$to   = '' === $before ? PHP_INT_MAX : self::day( $before, $zone )->modify( '+1 day' )->getTimestamp() - 1;
		if ( $to < $from ) {
			throw new \InvalidArgumentException( 'The end date is before the start date.' );
		}
		return new self( $from, $to );
	}

	/**
	 * @param string        $day  Y-m-d.
	 * @param \DateTimeZone $zone Time zone.
	 * @return \DateTimeImmutable Its midnight.
	 * @throws \InvalidArgumentException When it is not a real calendar day.
	 */
	private static function day( string $day, \DateTimeZone $zone ): \DateTimeImmutable {
		$date = \DateTimeImmutable::createFromFormat( '!Y-m-d', $day, $zone );
		if ( false === $date || $date->format( 'Y-m-d' ) !== $day ) {
			throw new \InvalidArgumentException( 'Dates must be real days written as YYYY-MM-DD.' );
		}
		return $date;
	}
}
