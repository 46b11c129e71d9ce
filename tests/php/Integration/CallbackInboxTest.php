<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Integration;

use PayViaProxyApi\Callback\AfterAnswer;
use PayViaProxyApi\Callback\CallbackInbox;
use PayViaProxyApi\Callback\InboxSettler;

/**
 * Callbacks answered before they are settled (PHP-FPM, LiteSpeed): what the provider is told, what the inbox
 * keeps, and how every accepted callback is settled exactly once afterwards, even when the request that
 * accepted it never got to settle it. "After the answer" is Action Scheduler's drain hook here, the same code
 * the shutdown step runs.
 */
final class CallbackInboxTest extends StoreTestCase {

	protected function setUp(): void {
		parent::setUp();
		add_filter( 'pvp_answer_callbacks_first', '__return_true' );
	}

	protected function tearDown(): void {
		remove_filter( 'pvp_answer_callbacks_first', '__return_true' );
		$this->forget_queued_drains();
		$this->drain();
		parent::tearDown();
	}

	public function test_a_success_is_answered_before_it_is_settled_then_settled_once(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );

		$answer = $this->deliver( $started['path'], $this->stk_success( $started['ids'] ) );

		$this->assertSame( 200, $answer->get_status() );
		$this->assertSame( array( 'ResultCode' => 0, 'ResultDesc' => 'Accepted.', 'Outcome' => 'queued' ), $answer->get_data() );
		$this->assertSame( 'pending', $this->reread( $order )->get_status(), 'nothing is applied before the answer' );
		$this->assertSame( array( '' ), $this->outcomes( $order ), 'but the callback is recorded' );
		$this->assertSame( 0, $this->hook_calls['proxyapi_pvp_payment_completed'] );

		$this->assertSame( 1, $this->drain() );

		$order = $this->reread( $order );
		$this->assertSame( 'processing', $order->get_status() );
		$this->assertSame( 'TLA1B2C3D4', $order->get_transaction_id() );
		$this->assertSame( array( 'complete' ), $this->outcomes( $order ) );
		$this->assertSame( 1, $this->count_notes_containing( $order, 'M-Pesa payment received: receipt TLA1B2C3D4' ) );
		$this->assertSame( 1, $this->hook_calls['proxyapi_pvp_payment_completed'] );
		$this->assertSame( 1, $this->hook_calls['pvp_on_payment_complete'] );
		$this->assertSame( 0, $this->drain(), 'a settled callback is never settled again' );
		$this->assertSame( array( '' ), $this->stored_results( $order ), "the payer's details are not kept twice" );
	}

	public function test_a_store_that_cannot_record_the_callback_settles_it_before_answering(): void {
		global $wpdb;
		$order   = $this->new_order();
		$started = $this->start_payment( $order );
		$table   = $wpdb->prefix . CallbackInbox::NAME;
		$wpdb->query( "RENAME TABLE {$table} TO {$table}_away" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- our table name.
		$this->start_reading_log();
		$errors = $wpdb->suppress_errors( true );
		try {
			$answer = $this->deliver( $started['path'], $this->stk_success( $started['ids'] ) );
		} finally {
			$wpdb->suppress_errors( $errors );
			$wpdb->query( "RENAME TABLE {$table}_away TO {$table}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- our table name.
		}

		$this->assertSame( 200, $answer->get_status() );
		$this->assertSame( 'complete', $answer->get_data()['Outcome'] );
		$this->assertSame( 'processing', $this->reread( $order )->get_status() );
		$this->assertSame( 0, $this->queued_drains() );
		$this->assertStringContainsString( 'Callback not recorded, settled before answering', $this->log_since_mark() );
	}

	public function test_the_shutdown_step_is_queued_once_and_drains_what_the_request_accepted(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );

		$this->deliver( $started['path'], $this->stk_success( $started['ids'] ) );
		$this->assertSame( 1, $this->queued_drains(), 'the work waits for shutdown, after the answer' );

		$this->run_queued_drains();

		$this->assertSame( 'processing', $this->reread( $order )->get_status() );
		$this->assertSame( 0, $this->queued_drains() );
	}

	public function test_copies_and_both_shapes_are_all_recorded_and_complete_the_order_once(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );
		$stk     = $this->stk_success( $started['ids'] );
		$pvp     = $this->pvp_success( $started['ids'], $started['request']['body']['RequestID'] );

		foreach ( array( $stk, $pvp, $stk, $pvp ) as $body ) {
			$this->assertSame( 200, $this->deliver( $started['path'], $body )->get_status() );
		}
		$this->assertSame( 4, $this->drain() );

		$order = $this->reread( $order );
		$this->assertSame( array( 'complete', 'duplicate', 'duplicate', 'duplicate' ), $this->outcomes( $order ) );
		$this->assertSame( 1, $this->count_notes_containing( $order, 'M-Pesa payment received' ) );
		$this->assertSame( 1, $this->hook_calls['proxyapi_pvp_payment_completed'] );
	}

	public function test_a_failure_is_settled_after_the_answer_too(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );

		$this->deliver( $started['path'], $this->stk_failure( $started['ids'] ) );
		$this->assertSame( 'pending', $this->reread( $order )->get_status() );
		$this->drain();

		$this->assertSame( 'failed', $this->reread( $order )->get_status() );
		$this->assertSame( array( 'fail' ), $this->outcomes( $order ) );
		$this->assertSame( 1, $this->hook_calls['proxyapi_pvp_payment_failed'] );
	}

	public function test_a_body_about_another_payment_request_is_refused_before_it_is_accepted(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );
		$ids     = array( 'MerchantRequestID' => 'other-merchant', 'CheckoutRequestID' => 'ws_CO_other' );

		$answer = $this->deliver( $started['path'], $this->stk_success( $ids ) );

		$this->assertSame( 409, $answer->get_status() );
		$this->assertSame( array(), $this->outcomes( $order ), 'nothing accepted, nothing to settle' );
		$this->assertSame( 0, $this->queued_drains() );
	}

	public function test_a_malformed_body_is_refused_and_not_recorded(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );

		$this->assertSame( 400, $this->deliver( $started['path'], '{"Body":' )->get_status() );
		$this->assertSame( array(), $this->outcomes( $order ) );
	}

	public function test_a_callback_whose_request_died_after_answering_is_settled_by_reconciliation_without_asking_the_provider(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );
		$this->deliver( $started['path'], $this->stk_success( $started['ids'] ) );
		// The PHP worker is killed after the answer: its shutdown step never runs.
		$this->forget_queued_drains();
		$asked = 0;
		$count = static function ( $pre, $args, $url ) use ( &$asked ) {
			$asked += str_contains( (string) $url, getenv( 'PVP_SIM_URL' ) ) ? 1 : 0;
			return $pre;
		};
		add_filter( 'pre_http_request', $count, 10, 3 );

		do_action( 'pvp_reconcile_attempt', $order->get_id(), $started['request']['body']['RequestID'], 1 );
		remove_filter( 'pre_http_request', $count, 10 );

		$order = $this->reread( $order );
		$this->assertSame( 'processing', $order->get_status() );
		$this->assertSame( array( 'complete' ), $this->outcomes( $order ) );
		$this->assertSame( 0, $asked, 'the accepted callback was enough' );
		$this->assertSame( 1, $this->hook_calls['proxyapi_pvp_payment_completed'] );
	}

	public function test_a_drain_out_of_time_hands_the_rest_to_action_scheduler(): void {
		$first        = $this->new_order();
		$first_start  = $this->start_payment( $first );
		$second       = $this->new_order();
		$second_start = $this->start_payment( $second );
		$this->deliver( $first_start['path'], $this->stk_success( $first_start['ids'] ) );
		$this->deliver( $second_start['path'], $this->stk_success( $second_start['ids'], 100.0, 'TLB2C3D4E5' ) );
		as_unschedule_all_actions( InboxSettler::HOOK );

		$this->assertSame( 1, $this->settlers()[0]->drain( 0 ), 'one entry, then the time is up' );

		$this->assertSame( 'processing', $this->reread( $first )->get_status() );
		$this->assertSame( 'pending', $this->reread( $second )->get_status() );
		$queued = as_get_scheduled_actions( array( 'hook' => InboxSettler::HOOK, 'status' => \ActionScheduler_Store::STATUS_PENDING ), 'ids' );
		$this->assertCount( 1, $queued );

		\ActionScheduler::runner()->process_action( (int) $queued[0], 'pvp-integration-test' );

		$this->assertSame( 'processing', $this->reread( $second )->get_status() );
		$this->assertSame( array( 'complete' ), $this->outcomes( $second ) );
	}

	public function test_while_another_request_drains_this_one_leaves_its_callback_to_it(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );
		$this->deliver( $started['path'], $this->stk_success( $started['ids'] ) );
		$other = $this->second_connection();
		$this->assertSame( '1', (string) $other->get_var( $other->prepare( 'SELECT GET_LOCK(%s, 0)', \PayViaProxyApi\Order\OrderLock::server_wide_name( $GLOBALS['wpdb'], 'callback_inbox' ) ) ) );

		$this->assertSame( 0, $this->drain(), 'the drain does not wait: the other request settles entries added while it runs' );
		$this->assertSame( 'pending', $this->reread( $order )->get_status() );

		$other->close();
		$this->assertSame( 1, $this->drain() );
		$this->assertSame( 'processing', $this->reread( $order )->get_status() );
	}

	public function test_an_entry_for_an_order_deleted_in_between_is_recorded_as_refused_and_never_retried(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );
		$this->deliver( $started['path'], $this->stk_success( $started['ids'] ) );
		$order_id = $order->get_id();
		$order->delete( true );
		$this->start_reading_log();

		$this->assertSame( 1, $this->drain() );

		$this->assertSame( array( 'refused' ), $this->outcomes_of( $order_id ) );
		$this->assertStringContainsString( 'Callback refused: The order no longer exists.', $this->log_since_mark() );
		$this->assertSame( 0, $this->drain() );
	}

	public function test_a_damaged_entry_is_kept_for_a_person_and_does_not_block_the_others(): void {
		global $wpdb;
		$first   = $this->new_order();
		$started = $this->start_payment( $first );
		$this->deliver( $started['path'], $this->stk_success( $started['ids'] ) );
		$wpdb->update( $wpdb->prefix . CallbackInbox::NAME, array( 'result' => '{"source":"stk"' ), array( 'order_id' => $first->get_id() ) );
		$second       = $this->new_order();
		$second_start = $this->start_payment( $second );
		$this->deliver( $second_start['path'], $this->stk_success( $second_start['ids'], 100.0, 'TLB2C3D4E5' ) );
		$this->start_reading_log();

		$this->assertSame( 2, $this->drain() );

		$this->assertSame( array( 'damaged' ), $this->outcomes( $first ) );
		$this->assertSame( array( '{"source":"stk"' ), $this->stored_results( $first ), 'kept for a person to read' );
		$this->assertSame( 'pending', $this->reread( $first )->get_status() );
		$this->assertSame( 'processing', $this->reread( $second )->get_status() );
		$this->assertStringContainsString( 'An accepted callback could not be read back', $this->log_since_mark() );
	}

	public function test_settling_before_answering_records_the_outcome_in_the_inbox_too(): void {
		remove_filter( 'pvp_answer_callbacks_first', '__return_true' );
		$order   = $this->new_order();
		$started = $this->start_payment( $order );

		$answer = $this->deliver( $started['path'], $this->stk_success( $started['ids'] ) );

		$this->assertSame( 'complete', $answer->get_data()['Outcome'] );
		$this->assertSame( 'processing', $this->reread( $order )->get_status() );
		$this->assertSame( array( 'complete' ), $this->outcomes( $order ) );
		$this->assertSame( 0, $this->queued_drains() );
	}

	/**
	 * @return int How many entries the drain settled.
	 */
	private function drain(): int {
		$settled = 0;
		foreach ( $this->settlers() as $settler ) {
			$settled += $settler->drain();
		}
		return $settled;
	}

	/**
	 * @return InboxSettler[] The plugin's settler, found where it registered itself.
	 */
	private function settlers(): array {
		return $this->registered( InboxSettler::HOOK, 10, InboxSettler::class );
	}

	/**
	 * @return int How many after-answer steps wait for shutdown.
	 */
	private function queued_drains(): int {
		return count( $this->registered( 'shutdown', 20, AfterAnswer::class ) );
	}

	private function run_queued_drains(): void {
		foreach ( $this->registered( 'shutdown', 20, AfterAnswer::class ) as $after_answer ) {
			$after_answer->run();
			remove_action( 'shutdown', array( $after_answer, 'run' ), 20 );
		}
	}

	private function forget_queued_drains(): void {
		foreach ( $this->registered( 'shutdown', 20, AfterAnswer::class ) as $after_answer ) {
			remove_action( 'shutdown', array( $after_answer, 'run' ), 20 );
		}
	}

	/**
	 * @template T of object
	 * @param string          $hook     Hook.
	 * @param int             $priority Priority.
	 * @param class-string<T> $class    Class of the object whose method is hooked.
	 * @return T[]
	 */
	private function registered( string $hook, int $priority, string $class ): array {
		global $wp_filter;
		$found = array();
		foreach ( $wp_filter[ $hook ]->callbacks[ $priority ] ?? array() as $callback ) {
			if ( is_array( $callback['function'] ) && $callback['function'][0] instanceof $class ) {
				$found[] = $callback['function'][0];
			}
		}
		return $found;
	}

	/**
	 * @return string[] Outcomes of the order's inbox entries, oldest first ('' while waiting).
	 */
	private function outcomes( \WC_Order $order ): array {
		return $this->outcomes_of( $order->get_id() );
	}

	/**
	 * @return string[]
	 */
	private function outcomes_of( int $order_id ): array {
		return $this->column_of( $order_id, 'outcome' );
	}

	/**
	 * @return string[] The stored results of the order's entries, oldest first.
	 */
	private function stored_results( \WC_Order $order ): array {
		return $this->column_of( $order->get_id(), 'result' );
	}

	/**
	 * @param string $column 'outcome' or 'result'.
	 * @return string[] That column of the order's inbox entries, oldest first.
	 */
	private function column_of( int $order_id, string $column ): array {
		global $wpdb;
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT {$column} FROM " . $wpdb->prefix . CallbackInbox::NAME . ' WHERE order_id = %d ORDER BY id', $order_id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- our table and a fixed column.
		return array_column( $rows, $column );
	}

	private function second_connection(): \wpdb {
		return new \wpdb( DB_USER, DB_PASSWORD, DB_NAME, DB_HOST );
	}
}
