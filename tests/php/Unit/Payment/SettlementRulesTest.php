<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Payment;

use PayViaProxyApi\Payment\Attempt;
use PayViaProxyApi\Payment\AttemptStatus;
use PayViaProxyApi\Payment\Decision;
use PayViaProxyApi\Payment\OrderFacts;
use PayViaProxyApi\Payment\PaymentResult;
use PayViaProxyApi\Payment\SettlementRules;
use PHPUnit\Framework\TestCase;

/**
 * Every path from a provider result to an order state.
 */
final class SettlementRulesTest extends TestCase {

	private function attempt( string $status = AttemptStatus::AWAITING, string $request_id = 'REQ000000000001', array $events = array() ): Attempt {
		return new Attempt( $request_id, str_repeat( 'a', 64 ), '254712345678', 100, 1700000000, $status, 'm-1', 'ws_CO_1', '', '', '', $events );
	}

	private function paid( ?float $amount = 100.0, string $source = PaymentResult::SOURCE_STK ): PaymentResult {
		return new PaymentResult( $source, '0', 'The service request is processed successfully.', 'ws_CO_1', 'm-1', '', 'TLA1B2C3D4', $amount );
	}

	private function failed( string $code = '1032' ): PaymentResult {
		return new PaymentResult( PaymentResult::SOURCE_STK, $code, 'Request cancelled by user', 'ws_CO_1', 'm-1' );
	}

	private function order( bool $is_paid = false, string $status = 'pending', string $latest = 'REQ000000000001' ): OrderFacts {
		return new OrderFacts( $is_paid, $status, $latest );
	}

	private function decide( Attempt $attempt, PaymentResult $result, OrderFacts $order ): Decision {
		return ( new SettlementRules() )->decide( $attempt, $result, $order );
	}

	public function test_success_on_an_awaiting_attempt_completes_the_order(): void {
		$decision = $this->decide( $this->attempt(), $this->paid(), $this->order() );
		$this->assertSame( Decision::COMPLETE, $decision->action );
		$this->assertSame( '', $decision->reason );
	}

	public function test_success_before_the_provider_answer_was_stored_completes(): void {
		$this->assertSame( Decision::COMPLETE, $this->decide( $this->attempt( AttemptStatus::STARTED ), $this->paid(), $this->order() )->action );
	}

	public function test_a_second_success_for_a_paid_attempt_is_a_duplicate(): void {
		$this->assertSame( Decision::DUPLICATE, $this->decide( $this->attempt( AttemptStatus::PAID ), $this->paid(), $this->order( true, 'processing' ) )->action );
		$this->assertSame( Decision::DUPLICATE, $this->decide( $this->attempt( AttemptStatus::PAID ), $this->paid( null, PaymentResult::SOURCE_PVP ), $this->order( true, 'processing' ) )->action );
	}

	public function test_a_pvp_confirmation_without_amount_completes(): void {
		$this->assertSame( Decision::COMPLETE, $this->decide( $this->attempt(), $this->paid( null, PaymentResult::SOURCE_PVP ), $this->order() )->action );
	}

	public function test_less_money_than_requested_holds_the_order(): void {
		$decision = $this->decide( $this->attempt(), $this->paid( 99.0 ), $this->order() );
		$this->assertSame( Decision::HOLD_UNDERPAID, $decision->action );
		$this->assertStringContainsString( 'KES 99 paid but KES 100 was requested', $decision->reason );
	}

	public function test_more_money_than_requested_completes(): void {
		$this->assertSame( Decision::COMPLETE, $this->decide( $this->attempt(), $this->paid( 150.0 ), $this->order() )->action );
	}

	public function test_an_underpaid_attempt_is_not_completed_by_a_later_confirmation(): void {
		$this->assertSame( Decision::DUPLICATE, $this->decide( $this->attempt( AttemptStatus::UNDERPAID ), $this->paid( null, PaymentResult::SOURCE_PVP ), $this->order( false, 'on-hold' ) )->action );
	}

	public function test_a_late_success_after_failure_completes_with_a_reason(): void {
		$decision = $this->decide( $this->attempt( AttemptStatus::FAILED ), $this->paid(), $this->order( false, 'failed' ) );
		$this->assertSame( Decision::COMPLETE, $decision->action );
		$this->assertStringContainsString( 'Late M-Pesa payment', $decision->reason );
	}

	public function test_a_success_on_a_cancelled_order_completes_with_a_reason(): void {
		$decision = $this->decide( $this->attempt(), $this->paid(), $this->order( false, 'cancelled' ) );
		$this->assertSame( Decision::COMPLETE, $decision->action );
		$this->assertStringContainsString( 'cancelled', $decision->reason );
	}

	public function test_a_second_payment_for_an_order_paid_by_another_attempt_is_only_noted(): void {
		$decision = $this->decide( $this->attempt(), $this->paid(), $this->order( true, 'processing' ) );
		$this->assertSame( Decision::NOTE_ONLY, $decision->action );
		$this->assertStringContainsString( 'refund', $decision->reason );
	}

	public function test_failure_on_the_latest_awaiting_attempt_fails_the_order(): void {
		$this->assertSame( Decision::FAIL, $this->decide( $this->attempt(), $this->failed(), $this->order() )->action );
	}

	public function test_a_repeated_failure_is_a_duplicate(): void {
		$this->assertSame( Decision::DUPLICATE, $this->decide( $this->attempt( AttemptStatus::FAILED ), $this->failed(), $this->order( false, 'failed' ) )->action );
		$this->assertSame( Decision::DUPLICATE, $this->decide( $this->attempt( AttemptStatus::FAILED ), $this->failed( '2001' ), $this->order( false, 'failed' ) )->action );
	}

	public function test_failure_after_payment_never_downgrades_and_is_noted_once(): void {
		$first = $this->decide( $this->attempt( AttemptStatus::PAID ), $this->failed(), $this->order( true, 'processing' ) );
		$this->assertSame( Decision::NOTE_ONLY, $first->action );
		$noted = $this->attempt( AttemptStatus::PAID, 'REQ000000000001', array( array( 'kind' => 'stk', 'at' => 1, 'result_code' => '1032' ) ) );
		$this->assertSame( Decision::DUPLICATE, $this->decide( $noted, $this->failed(), $this->order( true, 'processing' ) )->action );
	}

	public function test_failure_on_an_awaiting_attempt_of_a_paid_order_is_only_noted(): void {
		$this->assertSame( Decision::NOTE_ONLY, $this->decide( $this->attempt(), $this->failed(), $this->order( true, 'completed' ) )->action );
	}

	public function test_failure_of_an_older_attempt_leaves_the_order_to_the_newer_one(): void {
		$decision = $this->decide( $this->attempt(), $this->failed(), $this->order( false, 'pending', 'REQ000000000002' ) );
		$this->assertSame( Decision::FAIL_ATTEMPT_ONLY, $decision->action );
	}

	public function test_only_real_changes_change_state(): void {
		$this->assertTrue( ( new Decision( Decision::COMPLETE ) )->changes_state() );
		$this->assertTrue( ( new Decision( Decision::FAIL ) )->changes_state() );
		$this->assertFalse( ( new Decision( Decision::DUPLICATE ) )->changes_state() );
		$this->assertFalse( ( new Decision( Decision::NOTE_ONLY ) )->changes_state() );
	}

	public function test_attempt_state_machine_allows_only_forward_moves(): void {
		$this->assertTrue( AttemptStatus::can_move( AttemptStatus::AWAITING, AttemptStatus::PAID ) );
		$this->assertTrue( AttemptStatus::can_move( AttemptStatus::FAILED, AttemptStatus::PAID ) );
		$this->assertFalse( AttemptStatus::can_move( AttemptStatus::PAID, AttemptStatus::FAILED ) );
		$this->assertFalse( AttemptStatus::can_move( AttemptStatus::REJECTED, AttemptStatus::PAID ) );
		$this->assertFalse( AttemptStatus::can_move( 'bogus', AttemptStatus::PAID ) );
	}

	public function test_attempts_survive_storage_round_trips(): void {
		$attempt = $this->attempt()->with_event( 'stk', 1700000001, array( 'result_code' => '0' ) );
		$copy    = Attempt::from_array( json_decode( (string) json_encode( $attempt->to_array() ), true ) );
		$this->assertEquals( $attempt, $copy );
		$this->assertSame( AttemptStatus::STARTED, Attempt::from_array( array( 'status' => 'nonsense' ) )->status );
	}
}
