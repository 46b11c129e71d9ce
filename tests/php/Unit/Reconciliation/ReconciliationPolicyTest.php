<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Reconciliation;

use PayViaProxyApi\Payment\Attempt;
use PayViaProxyApi\Payment\AttemptStatus;
use PayViaProxyApi\Reconciliation\ReconcileStep;
use PayViaProxyApi\Reconciliation\ReconciliationPolicy;
use PHPUnit\Framework\TestCase;

/**
 * When reconciliation asks again, and when it stops.
 */
final class ReconciliationPolicyTest extends TestCase {

	private function attempt( string $status = AttemptStatus::AWAITING, int $gave_up_at = 0 ): Attempt {
		return Attempt::from_array(
			array(
				'request_id'           => 'REQ000000000001',
				'status'               => $status,
				'checkout_request_id'  => 'ws_CO_1',
				'reconcile_gave_up_at' => $gave_up_at,
			)
		);
	}

	public function test_the_default_schedule_is_5_10_20_40_minutes(): void {
		$policy = new ReconciliationPolicy();
		$this->assertSame( array( 300, 600, 1200, 2400 ), array_map( array( $policy, 'delay_before' ), array( 1, 2, 3, 4 ) ) );
		$this->assertSame( 4, ReconciliationPolicy::MAX_TRIES );
	}

	public function test_a_configured_first_delay_scales_the_whole_schedule_within_bounds(): void {
		$this->assertSame( array( 120, 240, 480, 960 ), array_map( array( new ReconciliationPolicy( 120 ), 'delay_before' ), array( 1, 2, 3, 4 ) ) );
		$this->assertSame( 60, ( new ReconciliationPolicy( 0 ) )->delay_before( 1 ), 'never sooner than a minute' );
		$this->assertSame( 86400, ( new ReconciliationPolicy( 10 * 86400 ) )->delay_before( 1 ), 'never later than a day' );
	}

	public function test_a_result_is_settled_whatever_the_try(): void {
		foreach ( array( 1, 4 ) as $try ) {
			$this->assertSame( ReconcileStep::SETTLE, ( new ReconciliationPolicy() )->after_check( $try, true )->action );
		}
	}

	public function test_no_result_retries_with_back_off_until_the_last_try(): void {
		$policy = new ReconciliationPolicy();
		$steps  = array_map( static fn ( int $try ): ReconcileStep => $policy->after_check( $try, false ), array( 1, 2, 3 ) );

		$this->assertSame( array( ReconcileStep::RETRY, ReconcileStep::RETRY, ReconcileStep::RETRY ), array_column( array_map( 'get_object_vars', $steps ), 'action' ) );
		$this->assertSame( array( 2, 3, 4 ), array_column( array_map( 'get_object_vars', $steps ), 'next_try' ) );
		$this->assertSame( array( 600, 1200, 2400 ), array_column( array_map( 'get_object_vars', $steps ), 'delay' ) );
	}

	public function test_no_result_on_the_last_try_gives_up(): void {
		$this->assertSame( ReconcileStep::GIVE_UP, ( new ReconciliationPolicy() )->after_check( ReconciliationPolicy::MAX_TRIES, false )->action );
	}

	public function test_only_attempts_still_waiting_are_checked(): void {
		$policy = new ReconciliationPolicy();
		$this->assertTrue( $policy->should_check( $this->attempt() ) );
		$this->assertTrue( $policy->should_check( $this->attempt( AttemptStatus::STARTED ) ) );
		foreach ( array( AttemptStatus::PAID, AttemptStatus::FAILED, AttemptStatus::UNDERPAID, AttemptStatus::REJECTED ) as $settled ) {
			$this->assertFalse( $policy->should_check( $this->attempt( $settled ) ), $settled . ': a callback won, the check is a no-op' );
		}
		$this->assertFalse( $policy->should_check( $this->attempt( AttemptStatus::AWAITING, 1700000000 ) ), 'given up: no more scheduled checks' );
		$this->assertFalse( $policy->should_check( null ), 'no such attempt' );
	}
}
