<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Integration;

use PayViaProxyApi\Order\ReceiptRegistry;

/**
 * "The same M-Pesa receipt can never pay two orders", against the real database's UNIQUE key.
 */
final class SecurityReceiptTest extends StoreTestCase {

	private const RECEIPT = 'UKR3C3IPT1';

	public function test_a_receipt_that_paid_one_order_puts_a_second_order_on_hold_without_completion(): void {
		$first        = $this->new_order();
		$first_start  = $this->start_payment( $first );
		$second       = $this->new_order();
		$second_start = $this->start_payment( $second );

		$this->assertSame( 200, $this->deliver( $first_start['path'], $this->stk_success( $first_start['ids'], 100.0, self::RECEIPT ) )->get_status() );
		$this->assertSame( 1, $this->hook_calls['proxyapi_pvp_payment_completed'] );
		$this->assertSame( 'processing', $this->fresh( $first )->get_status() );

		$response = $this->deliver( $second_start['path'], $this->stk_success( $second_start['ids'], 100.0, self::RECEIPT ) );

		$this->assertSame( 200, $response->get_status() );
		$second = $this->fresh( $second );
		$this->assertSame( 'on-hold', $second->get_status() );
		$this->assertSame( '', $second->get_transaction_id(), 'the receipt is not recorded as this order\'s payment' );
		$this->assertSame( 1, $this->count_notes_containing( $second, sprintf( 'This M-Pesa receipt already paid order #%d', $first->get_id() ) ) );
		$this->assertSame( 1, $this->hook_calls['proxyapi_pvp_payment_completed'], 'no second completion' );
		$this->assertSame( 1, $this->hook_calls['pvp_on_payment_complete'] );
		$this->assertSame( $first->get_id(), ( new ReceiptRegistry( $GLOBALS['wpdb'] ) )->owner( self::RECEIPT ) );

		// Replays of the second order's result change nothing more.
		$this->deliver( $second_start['path'], $this->pvp_success( $second_start['ids'], (string) $second_start['request']['body']['RequestID'], self::RECEIPT ) );
		$this->assertSame( 1, $this->count_notes_containing( $this->fresh( $second ), 'already paid order' ) );
		$this->assertSame( 'on-hold', $this->fresh( $second )->get_status() );
	}

	public function test_both_callbacks_of_one_payment_carry_the_same_receipt_for_the_same_order(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );

		$this->deliver( $started['path'], $this->stk_success( $started['ids'], 100.0, self::RECEIPT ) );
		$this->deliver( $started['path'], $this->pvp_success( $started['ids'], (string) $started['request']['body']['RequestID'], self::RECEIPT ) );

		$order = $this->fresh( $order );
		$this->assertSame( 'processing', $order->get_status() );
		$this->assertSame( self::RECEIPT, $order->get_transaction_id() );
		$this->assertSame( 0, $this->count_notes_containing( $order, 'already paid order' ) );
	}

	public function test_claiming_is_idempotent_for_the_owner_and_refused_for_anyone_else(): void {
		$registry = new ReceiptRegistry( $GLOBALS['wpdb'] );
		$this->assertNull( $registry->claim( 'UKIDEMP0T1', 41 ) );
		$this->assertNull( $registry->claim( 'UKIDEMP0T1', 41 ) );
		$this->assertSame( 41, $registry->claim( 'UKIDEMP0T1', 42 ) );
		$this->assertSame( 41, $registry->claim( 'ukidemp0t1', 42 ), 'receipts differ in case only in typos' );
		$this->assertNull( $registry->owner( 'UKNOBODY01' ) );
	}
}
