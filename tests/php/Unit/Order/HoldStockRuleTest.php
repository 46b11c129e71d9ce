<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Order;

use PayViaProxyApi\Order\HoldStockRule;
use PayViaProxyApi\Payment\Attempt;
use PayViaProxyApi\Payment\AttemptStatus;
use PHPUnit\Framework\TestCase;

/**
 * When WooCommerce's hold-stock timer may cancel an unpaid order with M-Pesa attempts.
 */
final class HoldStockRuleTest extends TestCase {

	private const NOW = 1767225600;

	private int $made = 0;

	/**
	 * @param array<string, mixed> $fields Attempt fields.
	 */
	private function attempt( array $fields ): Attempt {
		return Attempt::from_array( array_merge( array( 'request_id' => 'REQ' . ++$this->made, 'status' => AttemptStatus::AWAITING, 'created_at' => self::NOW - 7200 ), $fields ) );
	}

	public function test_an_order_without_attempts_is_left_to_woocommerce(): void {
		$this->assertTrue( HoldStockRule::may_cancel( array(), self::NOW ) );
	}

	public function test_a_prompt_sent_moments_ago_keeps_the_order(): void {
		$this->assertFalse( HoldStockRule::may_cancel( array( $this->attempt( array( 'created_at' => self::NOW - 60 ) ) ), self::NOW ) );
		$this->assertFalse( HoldStockRule::may_cancel( array( $this->attempt( array( 'status' => AttemptStatus::STARTED, 'created_at' => self::NOW - 60 ) ) ), self::NOW ), 'even before the provider answered' );
	}

	public function test_a_pending_reconciliation_check_keeps_the_order(): void {
		$this->assertFalse( HoldStockRule::may_cancel( array( $this->attempt( array( 'reconcile_next_at' => self::NOW + 600 ) ) ), self::NOW ) );
		$this->assertFalse( HoldStockRule::may_cancel( array( $this->attempt( array( 'reconcile_next_at' => self::NOW - 60 ) ) ), self::NOW ), 'a check a little late is still coming' );
	}

	public function test_an_older_attempt_still_checked_keeps_the_order_even_when_the_newest_failed(): void {
		$attempts = array(
			$this->attempt( array( 'reconcile_next_at' => self::NOW + 600 ) ),
			$this->attempt( array( 'status' => AttemptStatus::FAILED ) ),
		);
		$this->assertFalse( HoldStockRule::may_cancel( $attempts, self::NOW ) );
	}

	public function test_after_reconciliation_gave_up_the_timer_decides(): void {
		$this->assertTrue( HoldStockRule::may_cancel( array( $this->attempt( array( 'reconcile_gave_up_at' => self::NOW - 60, 'reconcile_next_at' => 0 ) ) ), self::NOW ) );
	}

	public function test_a_check_long_overdue_no_longer_holds_the_order(): void {
		$overdue = self::NOW - HoldStockRule::OVERDUE_GRACE_SECONDS - 1;
		$this->assertTrue( HoldStockRule::may_cancel( array( $this->attempt( array( 'reconcile_next_at' => $overdue ) ) ), self::NOW ), 'the scheduler is not running: nothing would ever settle it' );
	}

	public function test_settled_and_old_unscheduled_attempts_do_not_hold_the_order(): void {
		foreach ( array( AttemptStatus::FAILED, AttemptStatus::REJECTED, AttemptStatus::PAID, AttemptStatus::UNDERPAID ) as $status ) {
			$this->assertTrue( HoldStockRule::may_cancel( array( $this->attempt( array( 'status' => $status, 'created_at' => self::NOW - 10 ) ) ), self::NOW ), $status );
		}
		$this->assertTrue( HoldStockRule::may_cancel( array( $this->attempt( array( 'status' => AttemptStatus::STARTED ) ) ), self::NOW ), 'outcome unknown, no check scheduled, window over' );
	}
}
