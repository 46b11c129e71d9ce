<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Integration;

/**
 * WooCommerce's hold-stock timer (wc_cancel_unpaid_orders) against orders whose M-Pesa result may still
 * come, and late payments on cancelled orders.
 */
final class ReconciliationHoldStockTest extends StoreTestCase {

	/** @var array<string, mixed> */
	private array $options = array();

	protected function setUp(): void {
		parent::setUp();
		foreach ( array( 'woocommerce_manage_stock', 'woocommerce_hold_stock_minutes' ) as $option ) {
			$this->options[ $option ] = get_option( $option );
		}
		update_option( 'woocommerce_manage_stock', 'yes' );
		update_option( 'woocommerce_hold_stock_minutes', '60' );
	}

	protected function tearDown(): void {
		foreach ( $this->options as $option => $value ) {
			update_option( $option, $value );
		}
		parent::tearDown();
	}

	/**
	 * A checkout order with a started payment, last touched long enough ago for the timer to pick it.
	 *
	 * @return array{order: \WC_Order, started: array<string, mixed>}
	 */
	private function held_order(): array {
		$order = $this->new_order();
		$order->set_created_via( 'checkout' );
		$order->save();
		$started = $this->start_payment( $order );
		return compact( 'order', 'started' );
	}

	/**
	 * Runs WooCommerce's own hold-stock job after making the order look untouched for two hours.
	 */
	private function run_hold_stock_timer( \WC_Order $order ): void {
		global $wpdb;
		$wpdb->query( $wpdb->prepare( "UPDATE {$wpdb->prefix}wc_orders SET date_updated_gmt = %s WHERE id = %d", gmdate( 'Y-m-d H:i:s', time() - 7200 ), $order->get_id() ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		wp_cache_flush();
		wc_cancel_unpaid_orders();
	}

	public function test_the_timer_does_not_cancel_an_order_whose_prompt_is_live_or_whose_check_is_due(): void {
		[ 'order' => $order ] = $this->held_order();

		$this->assertFalse( apply_filters( 'woocommerce_cancel_unpaid_order', true, $this->reread( $order ) ) );
		$this->run_hold_stock_timer( $order );

		$this->assertSame( 'pending', $this->reread( $order )->get_status() );
		$this->assertSame( 0, $this->count_notes_containing( $order, 'Unpaid order cancelled' ) );
	}

	public function test_the_timer_cancels_once_reconciliation_gave_up_and_a_late_success_still_pays(): void {
		[ 'order' => $order, 'started' => $started ] = $this->held_order();
		$this->run_all_checks( $order->get_id() );

		$this->run_hold_stock_timer( $order );
		$this->assertSame( 'cancelled', $this->reread( $order )->get_status(), 'after the admin was told, the store\'s timer decides' );

		$response = $this->deliver( $started['path'], $this->stk_success( $started['ids'] ) );

		$order = $this->reread( $order );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'processing', $order->get_status() );
		$this->assertSame( 'TLA1B2C3D4', $order->get_transaction_id() );
		$this->assertSame( 1, $this->count_notes_containing( $order, 'Late M-Pesa payment: the order was cancelled when the payment arrived.' ) );
		$this->assertSame( 1, $this->hook_calls['proxyapi_pvp_payment_completed'] );
		$this->assertSame( 0, $this->hook_calls['proxyapi_pvp_payment_failed'] );
	}

	public function test_a_late_success_after_the_shop_cancelled_the_order_pays_it_and_says_so(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );
		$order   = $this->reread( $order );
		$order->update_status( 'cancelled', 'Cancelled by the shop manager.' );

		$this->deliver( $started['path'], $this->pvp_success( $started['ids'], $started['request']['body']['RequestID'] ) );
		$this->deliver( $started['path'], $this->stk_success( $started['ids'] ) );

		$order = $this->reread( $order );
		$this->assertSame( 'processing', $order->get_status() );
		$this->assertSame( 1, $this->count_notes_containing( $order, 'Late M-Pesa payment: the order was cancelled' ) );
		$this->assertSame( 1, $this->hook_calls['proxyapi_pvp_payment_completed'] );
	}

	public function test_the_guard_leaves_other_orders_and_other_filters_alone(): void {
		$plain = $this->new_order();
		$this->assertTrue( apply_filters( 'woocommerce_cancel_unpaid_order', true, $plain ), 'no M-Pesa attempt: WooCommerce decides' );
		$this->assertFalse( apply_filters( 'woocommerce_cancel_unpaid_order', false, $plain ), 'a "no" from WooCommerce or another plugin stays a no' );
	}
}
