<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Reports;

use PayViaProxyApi\Reports\LegacyAttempt;
use PayViaProxyApi\Reports\OrderTotal;
use PHPUnit\Framework\TestCase;

final class LegacyAttemptTest extends TestCase {

	/**
	 * @param array<string, mixed> $changes Facts to change.
	 * @return array{request_id: string, checkout_request_id: string, receipt: string, phone: string, total: string, created_at: int, paid_at: int, order_status: string, is_paid: bool}
	 */
	private static function facts( array $changes = array() ): array {
		/** @var array{request_id: string, checkout_request_id: string, receipt: string, phone: string, total: string, created_at: int, paid_at: int, order_status: string, is_paid: bool} $facts */
		$facts = array_merge(
			array(
				'request_id'          => 'K7QX2MNA4TZ9PLB',
				'checkout_request_id' => 'ws_CO_01012026030000512712345678',
				'receipt'             => 'TLA1B2C3D4',
				'phone'               => '254712345678',
				'total'               => '1499.50',
				'created_at'          => 1767225600,
				'paid_at'             => 1767225700,
				'order_status'        => 'processing',
				'is_paid'             => true,
			),
			$changes
		);
		return $facts;
	}

	public function test_a_paid_227_order_becomes_one_paid_attempt_for_the_rounded_up_total(): void {
		$attempt = LegacyAttempt::from_order( self::facts() );
		$this->assertNotNull( $attempt );
		$this->assertSame( 'paid', $attempt['status'] );
		$this->assertSame( 1500, $attempt['amount'] );
		$this->assertSame( 'TLA1B2C3D4', $attempt['receipt'] );
		$this->assertSame( 1767225700, $attempt['settled_at'] );
		$this->assertSame( 'ws_CO_01012026030000512712345678', $attempt['checkout_request_id'] );
	}

	public function test_unpaid_and_failed_227_orders(): void {
		$this->assertSame( 'awaiting', LegacyAttempt::from_order( self::facts( array( 'is_paid' => false, 'receipt' => '', 'order_status' => 'on-hold' ) ) )['status'] ?? null );
		$this->assertSame( 'failed', LegacyAttempt::from_order( self::facts( array( 'is_paid' => false, 'receipt' => '', 'order_status' => 'failed' ) ) )['status'] ?? null );
		// Paid by other means (no receipt): not an M-Pesa payment.
		$this->assertSame( 'awaiting', LegacyAttempt::from_order( self::facts( array( 'receipt' => '' ) ) )['status'] ?? null );
	}

	public function test_an_order_without_a_227_request_has_no_attempt(): void {
		$this->assertNull( LegacyAttempt::from_order( self::facts( array( 'request_id' => '', 'checkout_request_id' => '' ) ) ) );
	}

	public function test_unreadable_totals_count_as_zero(): void {
		$this->assertSame( 0, OrderTotal::shillings( '-5.00' ) );
		$this->assertSame( 0, OrderTotal::shillings( '' ) );
		$this->assertSame( 250001, OrderTotal::shillings( '250000.01' ) );
	}
}
