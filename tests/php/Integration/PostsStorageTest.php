<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Integration;

use Automattic\WooCommerce\Internal\DataStores\Orders\CustomOrdersTableController;
use Automattic\WooCommerce\Internal\DataStores\Orders\DataSynchronizer;
use Automattic\WooCommerce\Internal\Features\FeaturesController;
use Automattic\WooCommerce\Utilities\OrderUtil;
use PayViaProxyApi\Admin\OrderPanel;
use PayViaProxyApi\Admin\OrdersListColumn;

/**
 * The admin screens with HPOS off: WooCommerce storing orders as posts (compatibility sync off), as stores
 * that never moved to HPOS do. A payment settled by callback reaches the report, the order's panel route,
 * the M-Pesa box on the legacy `shop_order` screen, and the legacy orders list's column and receipt search.
 *
 * Each test switches the store to posts storage and back to HPOS in tearDown, so the other tests (and the
 * Playwright run after this suite) see the store as configured.
 */
final class PostsStorageTest extends ReportTestCase {

	/** @var \WC_Order[] Orders made with posts storage, deleted before HPOS comes back. */
	private array $made = array();

	protected function setUp(): void {
		parent::setUp();
		// WooCommerce refuses to switch storage while the two stores differ, which they always do with sync
		// off; its own filter for test environments lets it switch without copying orders over.
		add_filter( 'wc_allow_changing_orders_storage_while_sync_is_pending', '__return_true' );
		update_option( DataSynchronizer::ORDERS_DATA_SYNC_ENABLED_OPTION, 'no' );
		$this->set_hpos( false );
		$this->assertFalse( OrderUtil::custom_orders_table_usage_is_enabled(), 'the store now keeps orders as posts' );

		$this->load_admin_screen_api();
	}

	protected function tearDown(): void {
		try {
			foreach ( $this->made as $order ) {
				$stored = wc_get_order( $order->get_id() );
				if ( $stored instanceof \WC_Order ) {
					$stored->delete( true );
				}
			}
		} finally {
			$this->set_hpos( true );
			remove_filter( 'wc_allow_changing_orders_storage_while_sync_is_pending', '__return_true' );
			parent::tearDown();
		}
		$this->assertTrue( OrderUtil::custom_orders_table_usage_is_enabled(), 'HPOS is back on for the other tests' );
	}

	private function set_hpos( bool $on ): void {
		wc_get_container()->get( FeaturesController::class )->change_feature_enable( 'custom_order_tables', $on );
		$this->assertSame( $on ? 'yes' : 'no', get_option( CustomOrdersTableController::CUSTOM_ORDERS_TABLE_USAGE_ENABLED_OPTION ) );
		wp_cache_flush();
	}

	/**
	 * A posts-stored order paid through both callbacks, as ProxyAPI delivers them.
	 *
	 * @return array{0: \WC_Order, 1: string}
	 */
	private function paid_order(): array {
		$order        = $this->new_order();
		$this->made[] = $order;
		$this->assertSame( 'shop_order', get_post_type( $order->get_id() ), 'the order is a post, not an HPOS row' );
		$started = $this->start_payment( $order );
		$receipt = 'UKH' . wp_rand( 1000000, 9999999 );
		$this->assertSame( 200, $this->deliver( $started['path'], $this->stk_success( $started['ids'], 100.0, $receipt ) )->get_status() );
		$this->assertSame( 200, $this->deliver( $started['path'], $this->pvp_success( $started['ids'], (string) $started['request']['body']['RequestID'], $receipt ) )->get_status() );
		return array( $this->reread( $order ), $receipt );
	}

	public function test_a_payment_settled_by_callback_is_recorded_and_shows_in_the_report(): void {
		[ $order, $receipt ] = $this->paid_order();

		$this->assertSame( 'processing', $order->get_status() );
		$this->assertSame( $receipt, $order->get_transaction_id() );
		$this->assertSame( 1, $this->hook_calls['proxyapi_pvp_payment_completed'] );
		global $wpdb;
		$stored = $wpdb->get_var( $wpdb->prepare( "SELECT meta_value FROM {$wpdb->postmeta} WHERE post_id = %d AND meta_key = '_transaction_id'", $order->get_id() ) );
		$this->assertSame( $receipt, $stored, 'the receipt is in the posts tables' );

		$this->as_admin();
		$response = $this->get( '/admin/reports/payments', array( 'search' => $receipt, 'period' => 'today' ) );
		$this->assertSame( 200, $response->get_status() );
		$rows = $response->get_data()['rows'];
		$this->assertCount( 1, $rows );
		$this->assertSame( $order->get_id(), $rows[0]['order_id'] );
		$this->assertSame( $receipt, $rows[0]['receipt'] );
		$this->assertSame( 'paid', $rows[0]['status'] );
		$this->assertSame( 100, $rows[0]['amount'] );

		$summary = $this->get( '/admin/reports/payments/summary', array( 'period' => 'today' ) )->get_data();
		$this->assertGreaterThanOrEqual( 1, $summary['paid_orders'] );
	}

	public function test_the_order_panel_route_answers_for_a_posts_order(): void {
		[ $order, $receipt ] = $this->paid_order();
		$this->as_admin();

		$response = $this->get( '/admin/orders/' . $order->get_id() . '/payment' );
		$this->assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		$this->assertSame( $order->get_id(), $data['order_id'] );
		$this->assertSame( $receipt, $data['receipt'] );
		$this->assertTrue( $data['is_paid'] );
		$this->assertSame( array( 'stk', 'pvp' ), array_column( $data['attempts'][0]['events'], 'kind' ) );

		$check = new \WP_REST_Request( 'POST', '/pay-via-proxyapi/v1/admin/orders/' . $order->get_id() . '/reconcile' );
		$answer = rest_do_request( $check );
		$this->assertSame( 200, $answer->get_status() );
		$this->assertSame( 'nothing_to_check', $answer->get_data()['outcome'], 'a paid order has nothing left to check' );
	}

	public function test_the_legacy_order_screen_gets_the_mpesa_box(): void {
		global $wp_meta_boxes;
		[ $order ] = $this->paid_order();
		$this->as_admin();
		$screen = wc_get_page_screen_id( 'shop-order' );
		$this->assertSame( 'shop_order', $screen, 'the legacy order screen' );
		unset( $wp_meta_boxes[ $screen ] );

		// wp-admin/post.php fires this with the post being edited.
		do_action( 'add_meta_boxes', $screen, get_post( $order->get_id() ) );

		$this->assertArrayHasKey( OrderPanel::BOX_ID, $wp_meta_boxes['shop_order']['normal']['high'] ?? array() );
		$inline = implode( "\n", (array) wp_scripts()->get_data( 'pay-via-proxyapi-admin-order-panel', 'before' ) );
		$this->assertStringContainsString( '"order_id":' . $order->get_id() . ',', $inline, 'the box carries this order' );
		$this->assertStringContainsString( 'post.php?action=edit&post=', str_replace( array( '\/', '\u0026' ), array( '/', '&' ), $inline ), 'links go to the legacy order screen' );
	}

	public function test_the_legacy_orders_list_shows_the_receipt_and_finds_the_order_by_it(): void {
		[ $order, $receipt ] = $this->paid_order();

		$columns = apply_filters( 'manage_edit-shop_order_columns', array( 'order_number' => 'Order', 'order_total' => 'Total', 'wc_actions' => 'Actions' ) );
		$this->assertSame( array( 'order_number', 'order_total', OrdersListColumn::COLUMN, 'wc_actions' ), array_keys( $columns ) );
		ob_start();
		do_action( 'manage_shop_order_posts_custom_column', OrdersListColumn::COLUMN, $order->get_id() );
		$this->assertSame( $receipt, ob_get_clean() );

		// The posts list's search (WC_Admin_List_Table_Orders::search_custom_fields) asks wc_order_search().
		$this->assertContains( $order->get_id(), array_map( 'intval', wc_order_search( $receipt ) ) );
		$this->assertContains( $order->get_id(), array_map( 'intval', wc_order_search( strtolower( $receipt ) ) ), 'in any case' );
		$this->assertNotContains( $order->get_id(), array_map( 'intval', wc_order_search( 'UKX0000000' ) ) );
	}
}
