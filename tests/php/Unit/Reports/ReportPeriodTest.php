<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Reports;

use PayViaProxyApi\Reports\ReportPeriod;
use PHPUnit\Framework\TestCase;

final class ReportPeriodTest extends TestCase {

	private function now(): \DateTimeImmutable {
		// 30 November 2026, 00:30 in Nairobi: still 29 November in UTC, the edge a UTC-based day would get wrong.
		return new \DateTimeImmutable( '2026-11-30 00:30:00', new \DateTimeZone( 'Africa/Nairobi' ) );
	}

	private static function local( string $local ): int {
		return ( new \DateTimeImmutable( $local, new \DateTimeZone( 'Africa/Nairobi' ) ) )->getTimestamp();
	}

	public function test_named_periods_run_from_store_midnight_to_the_end_of_today(): void {
		$end = self::local( '2026-11-30 23:59:59' );
		$this->assertEquals( new ReportPeriod( self::local( '2026-11-30 00:00:00' ), $end ), ReportPeriod::named( 'today', '', '', $this->now() ) );
		$this->assertEquals( new ReportPeriod( self::local( '2026-11-24 00:00:00' ), $end ), ReportPeriod::named( '7d', '', '', $this->now() ) );
		$this->assertEquals( new ReportPeriod( self::local( '2026-11-01 00:00:00' ), $end ), ReportPeriod::named( '30d', '', '', $this->now() ) );
		$this->assertEquals( new ReportPeriod( self::local( '2026-11-01 00:00:00' ), $end ), ReportPeriod::named( 'this_month', '', '', $this->now() ) );
		$this->assertEquals( new ReportPeriod( self::local( '2026-01-01 00:00:00' ), $end ), ReportPeriod::named( 'this_year', '', '', $this->now() ) );
	}

	public function test_last_month_is_the_whole_previous_calendar_month(): void {
		$this->assertEquals(
			new ReportPeriod( self::local( '2026-10-01 00:00:00' ), self::local( '2026-10-31 23:59:59' ) ),
			ReportPeriod::named( 'last_month', '', '', $this->now() )
		);
	}

	public function test_all_time_and_custom_days(): void {
		$this->assertEquals( new ReportPeriod( 0, PHP_INT_MAX ), ReportPeriod::named( 'all', '', '', $this->now() ) );
		$this->assertEquals(
			new ReportPeriod( self::local( '2026-02-28 00:00:00' ), self::local( '2026-03-01 23:59:59' ) ),
			ReportPeriod::named( 'custom', '2026-02-28', '2026-03-01', $this->now() )
		);
		$this->assertEquals( new ReportPeriod( self::local( '2026-03-01 00:00:00' ), PHP_INT_MAX ), ReportPeriod::named( 'custom', '2026-03-01', '', $this->now() ) );
	}

	/**
	 * @return array<string, array{0: string, 1: string, 2: string}>
	 */
	public static function refused(): array {
		return array(
			'unknown period'       => array( 'fortnight', '', '' ),
			'impossible day'       => array( 'custom', '2026-02-30', '' ),
			'not a day'            => array( 'custom', 'yesterday', '' ),
			'end before the start' => array( 'custom', '2026-03-02', '2026-03-01' ),
		);
	}

	/**
	 * @dataProvider refused
	 */
	public function test_bad_periods_are_refused( string $period, string $after, string $before ): void {
		$this->expectException( \InvalidArgumentException::class );
		ReportPeriod::named( $period, $after, $before, $this->now() );
	}
}
