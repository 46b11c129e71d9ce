<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Integration;

use PayViaProxyApi\Payment\Attempt;

/**
 * The Pay via ProxyAPI 2.2.7 callback URL, over real HTTP to the store: it settles payments 2.2.7 started
 * before the upgrade, answers like 2.2.7 (HTTP 200), and changes nothing for anything else.
 */
final class LegacyCallbackTest extends StoreTestCase {

	private const URL_PATH = '/wc-api/wc_payment_gateway_proxyapi_pvp';

	protected function setUp(): void {
		parent::setUp();
		$this->start_reading_log();
	}

	/**
	 * An order as 2.2.7 left it after a prompt was accepted: on hold, with its request ids in meta.
	 *
	 * @return array{order: \WC_Order, ids: array{MerchantRequestID: string, CheckoutRequestID: string}, request_id: string}
	 */
	private function legacy_order( string $total = '100.00', string $payment_method = 'proxyapi_pvp_settings' ): array {
		$order      = $this->new_order( $total );
		$request_id = 'LGCY' . strtoupper( bin2hex( random_bytes( 5 ) ) ) . 'Q';
		$ids        = array(
			'MerchantRequestID' => '29115-' . random_int( 1000000, 9999999 ) . '-1',
			'CheckoutRequestID' => 'ws_CO_3011202612000' . random_int( 1000000000, 9999999999 ),
		);
		$order->set_payment_method( $payment_method );
		$order->update_meta_data( 'request_id', $request_id );
		$order->update_meta_data( 'checkout_request_id', $ids['CheckoutRequestID'] );
		$order->set_status( 'on-hold', 'Order sent. Waiting for customer to confirm instant payment prompt from Safaricom.' );
		$order->save();
		return compact( 'order', 'ids', 'request_id' );
	}

	/**
	 * @param array<string, mixed>|string $body Callback body.
	 */
	private function post_legacy( array|string $body ): void {
		$response = wp_remote_post(
			getenv( 'PVP_STORE_URL' ) . self::URL_PATH,
			array(
				'timeout' => 15,
				'headers' => array( 'Content-Type' => 'application/json' ),
				'body'    => is_string( $body ) ? $body : (string) wp_json_encode( $body ),
			)
		);
		$this->assertFalse( is_wp_error( $response ), 'the store answers' );
		$this->assertSame( 200, wp_remote_retrieve_response_code( $response ), 'HTTP 200, as 2.2.7 answered' );
		$this->assertSame( '-1', wp_remote_retrieve_body( $response ) );
	}

	/**
	 * @param array<string, mixed> $ids Request ids.
	 * @return array<string, mixed> A pvpCallback with DueDate $due.
	 */
	private function pvp_with_due_date( array $ids, string $request_id, int $due ): array {
		$body = $this->pvp_success( $ids, $request_id );
		$body['Body']['pvpCallback']['CallbackMetadata']['DueDate'] = $due;
		return $body;
	}

	public function test_a_payment_2_2_7_started_is_completed_once_by_both_callbacks_on_its_url(): void {
		[ 'order' => $order, 'ids' => $ids, 'request_id' => $request_id ] = $this->legacy_order();
		delete_option( 'pvp_account_due_date' );
		$due = time() + 30 * 86400;

		$this->post_legacy( $this->stk_success( $ids ) );
		$this->post_legacy( $this->pvp_with_due_date( $ids, $request_id, $due ) );
		$this->post_legacy( $this->stk_success( $ids ) );
		$this->post_legacy( $this->stk_failure( $ids ) );

		$order = $this->reread( $order );
		$this->assertSame( 'processing', $order->get_status() );
		$this->assertSame( 'TLA1B2C3D4', $order->get_transaction_id() );
		$this->assertSame( 1, $this->count_notes_containing( $order, 'Settled through the Pay via ProxyAPI 2.2.7 callback URL.' ) );
		$this->assertSame( 1, $this->count_notes_containing( $order, 'M-Pesa payment received: receipt TLA1B2C3D4' ) );
		$this->assertSame( 1, $this->count_notes_containing( $order, 'the order stays paid' ) );
		$this->assertSame( array( 'Jane', 'Doe', '254700009000' ), array( $order->get_meta( 'sender_first_name' ), $order->get_meta( 'sender_last_name' ), $order->get_meta( 'sender_msisdn' ) ) );
		$this->assertSame( array( 'proxyapi_pvp_payment_completed' => 1, 'pvp_on_payment_complete' => 1 ), $this->observed_hooks( $order->get_id() ) );
		$this->assertSame( $due, (int) get_option( 'pvp_account_due_date' ), 'the pvpCallback\'s DueDate is kept' );

		$attempts = $this->attempts_of( $order );
		$this->assertCount( 1, $attempts, 'the 2.2.7 attempt, rebuilt once' );
		$this->assertSame( Attempt::ORIGIN_LEGACY, $attempts[0]->origin );
		$this->assertSame( $request_id, $attempts[0]->request_id );
		$this->assertSame( '', $attempts[0]->token_hash );
		$this->assertSame( array( 'stk', 'pvp', 'stk', 'stk' ), array_column( $attempts[0]->events, 'kind' ) );
		$this->assertSame( $request_id, $order->get_meta( 'request_id' ), '2.2.7\'s meta stays as it was' );
	}

	public function test_the_amount_check_runs_against_the_total_rounded_up_to_whole_shillings(): void {
		[ 'order' => $cents, 'ids' => $cents_ids ] = $this->legacy_order( '99.50' );
		[ 'order' => $short, 'ids' => $short_ids ] = $this->legacy_order( '100.00' );

		$this->post_legacy( $this->stk_success( $cents_ids, 100.0, 'TLC1B2C3D4' ) );
		$this->post_legacy( $this->stk_success( $short_ids, 99.0, 'TLD1B2C3D4' ) );

		$this->assertSame( 'processing', $this->reread( $cents )->get_status() );
		$short = $this->reread( $short );
		$this->assertSame( 'on-hold', $short->get_status() );
		$this->assertSame( 1, $this->count_notes_containing( $short, 'M-Pesa reports KES 99 paid but KES 100 was requested.' ) );
		$this->assertSame( array(), $this->observed_hooks( $short->get_id() ) );
	}

	public function test_a_failure_on_the_url_fails_the_order_once_and_a_late_success_still_pays(): void {
		[ 'order' => $order, 'ids' => $ids ] = $this->legacy_order();

		$this->post_legacy( $this->stk_failure( $ids ) );
		$this->post_legacy( $this->stk_failure( $ids ) );
		$this->assertSame( 'failed', $this->reread( $order )->get_status() );

		$this->post_legacy( $this->stk_success( $ids ) );
		$order = $this->reread( $order );
		$this->assertSame( 'processing', $order->get_status() );
		$this->assertSame( 1, $this->count_notes_containing( $order, 'M-Pesa payment failed: Request cancelled by user (result code 1032)' ) );
		$this->assertSame( 1, $this->count_notes_containing( $order, 'Late M-Pesa payment' ) );
		$this->assertSame( array( 'proxyapi_pvp_payment_completed' => 1, 'proxyapi_pvp_payment_failed' => 1, 'pvp_on_payment_complete' => 1 ), $this->observed_hooks( $order->get_id() ) );
	}

	public function test_an_order_paid_through_this_plugin_cannot_be_settled_on_the_tokenless_url(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );

		$this->post_legacy( $this->stk_success( $started['ids'] ) );

		$this->assertSame( 'pending', $this->reread( $order )->get_status() );
		$this->assertStringContainsString( 'refused (has_attempts_of_this_plugin)', $this->log_since_mark() );
		$this->assertSame( array( 'proxyapi_pvp_payment_pending' => 1 ), $this->observed_hooks( $order->get_id() ) );
		$this->assertSame( 0, $this->count_notes_containing( $this->reread( $order ), 'M-Pesa payment received' ) );
	}

	public function test_anything_else_on_the_url_changes_nothing_and_is_logged(): void {
		[ 'order' => $other_gateway, 'ids' => $other_ids ] = $this->legacy_order( '100.00', 'cod' );
		[ 'order' => $stale, 'ids' => $stale_ids ]         = $this->legacy_order();
		$stale->set_date_created( time() - 8 * 86400 );
		$stale->save();
		[ 'order' => $order, 'ids' => $ids ] = $this->legacy_order();
		$unknown                             = array( 'MerchantRequestID' => $ids['MerchantRequestID'], 'CheckoutRequestID' => 'ws_CO_NOBODY' . random_int( 1000, 9999 ) );

		$this->post_legacy( $this->stk_success( $other_ids ) );
		$this->post_legacy( $this->stk_success( $stale_ids ) );
		$this->post_legacy( $this->stk_success( $unknown ) );
		$this->post_legacy( $this->pvp_success( $ids, 'NOTTHEREQUESTID' ) );
		$this->post_legacy( '{"Body":{"stkCallback":{"ResultCode":0}}}' );
		$this->post_legacy( '' );

		foreach ( array( $other_gateway, $stale, $order ) as $untouched ) {
			$untouched = $this->reread( $untouched );
			$this->assertSame( 'on-hold', $untouched->get_status() );
			$this->assertSame( '', $untouched->get_transaction_id() );
			$this->assertSame( array(), $this->attempts_of( $untouched ) );
			$this->assertSame( array(), $this->observed_hooks( $untouched->get_id() ) );
		}
		$log = $this->log_since_mark();
		foreach ( array( 'not_this_gateway', 'too_old', 'no_order', 'not_settled', 'malformed' ) as $reason ) {
			$this->assertStringContainsString( 'Callback on the 2.2.7 URL refused (' . $reason . ')', $log );
		}
		$this->assertStringNotContainsString( '254700009000', $log, 'no full phone number in the log' );
	}
}
