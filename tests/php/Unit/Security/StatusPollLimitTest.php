<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Security;

use PayViaProxyApi\Security\StatusPollLimit;
use PHPUnit\Framework\TestCase;

/**
 * 120 status reads per minute per order and client, then 429 until the window ends.
 */
final class StatusPollLimitTest extends TestCase {

	private const NOW = 1767225600;

	/**
	 * @return array{0: bool, 1: int, 2: mixed} Whether the last of $requests was allowed, its ends_in, the bucket.
	 */
	private function run_requests( StatusPollLimit $limit, int $requests, int $now = self::NOW, mixed $bucket = null ): array {
		$count = null;
		for ( $i = 0; $i < $requests; $i++ ) {
			$count  = $limit->count( $bucket, $now );
			$bucket = $count->bucket;
		}
		return array( $count->allowed, $count->ends_in, $bucket );
	}

	public function test_a_polling_page_fits_with_room_for_a_second_tab(): void {
		$this->assertSame( 120, StatusPollLimit::LIMIT );
		$this->assertSame( 60, StatusPollLimit::WINDOW_SECONDS );

		[ $allowed, $ends_in, $bucket ] = $this->run_requests( new StatusPollLimit(), 120 );

		$this->assertTrue( $allowed );
		$this->assertSame( 60, $ends_in );
		$this->assertSame( array( 'start' => self::NOW, 'count' => 120 ), $bucket );
	}

	public function test_the_121st_request_in_a_window_is_refused_until_the_window_ends(): void {
		$limit          = new StatusPollLimit();
		[ , , $bucket ] = $this->run_requests( $limit, 120 );

		$refused = $limit->count( $bucket, self::NOW + 45 );

		$this->assertFalse( $refused->allowed );
		$this->assertSame( 15, $refused->ends_in, 'Retry-After: when the window ends' );
		$this->assertSame( $bucket, $refused->bucket, 'a refusal changes nothing' );
	}

	public function test_the_last_second_of_a_window_still_refuses_and_the_next_one_starts_afresh(): void {
		$limit          = new StatusPollLimit( 2, 60 );
		[ , , $bucket ] = $this->run_requests( $limit, 2 );

		$last = $limit->count( $bucket, self::NOW + 59 );
		$this->assertFalse( $last->allowed );
		$this->assertSame( 1, $last->ends_in );

		$next = $limit->count( $bucket, self::NOW + 60 );
		$this->assertTrue( $next->allowed );
		$this->assertSame( array( 'start' => self::NOW + 60, 'count' => 1 ), $next->bucket );
	}

	/**
	 * @return array<string, array{0: mixed}>
	 */
	public static function unreadable(): array {
		return array(
			'nothing stored (transient missing: false)' => array( false ),
			'a string'                                   => array( 'garbage' ),
			'missing count'                              => array( array( 'start' => self::NOW ) ),
			'wrong types'                                => array( array( 'start' => '1767225600', 'count' => '500' ) ),
			'a window from the future'                   => array( array( 'start' => self::NOW + 3600, 'count' => 500 ) ),
		);
	}

	/**
	 * @dataProvider unreadable
	 */
	public function test_an_unreadable_or_impossible_count_starts_a_new_window( mixed $bucket ): void {
		$count = ( new StatusPollLimit() )->count( $bucket, self::NOW );

		$this->assertTrue( $count->allowed );
		$this->assertSame( array( 'start' => self::NOW, 'count' => 1 ), $count->bucket );
	}

	public function test_keys_differ_per_order_and_per_client_and_hide_the_address(): void {
		$key = StatusPollLimit::key( 42, '198.51.100.7' );

		$this->assertNotSame( $key, StatusPollLimit::key( 43, '198.51.100.7' ) );
		$this->assertNotSame( $key, StatusPollLimit::key( 42, '198.51.100.8' ) );
		$this->assertSame( $key, StatusPollLimit::key( 42, '198.51.100.7' ) );
		$this->assertStringNotContainsString( '198.51', $key );
		$this->assertLessThanOrEqual( 172, strlen( '_transient_timeout_' . $key ), 'fits a transient name' );
	}

	public function test_a_limit_or_window_below_one_is_refused(): void {
		$this->expectException( \InvalidArgumentException::class );
		new StatusPollLimit( 0, 60 );
	}
}
