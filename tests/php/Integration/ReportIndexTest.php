<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Integration;

use PayViaProxyApi\Order\OrderMeta;
use PayViaProxyApi\Reports\AttemptBackfill;
use PayViaProxyApi\Reports\AttemptIndexer;
use PayViaProxyApi\Reports\AttemptTable;
use PayViaProxyApi\Reports\LegacyOrder;

/**
 * The attempts index against the real store: it follows every attempt change made through the plugin, drops
 * trashed and deleted orders, is created by its schema check, and is filled for existing orders (2.2.7 ones too).
 */
final class ReportIndexTest extends ReportTestCase {

	/**
	 * @return array<int, array<string, int|string>>
	 */
	private function rows_of( \WC_Order $order ): array {
		return $this->repository()->for_order( $order->get_id() );
	}

	private function backfill(): AttemptBackfill {
		global $wpdb;
		$meta = new OrderMeta();
		return new AttemptBackfill( new AttemptIndexer( $this->repository(), $meta, new LegacyOrder( $meta ) ), $this->repository() );
	}

	protected function tearDown(): void {
		as_unschedule_all_actions( AttemptBackfill::HOOK, array(), AttemptBackfill::GROUP );
		parent::tearDown();
	}

	public function test_the_index_follows_a_payment_from_prompt_to_paid(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );

		$rows = $this->rows_of( $order );
		$this->assertCount( 1, $rows );
		$this->assertSame( 'awaiting', $rows[0]['status'] );
		$this->assertSame( $started['ids']['CheckoutRequestID'], $rows[0]['checkout_request_id'] );
		$this->assertSame( '254700009000', $rows[0]['phone'], 'stored as normalised; masked only when shown' );
		$this->assertSame( 100, $rows[0]['amount'] );
		$this->assertSame( 'awaiting', $rows[0]['order_outcome'] );
		$this->assertSame( 'waiting', $rows[0]['reconciliation'] );

		$receipt = 'UKI' . wp_rand( 1000000, 9999999 );
		$this->assertSame( 200, $this->deliver( $started['path'], $this->stk_success( $started['ids'], 100.0, $receipt ) )->get_status() );

		$rows = $this->rows_of( $order );
		$this->assertCount( 1, $rows );
		$this->assertSame( 'paid', $rows[0]['status'] );
		$this->assertSame( $receipt, $rows[0]['receipt'] );
		$this->assertSame( '0', $rows[0]['result_code'] );
		$this->assertSame( 'paid', $rows[0]['order_outcome'] );
		$this->assertSame( 'callback', $rows[0]['reconciliation'] );
		$this->assertGreaterThan( 0, $rows[0]['settled_at'] );
	}

	public function test_a_failed_prompt_and_a_paid_resend_are_two_rows_of_one_paid_order(): void {
		$order = $this->new_order();
		$first = $this->start_payment( $order );
		$this->assertSame( 200, $this->deliver( $first['path'], $this->stk_failure( $first['ids'] ) )->get_status() );
		$this->assertSame( array( 'failed' ), array_column( $this->rows_of( $order ), 'order_outcome' ) );

		$order  = $this->fresh( $order );
		$second = $this->start_payment( $order );
		$this->assertSame( 200, $this->deliver( $second['path'], $this->stk_success( $second['ids'], 100.0, 'UKJ' . wp_rand( 1000000, 9999999 ) ) )->get_status() );

		$rows = $this->rows_of( $order );
		$this->assertSame( array( 'failed', 'paid' ), array_column( $rows, 'status' ) );
		$this->assertSame( array( 'paid', 'paid' ), array_column( $rows, 'order_outcome' ) );
		$this->assertSame( array( '1032', '0' ), array_column( $rows, 'result_code' ) );
	}

	public function test_trashed_and_deleted_orders_leave_the_index_and_a_restored_one_returns(): void {
		$order = $this->new_order();
		$this->start_payment( $order );
		$id   = $order->get_id();
		$rows = fn (): int => count( $this->repository()->for_order( $id ) );
		$this->assertSame( 1, $rows() );

		// WC_Data::delete() forgets the object's id, so every step reloads the order by its id.
		wc_get_order( $id )->delete( false );
		$this->assertSame( 0, $rows(), 'trashed' );

		$this->assertTrue( wc_get_order( $id )->untrash() );
		$this->assertSame( 1, $rows(), 'restored from the trash' );

		wc_get_order( $id )->delete( true );
		$this->assertSame( 0, $rows(), 'deleted' );
	}

	public function test_a_227_order_without_attempts_is_indexed_from_its_227_meta(): void {
		$order = $this->new_order( '1499.50' );
		$order->update_meta_data( OrderMeta::REQUEST_ID, 'K7QX2MNA4TZ9PLB' );
		$order->update_meta_data( OrderMeta::CHECKOUT_REQUEST_ID, 'ws_CO_227_' . $order->get_id() );
		$order->update_meta_data( OrderMeta::SENDER_MSISDN, '254712345678' );
		$order->save();
		$order->payment_complete( 'TL227' . $order->get_id() );
		$this->repository()->delete_order( $order->get_id() );

		$meta = new OrderMeta();
		( new AttemptIndexer( $this->repository(), $meta, new LegacyOrder( $meta ) ) )->sync( $this->fresh( $order ) );

		$rows = $this->rows_of( $order );
		$this->assertCount( 1, $rows );
		$this->assertSame( 1, $rows[0]['legacy'] );
		$this->assertSame( 'paid', $rows[0]['status'] );
		$this->assertSame( 1500, $rows[0]['amount'], '2.2.7 asked for the total rounded up' );
		$this->assertSame( 'TL227' . $order->get_id(), $rows[0]['receipt'] );
		$this->assertSame( 'ws_CO_227_' . $order->get_id(), $rows[0]['checkout_request_id'] );
		$this->fresh( $order )->delete( true );
	}

	public function test_the_backfill_indexes_existing_orders_page_by_page(): void {
		$order = $this->new_order();
		$this->start_payment( $order );
		$legacy = $this->new_order();
		$legacy->update_meta_data( OrderMeta::REQUEST_ID, 'LEGACYREQ' . $legacy->get_id() );
		$legacy->update_meta_data( OrderMeta::CHECKOUT_REQUEST_ID, 'ws_CO_LEGACY_' . $legacy->get_id() );
		$legacy->set_status( 'on-hold' );
		$legacy->save();
		// As if both predated the table.
		$this->repository()->delete_order( $order->get_id() );
		$this->repository()->delete_order( $legacy->get_id() );

		$backfill = $this->backfill();
		$indexed  = 0;
		for ( $page = 1; $page < 1000; $page++ ) {
			$count    = $backfill->run( $page );
			$indexed += $count;
			if ( $count < AttemptBackfill::BATCH ) {
				break;
			}
			$this->assertTrue( as_has_scheduled_action( AttemptBackfill::HOOK, array( 'page' => $page + 1 ), AttemptBackfill::GROUP ), 'a full page queues the next one' );
		}
		$this->assertGreaterThanOrEqual( 2, $indexed );
		$this->assertSame( array( 'awaiting' ), array_column( $this->rows_of( $order ), 'status' ) );
		$this->assertSame( array( 'awaiting' ), array_column( $this->rows_of( $legacy ), 'status' ) );
		$this->assertSame( array( 1 ), array_column( $this->rows_of( $legacy ), 'legacy' ) );
		$this->fresh( $legacy )->delete( true );
	}

	public function test_an_outdated_schema_version_recreates_the_table_and_queues_a_backfill(): void {
		global $wpdb;
		as_unschedule_all_actions( AttemptBackfill::HOOK, array(), AttemptBackfill::GROUP );
		delete_option( AttemptTable::VERSION_OPTION );
		$table = new AttemptTable( $wpdb, $this->backfill() );

		$table->maybe_upgrade();

		$this->assertSame( AttemptTable::VERSION, get_option( AttemptTable::VERSION_OPTION ) );
		$this->assertSame( $table->name(), $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $table->name() ) ) );
		$this->assertTrue( as_has_scheduled_action( AttemptBackfill::HOOK, array( 'page' => 1 ), AttemptBackfill::GROUP ) );
		$indexes = array_unique( array_column( (array) $wpdb->get_results( "SHOW INDEX FROM {$table->name()}", ARRAY_A ), 'Key_name' ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		foreach ( array( 'order_request', 'created_at', 'status_created', 'amount_created', 'summary', 'checkout_request_id', 'receipt', 'phone' ) as $index ) {
			$this->assertContains( $index, $indexes );
		}
	}

	public function test_the_tools_screen_offers_a_rebuild(): void {
		$tools = apply_filters( 'woocommerce_debug_tools', array() );
		$this->assertArrayHasKey( AttemptBackfill::TOOL, $tools );
		$this->assertTrue( has_action( 'pvp_attempt_saved' ) !== false, 'the index listens to attempt changes' );
		$this->assertTrue( has_action( AttemptBackfill::HOOK ) !== false );
	}
}
