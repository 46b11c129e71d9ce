<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Provider\Daraja;

use PayViaProxyApi\Provider\Daraja\LipaPassword;
use PHPUnit\Framework\TestCase;

final class LipaPasswordTest extends TestCase {

	private string $zone;

	protected function setUp(): void {
		$this->zone = date_default_timezone_get();
	}

	protected function tearDown(): void {
		date_default_timezone_set( $this->zone );
	}

	/**
	 * @return array<string, array{0: string, 1: string}>
	 */
	public function kenya_times(): array {
		return array(
			'UTC 21:00 is midnight in Nairobi, the next day and year' => array( '2025-12-31T21:00:00Z', '20260101000000' ),
			'one second before Nairobi midnight'                      => array( '2025-12-31T20:59:59Z', '20251231235959' ),
			'UTC midnight is 03:00 in Nairobi'                        => array( '2026-03-01T00:00:00Z', '20260301030000' ),
			'a leap day in Nairobi that is still 28 February in UTC'  => array( '2028-02-28T22:30:00Z', '20280229013000' ),
			'the last second of a leap day'                           => array( '2028-02-29T20:59:59Z', '20280229235959' ),
		);
	}

	/**
	 * @dataProvider kenya_times
	 */
	public function test_timestamp_is_kenya_time_whatever_the_server_zone( string $utc, string $expected ): void {
		$unix = ( new \DateTimeImmutable( $utc ) )->getTimestamp();
		foreach ( array( 'UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Africa/Nairobi' ) as $zone ) {
			date_default_timezone_set( $zone );
			$this->assertSame( $expected, LipaPassword::timestamp( $unix ), "server zone {$zone}" );
		}
	}

	public function test_password_is_base64_of_shortcode_passkey_and_timestamp(): void {
		// The API notes' sandbox example, computed for Timestamp 20260101120000.
		$this->assertSame(
			'MTc0Mzc5YmZiMjc5ZjlhYTliZGJjZjE1OGU5N2RkNzFhNDY3Y2QyZTBjODkzMDU5YjEwZjc4ZTZiNzJhZGExZWQyYzkxOTIwMjYwMTAxMTIwMDAw',
			LipaPassword::password( '174379', Configs::PASSKEY, '20260101120000' )
		);
	}

	public function test_fields_build_the_password_from_the_timestamp_they_send(): void {
		$unix   = ( new \DateTimeImmutable( '2026-01-01T09:00:00Z' ) )->getTimestamp();
		$fields = LipaPassword::fields( '174379', Configs::PASSKEY, $unix );
		$this->assertSame( '20260101120000', $fields['Timestamp'] );
		$this->assertSame( '174379' . Configs::PASSKEY . '20260101120000', base64_decode( $fields['Password'], true ) );
	}

	public function test_each_request_gets_the_time_it_is_made(): void {
		$first  = LipaPassword::fields( '174379', Configs::PASSKEY, 1767258000 );
		$second = LipaPassword::fields( '174379', Configs::PASSKEY, 1767258001 );
		$this->assertSame( array( '20260101120000', '20260101120001' ), array( $first['Timestamp'], $second['Timestamp'] ) );
		$this->assertNotSame( $first['Password'], $second['Password'] );
	}
}
