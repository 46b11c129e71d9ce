<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Refunds;

use PayViaProxyApi\Refunds\ReversalRecord;
use PayViaProxyApi\Refunds\ReversalResult;
use PayViaProxyApi\Refunds\ReversalRules;
use PHPUnit\Framework\TestCase;

final class ReversalRulesTest extends TestCase {

	private const NOW = 1767258000;

	private ReversalRules $rules;

	protected function setUp(): void {
		$this->rules = new ReversalRules();
	}

	private static function record( array $changes = array() ): ReversalRecord {
		return ( new ReversalRecord( 7, str_repeat( 'a', 64 ), 100, 'UKA1B2C3D4', 'processing', self::NOW - 10 ) )->with( $changes );
	}

	private static function result( string $code = '0', string $conversation = 'AG_1' ): ReversalResult {
		return new ReversalResult( $code, '0' === $code ? 'The service request is processed successfully.' : 'The initiator information is invalid.', $conversation, 'orig-1', '0' === $code ? 'UKR9Z8Y7X6' : '' );
	}

	public function test_a_refund_of_the_whole_paid_order_may_be_reversed(): void {
		$this->assertNull( $this->rules->refusal( 'UKA1B2C3D4', 100.0, 100.0, 0.0, array() ) );
		$this->assertNull( $this->rules->refusal( 'UKA1B2C3D4', 99.5, 99.5, 0.0, array() ), 'cents: the whole order, M-Pesa returns the whole shilling amount paid' );
	}

	/**
	 * @return array<string, array{0: string, 1: float, 2: float, 3: float, 4: ReversalRecord[], 5: string}>
	 */
	public function refusals(): array {
		return array(
			'unpaid order'                  => array( '', 100.0, 100.0, 0.0, array(), ReversalRules::REFUSE_NO_PAYMENT ),
			'partial refund'                => array( 'UKA1B2C3D4', 40.0, 100.0, 0.0, array(), ReversalRules::REFUSE_PARTIAL ),
			'rest after a manual refund'    => array( 'UKA1B2C3D4', 60.0, 100.0, 40.0, array(), ReversalRules::REFUSE_PARTIAL ),
			'a reversal is awaited'         => array( 'UKA1B2C3D4', 100.0, 100.0, 0.0, array( self::record( array( 'status' => ReversalRecord::REQUESTED ) ) ), ReversalRules::REFUSE_IN_PROGRESS ),
			'already reversed'              => array( 'UKA1B2C3D4', 100.0, 100.0, 0.0, array( self::record( array( 'status' => ReversalRecord::CONFIRMED ) ) ), ReversalRules::REFUSE_REVERSED ),
		);
	}

	/**
	 * @dataProvider refusals
	 *
	 * @param ReversalRecord[] $records Reversals so far.
	 */
	public function test_refuses_what_m_pesa_cannot_or_must_not_do( string $receipt, float $refund, float $total, float $before, array $records, string $code ): void {
		$this->assertSame( $code, $this->rules->refusal( $receipt, $refund, $total, $before, $records ) );
	}

	public function test_a_failed_reversal_does_not_block_a_new_attempt(): void {
		$this->assertNull( $this->rules->refusal( 'UKA1B2C3D4', 100.0, 100.0, 0.0, array( self::record( array( 'status' => ReversalRecord::FAILED ) ) ) ) );
	}

	public function test_results_apply_once_woocommerce_has_recorded_the_refund(): void {
		$ready = self::record( array( 'status' => ReversalRecord::REQUESTED, 'conversation_id' => 'AG_1', 'woocommerce_done' => true ) );
		$this->assertSame( ReversalRules::CONFIRM, $this->rules->on_result( $ready, self::result(), self::NOW ) );
		$this->assertSame( ReversalRules::FAIL, $this->rules->on_result( $ready, self::result( '2001' ), self::NOW ) );
		$this->assertSame( ReversalRules::FAIL, $this->rules->on_result( $ready, self::result( 'R000002' ), self::NOW ) );
	}

	public function test_a_result_during_woocommerces_refund_is_held_then_applied(): void {
		$busy = self::record( array( 'status' => ReversalRecord::REQUESTED, 'conversation_id' => 'AG_1' ) );
		$this->assertSame( ReversalRules::HOLD, $this->rules->on_result( $busy, self::result( '2001' ), self::NOW ) );
		$held = $busy->with( array( 'result_code' => '2001' ) );
		$this->assertTrue( $held->has_pending_result() );
		$this->assertSame( ReversalRules::FAIL, $this->rules->on_woocommerce_done( $held ) );
		$this->assertSame( ReversalRules::CONFIRM, $this->rules->on_woocommerce_done( $busy->with( array( 'result_code' => '0' ) ) ) );
		$this->assertNull( $this->rules->on_woocommerce_done( $busy ) );
		$this->assertSame( ReversalRules::DUPLICATE, $this->rules->on_result( $held, self::result( '2001' ), self::NOW ), 'a repeat of a held result' );
	}

	public function test_a_result_is_not_held_forever_when_woocommerce_never_reports(): void {
		$stale = self::record( array( 'status' => ReversalRecord::REQUESTED, 'requested_at' => self::NOW - ReversalRules::WOOCOMMERCE_GRACE ) );
		$this->assertSame( ReversalRules::CONFIRM, $this->rules->on_result( $stale, self::result(), self::NOW ) );
	}

	public function test_repeats_conflicts_and_strangers(): void {
		$confirmed = self::record( array( 'status' => ReversalRecord::CONFIRMED, 'conversation_id' => 'AG_1', 'result_code' => '0' ) );
		$this->assertSame( ReversalRules::DUPLICATE, $this->rules->on_result( $confirmed, self::result(), self::NOW ) );
		$this->assertSame( ReversalRules::CONFLICT, $this->rules->on_result( $confirmed, self::result( '2001' ), self::NOW ) );
		$this->assertSame( ReversalRules::MISMATCH, $this->rules->on_result( $confirmed, self::result( '0', 'AG_other' ), self::NOW ) );
	}

	public function test_before_darajas_answer_is_stored_the_token_alone_vouches(): void {
		$requesting = self::record( array( 'woocommerce_done' => true ) );
		$this->assertSame( ReversalRules::CONFIRM, $this->rules->on_result( $requesting, self::result( '0', 'AG_any' ), self::NOW ) );
	}
}
