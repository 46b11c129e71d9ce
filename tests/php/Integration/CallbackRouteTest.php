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

	public function test_both_shapes_in_any_order_any_number_of_times_complete_the_order_once(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );
		$ids     = $started['ids'];
		$pvp     = $this->pvp_success( $ids, $started['request']['body']['RequestID'] );

		$outcomes = array();
		foreach ( array( $pvp, $pvp, $this->stk_success( $ids ), $pvp, $this->stk_success( $ids ), $this->stk_failure( $ids ), $this->stk_failure( $ids ) ) as $body ) {
			$response   = $this->deliver( $started['path'], $body );
			$outcomes[] = $response->get_status() . ' ' . $response->get_data()['Outcome'];
		}

		$this->assertSame( array( '200 complete', '200 duplicate', '200 duplicate', '200 duplicate', '200 duplicate', '200 note_only', '200 duplicate' ), $outcomes );
		$order = $this->fresh( $order );
		$this->assertSame( 'processing', $order->get_status() );
		$this->assertSame( 1, $this->count_notes_containing( $order, 'M-Pesa payment received' ) );
		$this->assertSame( 1, $this->count_notes_containing( $order, 'the order stays paid' ) );
		$this->assertSame( 1, $this->hook_calls['proxyapi_pvp_payment_completed'] );
		$this->assertSame( 1, $this->hook_calls['pvp_on_payment_complete'] );
		$this->assertSame( 0, $this->hook_calls['proxyapi_pvp_payment_failed'] );
	}

	public function test_everything_received_is_kept_on_the_order_and_the_attempt(): void {
		$order   = $this->new_order();
		$before  = time();
		$started = $this->start_payment( $order );
		delete_option( 'pvp_account_due_date' );
		$due = time() + 30 * 86400;
		$pvp = $this->pvp_success( $started['ids'], $started['request']['body']['RequestID'] );
		$pvp['Body']['pvpCallback']['CallbackMetadata']['DueDate'] = $due;

		$this->deliver( $started['path'], $this->stk_success( $started['ids'], 100.0 ) );
		$this->deliver( $started['path'], $pvp );

		$order    = $this->fresh( $order );
		$metadata = $order->get_meta( '_pvp_payment_metadata' );
		$this->assertSame( 100, (int) $metadata['Amount'] );
		$this->assertSame( 'TLA1B2C3D4', $metadata['MpesaReceiptNumber'] );
		$this->assertSame( 20260101120112, $metadata['TransactionDate'] );
		$this->assertSame( 254700009000, $metadata['PhoneNumber'] );
		$this->assertSame( 'TLA1B2C3D4', $metadata['TransactionID'] );
		$this->assertSame( 'Jane', $metadata['SenderFirstName'] );
		$this->assertSame( $due, (int) get_option( 'pvp_account_due_date' ), 'the pvpCallback\'s DueDate is kept' );

		$attempt = ( new \PayViaProxyApi\Order\OrderMeta() )->attempts( $order )[0];
		$this->assertSame( $started['request']['body']['RequestID'], $attempt->request_id );
		$this->assertSame( $started['ids']['MerchantRequestID'], $attempt->merchant_request_id );
		$this->assertSame( $started['ids']['CheckoutRequestID'], $attempt->checkout_request_id );
		$this->assertSame( '254700009000', $attempt->phone );
		$this->assertSame( 100, $attempt->amount );
		$this->assertSame( 100.0, $attempt->amount_paid );
		$this->assertSame( array( '0', 'The service request is processed successfully.', 'TLA1B2C3D4' ), array( $attempt->result_code, $attempt->result_desc, $attempt->receipt ) );
		$this->assertSame( array( 'stk', 'pvp' ), array_column( $attempt->events, 'kind' ) );
		$this->assertSame( array( 'complete', 'duplicate' ), array_column( $attempt->events, 'decision' ) );
		$this->assertSame( 'stk', $attempt->settled_by );
		foreach ( array( $attempt->created_at, $attempt->accepted_at, $attempt->settled_at, $attempt->events[0]['at'], $attempt->events[1]['at'] ) as $time ) {
			$this->assertGreaterThanOrEqual( $before, $time );
			$this->assertLessThanOrEqual( time(), $time );
		}
	}

	public function test_masked_phone_numbers_are_stored_as_received_and_never_refused(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );
		$stk     = $this->stk_success( $started['ids'] );
		$stk['Body']['stkCallback']['CallbackMetadata']['Item'][4]['Value'] = '0722XXXXXX';
		$pvp = $this->pvp_success( $started['ids'], $started['request']['body']['RequestID'] );
		$pvp['Body']['pvpCallback']['CallbackMetadata']['SenderMSISDN'] = '2547***56789';

		$this->assertSame( 200, $this->deliver( $started['path'], $stk )->get_status() );
		$this->assertSame( 200, $this->deliver( $started['path'], $pvp )->get_status() );

		$order = $this->fresh( $order );
		$this->assertSame( 'processing', $order->get_status() );
		$this->assertSame( '0722XXXXXX', $order->get_meta( 'sender_msisdn' ), 'the first number received, as received' );
		$this->assertSame( '0722XXXXXX', $order->get_meta( '_pvp_payment_metadata' )['PhoneNumber'] );
		$this->assertSame( '2547***56789', $order->get_meta( '_pvp_payment_metadata' )['SenderMSISDN'] );
	}

	public function test_a_site_can_supply_a_valid_unique_request_id(): void {
		$own = 'SHOP-' . strtoupper( bin2hex( random_bytes( 6 ) ) );
		add_filter( 'proxyapi_pvp_get_request_id_filter', static fn ( $generated, $order_id ): string => $own, 10, 2 );
		$order   = $this->new_order();
		$started = $this->start_payment( $order );
		remove_all_filters( 'proxyapi_pvp_get_request_id_filter' );

		$this->assertSame( $own, $started['request']['body']['RequestID'], 'sent to ProxyAPI' );
		$this->assertSame( $own, $this->fresh( $order )->get_meta( 'request_id' ) );
		$this->assertSame( 200, $this->deliver( $started['path'], $this->pvp_success( $started['ids'], $own ) )->get_status() );
		$this->assertSame( 'processing', $this->fresh( $order )->get_status() );
	}

	public function test_an_invalid_or_used_request_id_from_the_filter_falls_back_to_a_generated_one_with_a_log_line(): void {
		$used_latest = $this->start_payment( $this->new_order() )['request']['body']['RequestID'];
		$older_order = $this->new_order();
		$used_older  = $this->start_payment( $older_order )['request']['body']['RequestID'];
		// A newer attempt on that order: its first RequestID now lives only in the attempt list.
		$older_order = $this->fresh( $older_order );
		( new \PayViaProxyApi\Order\OrderMeta() )->save_attempt( $older_order, new \PayViaProxyApi\Payment\Attempt( 'NEWER' . random_int( 100000000000, 999999999999 ), '', '254700009000', 100, time() ) );
		$older_order->save();
		$this->assertNotSame( $used_older, $this->fresh( $older_order )->get_meta( 'request_id' ) );
		$this->start_reading_log();

		foreach ( array( 'has spaces in it', 'short', str_repeat( 'A', 41 ), $used_latest, $used_older ) as $candidate ) {
			add_filter( 'proxyapi_pvp_get_request_id_filter', static fn (): string => $candidate );
			$sent = $this->start_payment( $this->new_order() )['request']['body']['RequestID'];
			remove_all_filters( 'proxyapi_pvp_get_request_id_filter' );
			$this->assertNotSame( $candidate, $sent, $candidate );
			$this->assertMatchesRegularExpression( '/^[A-HJ-NP-Z1-9]{15}$/', $sent, 'a generated one is sent instead' );
		}
		$log = $this->log_since_mark();
		$this->assertSame( 3, substr_count( $log, 'not used: it is not 8 to 40 letters' ) );
		$this->assertSame( 2, substr_count( $log, 'not used: another payment attempt already used it' ) );
	}

	public function test_a_second_payment_for_a_paid_order_is_noted_once_and_changes_nothing_else(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );
		$this->deliver( $started['path'], $this->stk_success( $started['ids'] ) );
		// Another prompt of the same order, paid too (e.g. a shopper who answered two prompts).
		$token  = bin2hex( random_bytes( 32 ) );
		$second = array(
			'MerchantRequestID' => '29115-' . random_int( 1000000, 9999999 ) . '-2',
			'CheckoutRequestID' => 'ws_CO_SECOND' . random_int( 100000, 999999 ),
		);
		$order = $this->fresh( $order );
		( new \PayViaProxyApi\Order\OrderMeta() )->save_attempt( $order, new \PayViaProxyApi\Payment\Attempt( 'SECOND' . random_int( 100000000, 999999999 ), hash( 'sha256', $token ), '254700009000', 100, time(), \PayViaProxyApi\Payment\AttemptStatus::AWAITING, $second['MerchantRequestID'], $second['CheckoutRequestID'] ) );
		$order->save();
		$path = preg_replace( '#[a-f0-9]{64}$#', $token, $started['path'] );

		$first  = $this->deliver( $path, $this->stk_success( $second, 100.0, 'TLZ9Y8X7W6' ) );
		$repeat = $this->deliver( $path, $this->stk_success( $second, 100.0, 'TLZ9Y8X7W6' ) );

		$this->assertSame( array( 'note_only', 'duplicate' ), array( $first->get_data()['Outcome'], $repeat->get_data()['Outcome'] ) );
		$order = $this->fresh( $order );
		$this->assertSame( 'processing', $order->get_status() );
		$this->assertSame( 'TLA1B2C3D4', $order->get_transaction_id(), 'the first payment stays the order\'s' );
		$this->assertSame( 1, $this->count_notes_containing( $order, 'M-Pesa reports a second payment for an order that was already paid' ) );
		$this->assertSame( \PayViaProxyApi\Payment\AttemptStatus::PAID, ( new \PayViaProxyApi\Order\OrderMeta() )->latest_attempt( $order )->status, 'the second prompt\'s money is real' );
		$this->assertSame( 1, $this->hook_calls['proxyapi_pvp_payment_completed'] );
	}
}
