<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Integration;

use Automattic\WooCommerce\Utilities\OrderUtil;

/**
 * Every path from a callback to an order state, through the real REST server, order CRUD and database.
 */
final class CallbackRouteTest extends StoreTestCase {

	public function test_starting_a_payment_keeps_the_order_unpaid_and_records_the_attempt(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );
		$order   = $this->fresh( $order );

		$this->assertSame( 'pending', $order->get_status() );
		$this->assertSame( $started['request']['body']['RequestID'], $order->get_meta( 'request_id' ) );
		$this->assertSame( $started['ids']['CheckoutRequestID'], $order->get_meta( 'checkout_request_id' ) );
		$this->assertSame( $started['ids']['MerchantRequestID'], $order->get_meta( '_pvp_merchant_request_id' ) );
		$this->assertSame( (string) $order->get_order_number(), $started['request']['body']['AccountReference'] );
		$this->assertSame( 1, $this->hook_calls['proxyapi_pvp_payment_pending'] );
		$this->assertMatchesRegularExpression( '#^/pay-via-proxyapi/v1/callbacks/\d+/[a-f0-9]{64}$#', $started['path'] );
		$this->assertStringNotContainsString( basename( $started['path'] ), wp_json_encode( $order->get_meta( '_pvp_attempts' ) ), 'the raw token is never stored' );
		$this->assertSame( 1, $this->count_notes_containing( $order, 'M-Pesa prompt sent to 2547****9000' ) );
	}

	public function test_a_success_completes_the_order_once_whatever_is_delivered_after_it(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );
		$ids     = $started['ids'];

		$first = $this->deliver( $started['path'], $this->stk_success( $ids ) );
		$this->assertSame( 200, $first->get_status() );
		$this->assertSame( 'complete', $first->get_data()['Outcome'] );

		$again = $this->deliver( $started['path'], $this->stk_success( $ids ) );
		$pvp   = $this->deliver( $started['path'], $this->pvp_success( $ids, $started['request']['body']['RequestID'] ) );
		$late  = $this->deliver( $started['path'], $this->stk_failure( $ids ) );
		$this->assertSame( array( 200, 200, 200 ), array( $again->get_status(), $pvp->get_status(), $late->get_status() ) );

		$order = $this->fresh( $order );
		$this->assertSame( 'processing', $order->get_status() );
		$this->assertSame( 'TLA1B2C3D4', $order->get_transaction_id() );
		$this->assertSame( '20260101120112', $order->get_meta( 'mpesa_transaction_time' ) );
		$this->assertSame( '254700009000', $order->get_meta( 'sender_msisdn' ) );
		$this->assertSame( 'Jane', $order->get_meta( 'sender_first_name' ) );
		$this->assertSame( 'Doe', $order->get_meta( 'sender_last_name' ) );
		$this->assertSame( 1, $this->count_notes_containing( $order, 'M-Pesa payment received: receipt TLA1B2C3D4' ) );
		$this->assertSame( 1, $this->count_notes_containing( $order, 'the order stays paid' ) );
		$this->assertSame( 1, $this->hook_calls['proxyapi_pvp_payment_completed'] );
		$this->assertSame( 1, $this->hook_calls['pvp_on_payment_complete'] );
		$this->assertSame( 0, $this->hook_calls['proxyapi_pvp_payment_failed'] );
	}

	public function test_a_pvp_confirmation_alone_completes_the_order(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );
		$response = $this->deliver( $started['path'], $this->pvp_success( $started['ids'], $started['request']['body']['RequestID'], 'TLB9Z8Y7X6' ) );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'processing', $this->fresh( $order )->get_status() );
		$this->assertSame( 'TLB9Z8Y7X6', $this->fresh( $order )->get_transaction_id() );
		$this->assertSame( 1, $this->hook_calls['proxyapi_pvp_payment_completed'] );
	}

	public function test_a_failure_fails_the_order_with_the_reason_once(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );
		$ids     = $started['ids'];

		$this->deliver( $started['path'], $this->stk_failure( $ids ) );
		$this->deliver( $started['path'], $this->stk_failure( $ids ) );

		$order = $this->fresh( $order );
		$this->assertSame( 'failed', $order->get_status() );
		$this->assertSame( '', $order->get_transaction_id() );
		$this->assertSame( 1, $this->count_notes_containing( $order, 'M-Pesa payment failed: Request cancelled by user (result code 1032)' ) );
		$this->assertSame( 1, $this->hook_calls['proxyapi_pvp_payment_failed'] );
	}

	public function test_a_late_success_after_a_failure_still_pays_and_is_noted(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );
		$ids     = $started['ids'];

		$this->deliver( $started['path'], $this->stk_failure( $ids, 1037, 'DS timeout user cannot be reached' ) );
		$this->deliver( $started['path'], $this->stk_success( $ids ) );

		$order = $this->fresh( $order );
		$this->assertSame( 'processing', $order->get_status() );
		$this->assertSame( 1, $this->count_notes_containing( $order, 'Late M-Pesa payment: the order was failed' ) );
		$this->assertSame( 1, $this->hook_calls['proxyapi_pvp_payment_failed'] );
		$this->assertSame( 1, $this->hook_calls['proxyapi_pvp_payment_completed'] );
	}

	public function test_less_money_than_requested_puts_the_order_on_hold_without_completion(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );
		$this->deliver( $started['path'], $this->stk_success( $started['ids'], 10.0 ) );

		$order = $this->fresh( $order );
		$this->assertSame( 'on-hold', $order->get_status() );
		$this->assertSame( 1, $this->count_notes_containing( $order, 'KES 10 paid but KES 100 was requested' ) );
		$this->assertSame( 0, $this->hook_calls['proxyapi_pvp_payment_completed'] );
	}

	public function test_a_forged_token_changes_nothing_and_says_nothing(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );
		$forged  = preg_replace( '#[a-f0-9]{64}$#', str_repeat( 'f', 64 ), $started['path'] );

		$response = $this->deliver( $forged, $this->stk_success( $started['ids'] ) );

		$this->assertSame( 403, $response->get_status() );
		$this->assertStringNotContainsString( 'order', strtolower( (string) wp_json_encode( $response->get_data() ) ) );
		$this->assertSame( 'pending', $this->fresh( $order )->get_status() );
		$this->assertSame( 0, $this->hook_calls['proxyapi_pvp_payment_completed'] );
	}

	public function test_a_token_of_another_order_changes_nothing(): void {
		$victim   = $this->new_order();
		$this->start_payment( $victim );
		$attacker = $this->new_order( '1.00' );
		$started  = $this->start_payment( $attacker );
		$path     = preg_replace( '#/callbacks/\d+/#', '/callbacks/' . $victim->get_id() . '/', $started['path'] );

		$response = $this->deliver( $path, $this->stk_success( $started['ids'] ) );

		$this->assertSame( 403, $response->get_status() );
		$this->assertSame( 'pending', $this->fresh( $victim )->get_status() );
	}

	public function test_a_body_about_another_payment_request_changes_nothing(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );
		$ids     = array(
			'MerchantRequestID' => $started['ids']['MerchantRequestID'],
			'CheckoutRequestID' => 'ws_CO_SOMEONE_ELSES',
		);

		$response = $this->deliver( $started['path'], $this->stk_success( $ids ) );

		$this->assertSame( 409, $response->get_status() );
		$this->assertSame( 'pending', $this->fresh( $order )->get_status() );
		$this->assertSame( 0, $this->hook_calls['proxyapi_pvp_payment_completed'] );
	}

	public function test_a_malformed_body_changes_nothing(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );

		foreach ( array( '', 'not json', '{"Body":{"stkCallback":{"ResultCode":"0"}}}' ) as $body ) {
			$this->assertSame( 400, $this->deliver( $started['path'], $body )->get_status() );
		}
		$this->assertSame( 'pending', $this->fresh( $order )->get_status() );
	}

	public function test_payment_data_lives_in_the_order_tables_when_hpos_is_on(): void {
		$this->assertTrue( OrderUtil::custom_orders_table_usage_is_enabled(), 'the store runs with HPOS on' );
		global $wpdb;
		$order = $this->new_order();
		$this->start_payment( $order );
		$stored = $wpdb->get_var( $wpdb->prepare( "SELECT meta_value FROM {$wpdb->prefix}wc_orders_meta WHERE order_id = %d AND meta_key = 'checkout_request_id'", $order->get_id() ) );
		$this->assertNotEmpty( $stored );
	}
}
