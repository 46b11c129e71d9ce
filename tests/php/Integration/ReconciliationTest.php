<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Integration;

use PayViaProxyApi\Payment\AttemptStatus;

/**
 * Nothing is left hanging: accepted attempts get scheduled checks (Action Scheduler) that ask the provider
 * (the simulator's /pvp/report) and settle through the same rules as callbacks, back off, and give up once.
 */
final class ReconciliationTest extends StoreTestCase {

	/** A number the simulator pays (unless an outcome is queued). */
	private const PAYING_PHONE = '0700000000';

	protected function tearDown(): void {
		remove_all_filters( 'pvp_reconciliation_delay' );
		remove_all_filters( 'pre_http_request' );
		parent::tearDown();
	}

	/**
	 * Starts a payment the simulator knows as paid but never calls back about: ProxyAPI has the money,
	 * the store has not heard.
	 *
	 * @return array{order: \WC_Order, started: array<string, mixed>, record: array<string, mixed>}
	 */
	private function paid_without_callback(): array {
		$this->queue_simulator_outcome(
			array(
				'resultCode' => 0,
				'callbacks'  => array(),
				'delayMs'    => 0,
			)
		);
		$order   = $this->new_order();
		$started = $this->start_payment( $order, self::PAYING_PHONE );
		$record  = $this->wait_for_simulator( $started['ids']['CheckoutRequestID'] );
		$this->assertTrue( $record['paid'], 'the simulator counts it paid' );
		$this->assertSame( array(), $record['callbacks'], 'and sent no callback' );
		return compact( 'order', 'started', 'record' );
	}

	public function test_an_accepted_attempt_gets_its_first_check_five_minutes_later(): void {
		$order   = $this->new_order();
		$before  = time();
		$started = $this->start_payment( $order );

		$pending = $this->pending_checks( $order->get_id() );
		$this->assertCount( 1, $pending );
		$action = reset( $pending );
		$this->assertSame(
			array(
				'order_id'   => $order->get_id(),
				'request_id' => $started['request']['body']['RequestID'],
				'try'        => 1,
			),
			$action->get_args()
		);
		$this->assertSame( 'pay-via-proxyapi', $action->get_group() );
		$due = $action->get_schedule()->get_date()->getTimestamp();
		$this->assertGreaterThanOrEqual( $before + 300, $due );
		$this->assertLessThanOrEqual( time() + 300, $due );

		$attempt = $this->attempts_of( $order )[0];
		$this->assertSame( $due, $attempt->reconcile_next_at, 'the attempt says when it will be checked' );
		$this->assertGreaterThanOrEqual( $before, $attempt->accepted_at );
	}

	public function test_the_first_delay_can_be_configured_with_a_filter(): void {
		add_filter( 'pvp_reconciliation_delay', static fn (): int => 120 );
		$order = $this->new_order();
		$this->start_payment( $order );

		$pending = $this->pending_checks( $order->get_id() );
		$due     = reset( $pending )->get_schedule()->get_date()->getTimestamp();
		$this->assertEqualsWithDelta( time() + 120, $due, 5 );
	}

	public function test_a_check_completes_a_paid_attempt_found_in_the_report_once(): void {
		[ 'order' => $order, 'record' => $record ] = $this->paid_without_callback();
		$this->assertSame( 'pending', $this->reread( $order )->get_status() );

		$this->run_check( (int) array_key_first( $this->pending_checks( $order->get_id() ) ) );

		$order   = $this->reread( $order );
		$receipt = $record['payment']['receipt'];
		$this->assertSame( 'processing', $order->get_status() );
		$this->assertSame( $receipt, $order->get_transaction_id() );
		$this->assertSame( 'Jane', $order->get_meta( 'sender_first_name' ) );
		$this->assertSame( '254700000000', $order->get_meta( 'sender_msisdn' ) );
		$this->assertSame( $record['payment']['transactionTime'], $order->get_meta( 'mpesa_transaction_time' ) );
		$this->assertSame( 1, $this->count_notes_containing( $order, 'M-Pesa payment received: receipt ' . $receipt ) );
		$this->assertSame( 1, $this->count_notes_containing( $order, 'No callback reached the store; reconciliation found this result (report)' ) );
		$this->assertSame( 1, $this->hook_calls['proxyapi_pvp_payment_completed'] );
		$this->assertSame( 1, $this->hook_calls['pvp_on_payment_complete'] );
		$this->assertSame( array(), $this->pending_checks( $order->get_id() ), 'nothing left to check' );

		$attempt = $this->attempts_of( $order )[0];
		$this->assertSame( AttemptStatus::PAID, $attempt->status );
		$this->assertSame( 'report', $attempt->settled_by );
		$this->assertSame( 100.0, $attempt->amount_paid );
		$this->assertSame( 0, $attempt->reconcile_next_at );
		$this->assertSame( array( 'report' ), array_column( $attempt->events, 'kind' ) );

		// The callbacks the store never got turn up after all: they change nothing and fire nothing.
		$path = $this->start_payment_path( $order );
		$this->deliver( $path, $this->stk_success( array( 'MerchantRequestID' => $record['merchantRequestId'], 'CheckoutRequestID' => $record['checkoutRequestId'] ), 100.0, $receipt ) );
		$this->assertSame( 1, $this->count_notes_containing( $this->reread( $order ), 'M-Pesa payment received' ) );
		$this->assertSame( 1, $this->hook_calls['proxyapi_pvp_payment_completed'] );
	}

	public function test_a_check_without_a_result_backs_off_and_the_last_one_gives_up_with_one_note(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );

		$first = $this->pending_checks( $order->get_id() );
		$this->run_check( (int) array_key_first( $first ) );
		$second = $this->pending_checks( $order->get_id() );
		$this->assertCount( 1, $second );
		$this->assertSame( 2, reset( $second )->get_args()['try'] );
		$this->assertEqualsWithDelta( time() + 600, reset( $second )->get_schedule()->get_date()->getTimestamp(), 5 );
		$this->assertSame( 1, $this->attempts_of( $order )[0]->reconcile_tries );

		$this->assertSame( 3, $this->run_all_checks( $order->get_id() ), 'tries 2, 3 and 4' );

		$order   = $this->reread( $order );
		$attempt = $this->attempts_of( $order )[0];
		$this->assertSame( 'pending', $order->get_status(), 'left unpaid' );
		$this->assertSame( 1, $this->count_notes_containing( $order, 'No result from M-Pesa; compare with your M-Pesa statement' ) );
		$this->assertSame( AttemptStatus::AWAITING, $attempt->status );
		$this->assertSame( 4, $attempt->reconcile_tries );
		$this->assertGreaterThan( 0, $attempt->reconcile_gave_up_at );
		$this->assertSame( 0, $attempt->reconcile_next_at );
		$this->assertSame( array( 1, 2, 3, 4 ), array_column( $attempt->events, 'try' ) );
		$this->assertSame( array( 'no_result', 'no_result', 'no_result', 'no_result' ), array_column( $attempt->events, 'outcome' ) );

		// A straggling run of the last check (e.g. a retried action) is a no-op.
		do_action( 'pvp_reconcile_attempt', $order->get_id(), $started['request']['body']['RequestID'], 4 );
		$this->assertSame( 1, $this->count_notes_containing( $this->reread( $order ), 'No result from M-Pesa' ) );
		$this->assertCount( 4, $this->attempts_of( $order )[0]->events );
		$this->assertSame( 0, $this->hook_calls['proxyapi_pvp_payment_failed'] + $this->hook_calls['proxyapi_pvp_payment_completed'] );
	}

	public function test_a_final_callback_makes_the_scheduled_check_a_no_op_and_removes_it(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );
		$action  = (int) array_key_first( $this->pending_checks( $order->get_id() ) );

		$this->deliver( $started['path'], $this->stk_failure( $started['ids'] ) );
		$this->assertSame( array(), $this->pending_checks( $order->get_id() ), 'unscheduled once the attempt settled' );

		do_action( 'pvp_reconcile_attempt', $order->get_id(), $started['request']['body']['RequestID'], 1 );
		$attempt = $this->attempts_of( $order )[0];
		$this->assertSame( array( 'stk' ), array_column( $attempt->events, 'kind' ), 'the check asked nothing and recorded nothing' );
		$this->assertSame( 'failed', $this->reread( $order )->get_status() );
		$this->assertSame( \ActionScheduler_Store::STATUS_CANCELED, \ActionScheduler::store()->get_status( $action ) );
	}

	public function test_an_unreachable_provider_counts_as_a_try_is_logged_and_is_retried(): void {
		$order = $this->new_order();
		$this->start_payment( $order );
		$this->start_reading_log();
		add_filter(
			'pre_http_request',
			static fn ( $pre, $args, $url ) => str_contains( (string) $url, '/pvp/report' ) ? new \WP_Error( 'http_request_failed', 'cURL error 7: Failed to connect' ) : $pre,
			10,
			3
		);

		$this->run_check( (int) array_key_first( $this->pending_checks( $order->get_id() ) ) );

		$attempt = $this->attempts_of( $order )[0];
		$this->assertSame( 'provider_error', $attempt->events[0]['outcome'] );
		$this->assertSame( 1, $attempt->reconcile_tries );
		$next = $this->pending_checks( $order->get_id() );
		$this->assertSame( 2, reset( $next )->get_args()['try'] );
		$this->assertSame( 'pending', $this->reread( $order )->get_status() );
		$this->assertStringContainsString( 'WARNING Reconciliation could not ask the provider: Could not reach the payment provider', $this->log_since_mark() );
	}

	public function test_the_admin_route_checks_now_and_answers_the_outcome_and_order_status(): void {
		[ 'order' => $order ] = $this->paid_without_callback();
		$path                 = '/pay-via-proxyapi/v1/admin/orders/' . $order->get_id() . '/reconcile';

		wp_set_current_user( 0 );
		$this->assertSame( 401, rest_do_request( new \WP_REST_Request( 'POST', $path ) )->get_status(), 'not for visitors' );
		wp_set_current_user( (int) get_user_by( 'login', 'customer' )->ID );
		$this->assertSame( 403, rest_do_request( new \WP_REST_Request( 'POST', $path ) )->get_status(), 'not for customers' );
		$this->assertSame( 'pending', $this->reread( $order )->get_status() );

		wp_set_current_user( (int) get_user_by( 'login', 'admin' )->ID );
		$response = rest_do_request( new \WP_REST_Request( 'POST', $path ) );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'settled', $response->get_data()['outcome'] );
		$this->assertSame( 'complete', $response->get_data()['decision'] );
		$this->assertSame( 'processing', $response->get_data()['order_status'] );
		$this->assertSame( 1, $this->hook_calls['proxyapi_pvp_payment_completed'] );

		$again = rest_do_request( new \WP_REST_Request( 'POST', $path ) );
		$this->assertSame( 'nothing_to_check', $again->get_data()['outcome'] );
		$this->assertSame( 404, rest_do_request( new \WP_REST_Request( 'POST', '/pay-via-proxyapi/v1/admin/orders/999999999/reconcile' ) )->get_status() );
		wp_set_current_user( 0 );
	}

	public function test_the_admin_route_records_a_check_without_result_and_leaves_the_schedule_alone(): void {
		$order = $this->new_order();
		$this->start_payment( $order );
		wp_set_current_user( (int) get_user_by( 'login', 'admin' )->ID );

		$response = rest_do_request( new \WP_REST_Request( 'POST', '/pay-via-proxyapi/v1/admin/orders/' . $order->get_id() . '/reconcile' ) );
		wp_set_current_user( 0 );

		$this->assertSame( 'no_result', $response->get_data()['outcome'] );
		$this->assertSame( 'pending', $response->get_data()['order_status'] );
		$attempt = $this->attempts_of( $order )[0];
		$this->assertTrue( $attempt->events[0]['manual'] );
		$this->assertSame( 0, $attempt->reconcile_tries, 'a manual check uses up no scheduled try' );
		$pending = $this->pending_checks( $order->get_id() );
		$this->assertSame( 1, reset( $pending )->get_args()['try'] );
	}

	/**
	 * @return string The callback path of the order's attempt, as the simulator received it.
	 */
	private function start_payment_path( \WC_Order $order ): string {
		$request = $this->simulator_request( (string) $order->get_order_number() );
		return (string) preg_replace( '#^/wp-json#', '', (string) wp_parse_url( $request['body']['CallbackUrl'], PHP_URL_PATH ) );
	}
}
