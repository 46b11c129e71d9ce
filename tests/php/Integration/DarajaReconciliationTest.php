<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Integration;

use PayViaProxyApi\Payment\AttemptStatus;
use PayViaProxyApi\Provider\ProviderFactory;
use PayViaProxyApi\Settings\SecretSource;
use PayViaProxyApi\Settings\Settings;

/**
 * Lost callbacks with Daraja direct: the STK Push Query answers for the attempt ("being processed" means
 * wait), and reconciliation (the scheduled check and "Check status with M-Pesa now") settles what it says.
 * A query that says "paid" carries no receipt, so it never completes an order by itself.
 */
final class DarajaReconciliationTest extends DarajaStoreTestCase {

	private function query( \WC_Order $order ): ?\PayViaProxyApi\Payment\PaymentResult {
		return ( new ProviderFactory( new Settings( new SecretSource() ) ) )->payments()->query_result( $this->attempts_of( $order )[0] );
	}

	private function lost_callback( int $code ): \WC_Order {
		$this->queue_simulator_outcome( array( 'resultCode' => $code, 'callbacks' => array(), 'delayMs' => 0 ) );
		$order   = $this->new_order();
		$started = $this->pay_with_daraja( $order, '0700000000' );
		$this->wait_for_simulator( $started['ids']['CheckoutRequestID'] );
		$this->assertSame( 'pending', $this->reread( $order )->get_status(), 'no callback reached the store' );
		return $order;
	}

	private function check_now( \WC_Order $order ): array {
		wp_set_current_user( 1 );
		$request = new \WP_REST_Request( 'POST', '/pay-via-proxyapi/v1/admin/orders/' . $order->get_id() . '/reconcile' );
		$data    = rest_do_request( $request )->get_data();
		wp_set_current_user( 0 );
		return is_array( $data ) ? $data : array();
	}

	public function test_a_prompt_still_open_is_pending(): void {
		$order = $this->new_order();
		$this->pay_with_daraja( $order );
		$this->assertNull( $this->query( $order ) );
	}

	public function test_the_query_reports_a_cancelled_prompt_whose_callback_was_lost(): void {
		$result = $this->query( $this->lost_callback( 1032 ) );
		$this->assertNotNull( $result );
		$this->assertSame( 'query', $result->source );
		$this->assertSame( '1032', $result->result_code );
		$this->assertSame( 'Request cancelled by user', $result->result_desc );
	}

	public function test_check_status_fails_the_order_from_the_query(): void {
		$order  = $this->lost_callback( 1032 );
		$answer = $this->check_now( $order );
		$this->assertSame( 'settled', $answer['outcome'] ?? null );
		$failed = $this->reread( $order );
		$this->assertSame( 'failed', $failed->get_status() );
		$this->assertSame( AttemptStatus::FAILED, $this->attempts_of( $order )[0]->status );
		$this->assertSame( 1, $this->count_notes_containing( $failed, 'Request cancelled by user' ) );
		$this->assertSame( 1, $this->hook_calls['proxyapi_pvp_payment_failed'] );
	}

	public function test_the_scheduled_check_settles_it_too(): void {
		$order = $this->lost_callback( 2001 );
		$this->assertCount( 1, $this->pending_checks( $order->get_id() ) );
		$this->run_all_checks( $order->get_id() );
		$this->assertSame( 'failed', $this->reread( $order )->get_status() );
		$this->assertSame( '2001', $this->attempts_of( $order )[0]->result_code );
	}

	public function test_a_paid_query_without_a_receipt_leaves_the_order_waiting_for_its_callback(): void {
		$order = $this->lost_callback( 0 );
		$this->assertNull( $this->query( $order ) );
		$answer = $this->check_now( $order );
		$this->assertSame( 'no_result', $answer['outcome'] ?? null );
		$waiting = $this->reread( $order );
		$this->assertSame( 'pending', $waiting->get_status(), 'never failed, never paid without a receipt' );
		$this->assertSame( '', $waiting->get_transaction_id() );
		$this->assertSame( 0, $this->hook_calls['proxyapi_pvp_payment_failed'] );
	}
}
