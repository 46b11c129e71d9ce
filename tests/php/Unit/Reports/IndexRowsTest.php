<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Reports;

use PayViaProxyApi\Payment\Attempt;
use PayViaProxyApi\Reports\IndexRows;
use PayViaProxyApi\Reports\OrderOutcome;
use PayViaProxyApi\Reports\ReconciliationState;
use PHPUnit\Framework\TestCase;

final class IndexRowsTest extends TestCase {

	/**
	 * @param array<string, mixed> $changes Fields to set.
	 * @return array<string, mixed>
	 */
	private static function attempt( string $request_id, string $status, array $changes = array() ): array {
		return ( new Attempt( $request_id, 'hash', '254700000000', 100, 1700000000, $status ) )->with( $changes )->to_array();
	}

	public function test_an_order_paid_on_the_second_try_is_one_paid_order_on_every_row(): void {
		$rows = IndexRows::for_order(
			42,
			'42',
			array(
				self::attempt( 'R1', 'failed', array( 'result_code' => '1032', 'result_desc' => 'Request cancelled by user', 'events' => array( array( 'kind' => 'stk', 'at' => 1700000050, 'decision' => 'fail' ) ) ) ),
				self::attempt( 'R2', 'paid', array( 'receipt' => 'UKA1B2C3D4', 'checkout_request_id' => 'ws_CO_2', 'settled_at' => 1700000200, 'settled_by' => 'stk' ) ),
			)
		);
		$this->assertCount( 2, $rows );
		$this->assertSame( array( OrderOutcome::PAID, OrderOutcome::PAID ), array_column( $rows, 'order_outcome' ) );
		$this->assertSame( 1700000050, $rows[0]['settled_at'], 'taken from the event that changed the state when the attempt has no settled_at' );
		$this->assertSame( 1700000200, $rows[1]['settled_at'] );
		$this->assertSame( 'UKA1B2C3D4', $rows[1]['receipt'] );
		$this->assertSame( ReconciliationState::CALLBACK, $rows[1]['reconciliation'] );
		$this->assertSame( 0, $rows[1]['legacy'] );
		$this->assertArrayNotHasKey( 'token_hash', $rows[1], 'the callback token hash never leaves the order meta' );
	}

	public function test_texts_are_cut_to_the_column_widths(): void {
		$rows = IndexRows::for_order( 1, str_repeat( '9', 50 ), array( self::attempt( 'R1', 'failed', array( 'result_desc' => str_repeat( 'é', 300 ) ) ) ), true );
		$this->assertSame( 40, mb_strlen( (string) $rows[0]['order_number'] ) );
		$this->assertSame( IndexRows::DESC_LENGTH, mb_strlen( (string) $rows[0]['result_desc'] ) );
		$this->assertSame( 1, $rows[0]['legacy'] );
	}

	public function test_outcomes(): void {
		$this->assertSame( '', OrderOutcome::of( array() ) );
		$this->assertSame( OrderOutcome::PAID, OrderOutcome::of( array( 'paid', 'failed' ) ) );
		$this->assertSame( OrderOutcome::UNDERPAID, OrderOutcome::of( array( 'failed', 'underpaid' ) ) );
		$this->assertSame( OrderOutcome::AWAITING, OrderOutcome::of( array( 'failed', 'awaiting' ) ) );
		// A live prompt superseded by a refused resend: the newest attempt decides.
		$this->assertSame( OrderOutcome::FAILED, OrderOutcome::of( array( 'awaiting', 'rejected' ) ) );
	}

	public function test_reconciliation_states(): void {
		$this->assertSame( ReconciliationState::NONE, ReconciliationState::of( self::attempt( 'R', 'rejected' ) ) );
		$this->assertSame( ReconciliationState::WAITING, ReconciliationState::of( self::attempt( 'R', 'awaiting' ) ) );
		$this->assertSame( ReconciliationState::CHECKING, ReconciliationState::of( self::attempt( 'R', 'awaiting', array( 'reconcile_tries' => 2 ) ) ) );
		$this->assertSame( ReconciliationState::GAVE_UP, ReconciliationState::of( self::attempt( 'R', 'awaiting', array( 'reconcile_tries' => 5, 'reconcile_gave_up_at' => 1700009000 ) ) ) );
		$this->assertSame( ReconciliationState::RECONCILED, ReconciliationState::of( self::attempt( 'R', 'paid', array( 'settled_by' => 'report' ) ) ) );
		$this->assertSame( ReconciliationState::CALLBACK, ReconciliationState::of( self::attempt( 'R', 'paid', array( 'settled_by' => 'pvp' ) ) ) );
		// Attempts stored before settled_by existed: read from the events.
		$old = array(
			'status' => 'paid',
			'events' => array(
				array( 'kind' => 'report', 'at' => 1, 'decision' => 'note_only' ),
				array( 'kind' => 'report', 'at' => 2, 'decision' => 'complete' ),
			),
		);
		$this->assertSame( ReconciliationState::RECONCILED, ReconciliationState::of( $old ) );
		$this->assertSame( 2, ReconciliationState::runs( $old ) );
		$this->assertSame( ReconciliationState::CALLBACK, ReconciliationState::of( array( 'status' => 'failed', 'events' => array( array( 'kind' => 'stk', 'decision' => 'fail' ), 'junk' ) ) ) );
	}
}
