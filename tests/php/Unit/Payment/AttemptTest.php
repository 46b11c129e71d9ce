<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Payment;

use PayViaProxyApi\Payment\Attempt;
use PayViaProxyApi\Payment\AttemptStatus;
use PHPUnit\Framework\TestCase;

/**
 * The stored shape of an attempt: read by the admin panel and the report, so keys are only ever added.
 */
final class AttemptTest extends TestCase {

	public function test_the_stored_keys_are_the_first_versions_plus_the_added_ones(): void {
		$keys = array_keys( ( new Attempt( 'REQ000000000001', str_repeat( 'a', 64 ), '254712345678', 100, 1767225600 ) )->to_array() );

		$this->assertSame(
			array(
				'request_id',
				'token_hash',
				'phone',
				'amount',
				'created_at',
				'status',
				'merchant_request_id',
				'checkout_request_id',
				'result_code',
				'result_desc',
				'receipt',
				'events',
				'accepted_at',
				'settled_at',
				'settled_by',
				'amount_paid',
				'reconcile_tries',
				'reconcile_next_at',
				'reconcile_gave_up_at',
				'origin',
			),
			$keys
		);
	}

	public function test_an_attempt_stored_before_the_added_fields_still_loads(): void {
		$old = array(
			'request_id'          => 'REQ000000000001',
			'token_hash'          => str_repeat( 'a', 64 ),
			'phone'               => '254712345678',
			'amount'              => 100,
			'created_at'          => 1767225600,
			'status'              => AttemptStatus::AWAITING,
			'merchant_request_id' => 'm-1',
			'checkout_request_id' => 'ws_CO_1',
			'result_code'         => '',
			'result_desc'         => '',
			'receipt'             => '',
			'events'              => array(),
		);
		$attempt = Attempt::from_array( $old );

		$this->assertSame( 0, $attempt->accepted_at );
		$this->assertNull( $attempt->amount_paid );
		$this->assertSame( 0, $attempt->reconcile_next_at );
		$this->assertSame( Attempt::ORIGIN_PLUGIN, $attempt->origin );
		$this->assertTrue( $attempt->awaits_result() );
		$this->assertSame( $old, array_intersect_key( $attempt->to_array(), $old ) );
	}

	public function test_every_field_survives_storage(): void {
		$attempt = Attempt::from_array( array( 'request_id' => 'REQ000000000001', 'status' => AttemptStatus::PAID ) )->with(
			array(
				'accepted_at'          => 1767225601,
				'settled_at'           => 1767225700,
				'settled_by'           => 'report',
				'amount_paid'          => 99.5,
				'reconcile_tries'      => 2,
				'reconcile_next_at'    => 1767227000,
				'reconcile_gave_up_at' => 1767228000,
				'origin'               => Attempt::ORIGIN_LEGACY,
			)
		);
		$again = Attempt::from_array( json_decode( (string) json_encode( $attempt->to_array() ), true ) );

		$this->assertEquals( $attempt, $again );
		$this->assertFalse( $again->awaits_result() );
	}

	public function test_an_unknown_origin_reads_as_this_plugin(): void {
		$this->assertSame( Attempt::ORIGIN_PLUGIN, Attempt::from_array( array( 'origin' => 'forged' ) )->origin );
	}
}
