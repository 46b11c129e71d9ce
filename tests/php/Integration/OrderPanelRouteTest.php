<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Integration;

use PayViaProxyApi\Admin\OrderPanel;
use PayViaProxyApi\Admin\OrdersListColumn;
use PayViaProxyApi\Order\OrderMeta;

/**
 * The order screen's M-Pesa panel: its route, its inline data, the meta box on the order screen, the
 * receipt column and search by receipt in the orders list.
 */
final class OrderPanelRouteTest extends ReportTestCase {

	protected function setUp(): void {
		parent::setUp();
		$this->load_admin_screen_api();
	}

	/**
	 * A paid order whose payer's name and M-Pesa's description carry markup.
	 *
	 * @return array{0: \WC_Order, 1: string}
	 */
	private function paid_order(): array {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );
		$receipt = 'UKP' . wp_rand( 1000000, 9999999 );
		$body    = $this->stk_success( $started['ids'], 100.0, $receipt );
		$pvp     = $this->pvp_success( $started['ids'], (string) $started['request']['body']['RequestID'], $receipt );
		$pvp['Body']['pvpCallback']['CallbackMetadata']['SenderFirstName'] = '</script><script>alert(1)</script>';
		$this->assertSame( 200, $this->deliver( $started['path'], $body )->get_status() );
		$this->assertSame( 200, $this->deliver( $started['path'], $pvp )->get_status() );
		return array( $this->fresh( $order ), $receipt );
	}

	public function test_the_panel_data_has_the_receipt_payer_amounts_and_every_callback_but_no_secrets(): void {
		[ $order, $receipt ] = $this->paid_order();
		$this->as_admin();

		$response = $this->get( '/admin/orders/' . $order->get_id() . '/payment' );
		$this->assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		$this->assertSame( $receipt, $data['receipt'] );
		$this->assertTrue( $data['is_paid'] );
		$this->assertEqualsWithDelta( 100.0, $data['amount_paid'], 0.001 );
		$this->assertSame( 100, $data['total_due'] );
		$this->assertSame( '2547****9000', $data['payer']['phone'] );
		$this->assertStringContainsString( '</script><script>', $data['payer']['name'], 'passed as data, escaped when shown' );
		$this->assertFalse( $data['can_reconcile'] );
		$this->assertCount( 1, $data['attempts'] );
		$attempt = $data['attempts'][0];
		$this->assertSame( 'paid', $attempt['status'] );
		$this->assertSame( array( 'stk', 'pvp' ), array_column( $attempt['events'], 'kind' ) );
		$this->assertSame( '2547****9000', $attempt['phone'] );

		$json = (string) wp_json_encode( $data );
		$this->assertStringNotContainsString( 'token_hash', $json );
		$token_hash = ( new OrderMeta() )->attempts( $order )[0]->token_hash;
		$this->assertStringNotContainsString( $token_hash, $json );
		$this->assertStringNotContainsString( '254700009000', $json, 'no full phone number while the store masks them' );
	}

	public function test_visitors_customers_and_missing_orders_are_refused(): void {
		$order = $this->new_order();
		wp_set_current_user( 0 );
		$this->assertSame( 401, $this->get( '/admin/orders/' . $order->get_id() . '/payment' )->get_status() );
		$this->as_customer();
		$this->assertSame( 403, $this->get( '/admin/orders/' . $order->get_id() . '/payment' )->get_status() );
		$this->as_admin();
		$this->assertSame( 404, $this->get( '/admin/orders/999999999/payment' )->get_status() );
		$this->assertSame( 400, $this->get( '/admin/orders/0/payment' )->get_status(), 'not a valid order id' );
	}

	public function test_a_227_order_shows_its_rebuilt_attempt(): void {
		$order = $this->new_order();
		$order->update_meta_data( OrderMeta::REQUEST_ID, 'K7QX2MNA4TZ9PLB' );
		$order->update_meta_data( OrderMeta::CHECKOUT_REQUEST_ID, 'ws_CO_227PANEL' );
		$order->update_meta_data( OrderMeta::SENDER_FIRST_NAME, 'Wanjiku' );
		$order->save();
		$this->as_admin();

		$data = $this->get( '/admin/orders/' . $order->get_id() . '/payment' )->get_data();
		$this->assertTrue( $data['legacy'] );
		$this->assertSame( 'Wanjiku', $data['payer']['name'] );
		$this->assertSame( array( 'ws_CO_227PANEL' ), array_column( $data['attempts'], 'checkout_request_id' ) );
		$this->assertTrue( $data['can_reconcile'] );
		$this->fresh( $order )->delete( true );
	}

	public function test_the_order_screen_gets_the_meta_box_with_its_data_inlined_safely(): void {
		global $wp_meta_boxes;
		[ $order ] = $this->paid_order();
		$this->as_admin();
		$screen = wc_get_page_screen_id( 'shop-order' );

		do_action( 'add_meta_boxes', $screen, $order );

		$this->assertArrayHasKey( OrderPanel::BOX_ID, $wp_meta_boxes[ $screen ]['normal']['high'] ?? array() );
		$inline = implode( "\n", (array) wp_scripts()->get_data( 'pay-via-proxyapi-admin-order-panel', 'before' ) );
		$this->assertStringContainsString( 'window.pvpOrderPanelData = {', $inline );
		$this->assertStringNotContainsString( '</script>', $inline, 'a payer name cannot close the script' );
		$this->assertStringContainsString( '\u003C/script\u003E', $inline );
		$this->assertTrue( wp_script_is( 'pay-via-proxyapi-admin-order-panel', 'enqueued' ) );
	}

	public function test_orders_paid_another_way_get_no_panel(): void {
		global $wp_meta_boxes;
		$order = wc_create_order();
		$order->set_payment_method( 'cod' );
		$order->save();
		$this->as_admin();
		$screen = wc_get_page_screen_id( 'shop-order' );
		unset( $wp_meta_boxes[ $screen ] );

		do_action( 'add_meta_boxes', $screen, $order );

		$this->assertArrayNotHasKey( OrderPanel::BOX_ID, $wp_meta_boxes[ $screen ]['normal']['high'] ?? array() );
		$order->delete( true );
	}

	public function test_the_orders_list_shows_the_receipt_and_finds_an_order_by_it(): void {
		[ $order, $receipt ] = $this->paid_order();

		$columns = apply_filters( 'manage_woocommerce_page_wc-orders_columns', array( 'order_number' => 'Order', 'order_total' => 'Total', 'wc_actions' => 'Actions' ) );
		$this->assertSame( array( 'order_number', 'order_total', OrdersListColumn::COLUMN, 'wc_actions' ), array_keys( $columns ) );
		ob_start();
		do_action( 'manage_woocommerce_page_wc-orders_custom_column', OrdersListColumn::COLUMN, $order );
		$this->assertSame( $receipt, ob_get_clean() );

		// HPOS: WooCommerce's own "All" search covers transaction ids, which is where the receipt is.
		$found = wc_get_orders(
			array(
				's'             => $receipt,
				'search_filter' => 'all',
				'return'        => 'ids',
			)
		);
		$this->assertSame( array( $order->get_id() ), array_map( 'intval', $found ) );
		// The posts screen searches meta by a list of keys; the receipt's key is added to it.
		$this->assertContains( '_transaction_id', apply_filters( 'woocommerce_shop_order_search_fields', array( '_billing_email' ) ) );
	}
}
