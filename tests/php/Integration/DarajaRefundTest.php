<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Integration;

use PayViaProxyApi\Refunds\ReversalRecord;
use PayViaProxyApi\Refunds\ReversalStore;

/**
 * WooCommerce's refund of a Daraja-paid order: a reversal request with a run-time SecurityCredential, then
 * its result through the tokenised result route, confirming the refund or removing it again.
 */
final class DarajaRefundTest extends DarajaStoreTestCase {

	/**
	 * @return array{order: \WC_Order, receipt: string}
	 */
	private function paid_order(): array {
		$order   = $this->new_order();
		$started = $this->pay_with_daraja( $order, '0700000000' );
		$record  = $this->wait_for_simulator( $started['ids']['CheckoutRequestID'] );
		$order   = $this->reread( $order );
		$this->assertSame( 'processing', $order->get_status() );
		return array( 'order' => $order, 'receipt' => (string) $record['payment']['receipt'] );
	}

	private function refund( \WC_Order $order, string $amount ): \WC_Order_Refund|\WP_Error {
		return wc_create_refund(
			array(
				'order_id'       => $order->get_id(),
				'amount'         => $amount,
				'reason'         => 'Out of stock',
				'refund_payment' => true,
			)
		);
	}

	private function reversal( \WC_Order $order, int $refund_id ): ?ReversalRecord {
		return ( new ReversalStore() )->find( $this->reread( $order ), $refund_id );
	}

	private function settled_reversal( \WC_Order $order, int $refund_id ): ReversalRecord {
		$this->wait_until( fn (): bool => (bool) $this->reversal( $order, $refund_id )?->is_final(), 'the reversal result is applied' );
		return $this->reversal( $order, $refund_id );
	}

	/**
	 * @return array<int, array<string, mixed>> The simulator's reversal records.
	 */
	private function sim_reversals(): array {
		return $this->sim( 'GET', '/__sim/daraja/reversals' )['reversals'];
	}

	/**
	 * @return array<string, mixed> The simulator's newest reversal record.
	 */
	private function last_sim_reversal(): array {
		$all = $this->sim_reversals();
		return (array) end( $all );
	}

	public function test_a_full_refund_is_reversed_and_confirmed(): void {
		[ 'order' => $order, 'receipt' => $receipt ] = $this->paid_order();
		$refund = $this->refund( $order, '100.00' );
		$this->assertInstanceOf( \WC_Order_Refund::class, $refund );

		$record = $this->settled_reversal( $order, $refund->get_id() );
		$this->assertSame( ReversalRecord::CONFIRMED, $record->status );
		$this->assertSame( $receipt, $record->receipt );
		$this->assertSame( 100, $record->amount );
		$this->assertMatchesRegularExpression( '/^[A-Z0-9]{10}$/', $record->reversal_receipt );
		$this->assertTrue( $record->woocommerce_done );

		$sent = $this->last_sim_reversal();
		$this->assertSame( $receipt, $sent['transactionId'], 'M-Pesa was asked to reverse that payment' );
		$this->assertSame( 100, $sent['amount'] );
		$this->assertSame( 0, $sent['resultCode'], 'the simulator decrypted the SecurityCredential to the initiator password' );

		$done = $this->reread( $order );
		$this->assertSame( 'refunded', $done->get_status() );
		$this->assertCount( 1, $done->get_refunds() );
		$this->assertSame( 1, $this->count_notes_containing( $done, 'M-Pesa reversal requested: KES 100 of payment ' . $receipt ) );
		$this->assertSame( 1, $this->count_notes_containing( $done, 'M-Pesa reversal confirmed: KES 100 returned to the shopper (reversal receipt ' . $record->reversal_receipt ) );
		$this->assertSame( 1, $this->observed_hooks( $order->get_id() )['pvp_reversal_completed'] ?? 0 );
		$this->assertArrayNotHasKey( 'pvp_reversal_failed', $this->observed_hooks( $order->get_id() ) );
	}

	public function test_a_failed_reversal_removes_the_refund_and_restores_the_order(): void {
		[ 'order' => $order ] = $this->paid_order();
		$this->sim( 'POST', '/__sim/daraja/reversals/next', array( 'resultCode' => 2001 ) );
		$refund = $this->refund( $order, '100.00' );
		$this->assertInstanceOf( \WC_Order_Refund::class, $refund );

		$record = $this->settled_reversal( $order, $refund->get_id() );
		$this->assertSame( ReversalRecord::FAILED, $record->status );
		$this->assertSame( '2001', $record->result_code );
		$restored = $this->reread( $order );
		$this->assertSame( 'processing', $restored->get_status() );
		$this->assertSame( array(), $restored->get_refunds() );
		$this->assertEqualsWithDelta( 0.0, (float) $restored->get_total_refunded(), 0.001 );
		$this->assertFalse( wc_get_order( $refund->get_id() ) );
		$this->assertSame( 1, $this->count_notes_containing( $restored, 'M-Pesa reversal failed: The initiator information is invalid. (result code 2001). The shopper did not get the money back, so the KES 100 refund was removed' ) );
		$this->assertSame( 1, $this->observed_hooks( $order->get_id() )['pvp_reversal_failed'] ?? 0 );
	}

	public function test_a_result_that_arrives_while_woocommerce_records_the_refund_waits_for_it(): void {
		[ 'order' => $order ] = $this->paid_order();
		$this->sim( 'POST', '/__sim/daraja/reversals/next', array( 'resultCode' => 2001, 'callback' => false ) );
		$held = null;
		// Just before WooCommerce says it is done, M-Pesa's result reaches the store (another process).
		$early = function ( $order_id, $refund_id ) use ( $order, &$held ): void {
			$sent = $this->last_sim_reversal();
			$this->sim( 'POST', '/__sim/daraja/reversals/' . $sent['conversationId'] . '/send', array( 'resultCode' => 2001 ) );
			$held = $this->reversal( $order, (int) $refund_id );
		};
		add_action( 'woocommerce_order_refunded', $early, 5, 2 );
		try {
			$refund = $this->refund( $order, '100.00' );
		} finally {
			remove_action( 'woocommerce_order_refunded', $early, 5 );
		}
		$this->assertInstanceOf( \WC_Order_Refund::class, $refund );
		$this->assertNotNull( $held );
		$this->assertSame( ReversalRecord::REQUESTED, $held->status, 'the result was held, not applied mid-refund' );
		$this->assertSame( '2001', $held->result_code );

		$record = $this->reversal( $order, $refund->get_id() );
		$this->assertSame( ReversalRecord::FAILED, $record?->status, 'applied as soon as WooCommerce finished' );
		$restored = $this->reread( $order );
		$this->assertSame( 'processing', $restored->get_status() );
		$this->assertSame( array(), $restored->get_refunds() );
		$this->assertSame( 1, $this->observed_hooks( $order->get_id() )['pvp_reversal_failed'] ?? 0 );
	}

	public function test_a_partial_refund_is_refused_and_nothing_changes(): void {
		[ 'order' => $order ] = $this->paid_order();
		$before = count( $this->sim_reversals() );
		$result = $this->refund( $order, '40.00' );
		$this->assertInstanceOf( \WP_Error::class, $result );
		$this->assertStringContainsString( 'M-Pesa reverses a payment in full only', $result->get_error_message() );
		$this->assertSame( $before, count( $this->sim_reversals() ), 'nothing was sent to M-Pesa' );
		$same = $this->reread( $order );
		$this->assertSame( array(), $same->get_refunds() );
		$this->assertSame( 'processing', $same->get_status() );
		$this->assertSame( array(), ( new ReversalStore() )->all( $same ) );
	}

	public function test_a_refund_m_pesa_refuses_is_not_recorded(): void {
		[ 'order' => $order ] = $this->paid_order();
		$this->use_daraja( array( 'daraja_initiator_password' => '' ) );
		$result = $this->refund( $order, '100.00' );
		$this->assertInstanceOf( \WP_Error::class, $result );
		$this->assertStringContainsString( 'initiator name, initiator password and Safaricom certificate', $result->get_error_message() );
		$this->assertSame( array(), $this->reread( $order )->get_refunds() );
	}

	public function test_refunds_are_not_offered_with_proxyapi(): void {
		[ 'order' => $order ] = $this->paid_order();
		$this->use_daraja( array( 'provider' => 'proxyapi' ) );
		$this->assertFalse( WC()->payment_gateways()->payment_gateways()['proxyapi_pvp_settings']->supports( 'refunds' ) );
		$result = $this->refund( $order, '100.00' );
		$this->assertInstanceOf( \WP_Error::class, $result );
		$this->assertSame( array(), $this->reread( $order )->get_refunds() );
	}

	public function test_the_result_route_checks_the_token_and_the_conversation_and_ignores_repeats(): void {
		[ 'order' => $order ] = $this->paid_order();
		$refund = $this->refund( $order, '100.00' );
		$this->settled_reversal( $order, $refund->get_id() );
		$this->wait_until( fn (): bool => array() !== ( $this->last_sim_reversal()['callbacks'] ?? array() ), 'the simulator recorded its delivery' );
		$sent  = $this->last_sim_reversal();
		$path  = (string) preg_replace( '#^/wp-json#', '', (string) wp_parse_url( (string) $sent['resultUrl'], PHP_URL_PATH ) );
		$body  = $sent['callbacks'][0]['body'];
		$notes = count( $this->notes( $this->reread( $order ) ) );

		$wrong_token = preg_replace( '#/[a-f0-9]{64}$#', '/' . str_repeat( 'e', 64 ), $path );
		$this->assertSame( 403, $this->deliver( $wrong_token, $body )->get_status() );
		$other                             = $body;
		$other['Result']['ConversationID'] = 'AG_20260101_someoneelse';
		$this->assertSame( 409, $this->deliver( $path, $other )->get_status() );
		$this->assertSame( 400, $this->deliver( $path, '{"Result":{}}' )->get_status() );
		$repeat = $this->deliver( $path, $body );
		$this->assertSame( 200, $repeat->get_status() );
		$this->assertSame( 'duplicate', $repeat->get_data()['Outcome'] );

		$this->assertSame( $notes, count( $this->notes( $this->reread( $order ) ) ), 'nothing changed' );
		$this->assertSame( 1, $this->observed_hooks( $order->get_id() )['pvp_reversal_completed'] ?? 0 );
	}

	public function test_an_oversized_reversal_result_is_refused_with_413_before_parsing_and_changes_nothing(): void {
		[ 'order' => $order ] = $this->paid_order();
		$this->sim( 'POST', '/__sim/daraja/reversals/next', array( 'resultCode' => 0, 'callback' => false ) );
		$refund = $this->refund( $order, '100.00' );
		$this->assertInstanceOf( \WC_Order_Refund::class, $refund );
		$sent   = $this->last_sim_reversal();
		$path   = (string) preg_replace( '#^/wp-json#', '', (string) wp_parse_url( (string) $sent['resultUrl'], PHP_URL_PATH ) );
		$before = $this->reversal( $order, $refund->get_id() );
		$notes  = $this->notes( $this->reread( $order ) );
		// A well-formed success for this very reversal, at its real URL with its real token, padded past 16 KB.
		$body = (string) wp_json_encode(
			array(
				'Result' => array(
					'ResultType'               => 0,
					'ResultCode'               => 0,
					'ResultDesc'               => 'The service request is processed successfully.',
					'OriginatorConversationID' => 'pvp-oversized',
					'ConversationID'           => $sent['conversationId'],
					'TransactionID'            => 'TLR0VERSIZE',
					'ReferenceData'            => array( 'ReferenceItem' => array( 'Key' => 'Padding', 'Value' => str_repeat( 'x', 17 * 1024 ) ) ),
				),
			)
		);
		$this->assertGreaterThan( 17 * 1024, strlen( $body ) );

		$answer = $this->deliver( $path, $body );

		$this->assertSame( 413, $answer->get_status() );
		$this->assertStringNotContainsString( 'xxxx', (string) wp_json_encode( $answer->get_data() ) );
		$this->assertEquals( $before, $this->reversal( $order, $refund->get_id() ), 'the reversal record is unchanged' );
		$this->assertSame( ReversalRecord::REQUESTED, $before?->status );
		$this->assertSame( $notes, $this->notes( $this->reread( $order ) ), 'no note' );
		$this->assertSame( 0, $this->observed_hooks( $order->get_id() )['pvp_reversal_completed'] ?? 0 );

		// The route itself is live: M-Pesa's real result, of ordinary size, is still applied.
		$this->sim( 'POST', '/__sim/daraja/reversals/' . $sent['conversationId'] . '/send', array( 'resultCode' => 0 ) );
		$this->assertSame( ReversalRecord::CONFIRMED, $this->settled_reversal( $order, $refund->get_id() )->status );
	}
}
