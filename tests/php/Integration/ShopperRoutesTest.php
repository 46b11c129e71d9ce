<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Integration;

use PayViaProxyApi\Payment\ResendPolicy;

/**
 * The shopper's two routes through the real REST server: the order key is the only way in, the status says
 * only what the shopper needs, and a resend is a new attempt within the limits.
 */
final class ShopperRoutesTest extends StoreTestCase {

	private function status( \WC_Order $order, ?string $key = null ): \WP_REST_Response {
		$request = new \WP_REST_Request( 'GET', '/pay-via-proxyapi/v1/orders/' . $order->get_id() . '/payment' );
		$request->set_query_params( array( 'key' => $key ?? $order->get_order_key() ) );
		return $this->dispatch( $request );
	}

	/**
	 * @param array<string, string> $params Body parameters besides the key.
	 */
	private function resend( \WC_Order $order, array $params = array(), ?string $key = null ): \WP_REST_Response {
		$request = new \WP_REST_Request( 'POST', '/pay-via-proxyapi/v1/orders/' . $order->get_id() . '/payment/attempts' );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( (string) wp_json_encode( array_merge( array( 'key' => $key ?? $order->get_order_key() ), $params ) ) );
		return $this->dispatch( $request );
	}

	private function dispatch( \WP_REST_Request $request ): \WP_REST_Response {
		$response = rest_do_request( $request );
		return $response instanceof \WP_REST_Response ? $response : new \WP_REST_Response( null, 500 );
	}

	/**
	 * @return array<int, array<string, mixed>> Every request the simulator got for the order, oldest first.
	 */
	private function prompts( \WC_Order $order ): array {
		$response = wp_remote_get( getenv( 'PVP_SIM_URL' ) . '/__sim/requests?accountReference=' . rawurlencode( (string) $order->get_order_number() ) );
		$data     = json_decode( wp_remote_retrieve_body( $response ), true );
		return $data['requests'] ?? $data;
	}

	/**
	 * Delivers a failure for the newest prompt, as M-Pesa would for a cancelled one.
	 */
	private function fail_latest_prompt( \WC_Order $order, int $code = 1032 ): void {
		$prompts = $this->prompts( $order );
		$latest  = end( $prompts );
		$path    = preg_replace( '#^/wp-json#', '', (string) wp_parse_url( $latest['body']['CallbackUrl'], PHP_URL_PATH ) );
		$ids     = array(
			'MerchantRequestID' => (string) $latest['merchantRequestId'],
			'CheckoutRequestID' => (string) $latest['checkoutRequestId'],
		);
		$this->assertSame( 200, $this->deliver( $path, $this->stk_failure( $ids, $code ) )->get_status() );
	}

	private function attempt_count( \WC_Order $order ): int {
		$attempts = $this->fresh( $order )->get_meta( '_pvp_attempts' );
		return is_array( $attempts ) ? count( $attempts ) : 0;
	}

	public function test_the_routes_are_registered_with_the_order_key_check(): void {
		$routes = rest_get_server()->get_routes( 'pay-via-proxyapi/v1' );

		$this->assertArrayHasKey( '/pay-via-proxyapi/v1/orders/(?P<order_id>\d+)/payment', $routes );
		$this->assertArrayHasKey( '/pay-via-proxyapi/v1/orders/(?P<order_id>\d+)/payment/attempts', $routes );
		foreach ( array( '/pay-via-proxyapi/v1/orders/(?P<order_id>\d+)/payment', '/pay-via-proxyapi/v1/orders/(?P<order_id>\d+)/payment/attempts' ) as $route ) {
			$this->assertTrue( $routes[ $route ][0]['args']['key']['required'] );
			$this->assertIsCallable( $routes[ $route ][0]['permission_callback'] );
		}
	}

	public function test_a_wrong_key_a_missing_order_and_another_gateways_order_all_get_the_same_404(): void {
		$order = $this->new_order();
		$this->start_payment( $order );
		$cash  = $this->new_order();
		$cash->set_payment_method( 'cod' );
		$cash->save();
		$gone  = $this->new_order();
		$gone_id = $gone->get_id();
		$gone_key = $gone->get_order_key();
		$gone->delete( true );

		$answers = array(
			$this->status( $order, 'wc_order_WRONGKEY12345' ),
			$this->status( $order, substr( $order->get_order_key(), 0, -1 ) ),
			$this->status( $cash ),
			$this->dispatch( ( static function () use ( $gone_id, $gone_key ): \WP_REST_Request {
				$request = new \WP_REST_Request( 'GET', '/pay-via-proxyapi/v1/orders/' . $gone_id . '/payment' );
				$request->set_query_params( array( 'key' => $gone_key ) );
				return $request;
			} )() ),
			$this->resend( $order, array(), 'wc_order_WRONGKEY12345' ),
		);

		foreach ( $answers as $answer ) {
			$this->assertSame( 404, $answer->get_status() );
			$this->assertSame( array( 'code' => 'pvp_order_not_found', 'message' => 'No such order.', 'data' => array( 'status' => 404 ) ), $answer->get_data() );
		}
		$this->assertSame( 1, $this->attempt_count( $order ), 'a refused resend adds no attempt' );
	}

	public function test_a_request_without_a_key_is_refused_by_the_schema(): void {
		$order   = $this->new_order();
		$request = new \WP_REST_Request( 'GET', '/pay-via-proxyapi/v1/orders/' . $order->get_id() . '/payment' );

		$this->assertSame( 400, $this->dispatch( $request )->get_status() );
	}

	public function test_the_right_key_gets_the_shoppers_view_and_nothing_secret(): void {
		$order    = $this->new_order();
		$started  = $this->start_payment( $order );
		$response = $this->status( $order );
		$json     = (string) wp_json_encode( $response->get_data() );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame(
			array(
				'state'            => 'awaiting',
				'result_code'      => '',
				'provider_message' => '',
				'phone'            => '07•• ••• 000',
				'resend'           => array(
					'allowed'      => false,
					'reason'       => 'prompt_live',
					'available_in' => $response->get_data()['resend']['available_in'],
				),
			),
			$response->get_data()
		);
		$this->assertGreaterThan( ResendPolicy::PROMPT_LIVE_SECONDS - 30, $response->get_data()['resend']['available_in'] );
		foreach ( array( $started['request']['body']['RequestID'], $started['ids']['CheckoutRequestID'], $started['ids']['MerchantRequestID'], basename( $started['path'] ), '254700009000', (string) $order->get_order_key() ) as $secret ) {
			$this->assertStringNotContainsString( $secret, $json );
		}
		$this->assertStringContainsString( 'no-store', (string) $response->get_headers()['Cache-Control'] );
	}

	public function test_the_status_follows_the_callbacks(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );
		$this->deliver( $started['path'], $this->stk_failure( $started['ids'], 2001, 'The initiator information is invalid.' ) );

		$failed = $this->status( $order )->get_data();
		$this->assertSame( 'failed', $failed['state'] );
		$this->assertSame( '2001', $failed['result_code'] );
		$this->assertSame( 'The initiator information is invalid.', $failed['provider_message'] );
		$this->assertTrue( $failed['resend']['allowed'] );

		$this->deliver( $started['path'], $this->stk_success( $started['ids'] ) );
		$paid = $this->status( $order )->get_data();
		$this->assertSame( 'paid', $paid['state'] );
		$this->assertSame( array( 'allowed' => false, 'reason' => 'not_payable', 'available_in' => null ), $paid['resend'] );
		$this->assertStringNotContainsString( 'TLA1B2C3D4', (string) wp_json_encode( $paid ), 'no receipt' );
	}

	public function test_a_resend_is_a_new_attempt_with_a_new_request_id_to_the_same_number(): void {
		$order = $this->new_order();
		$this->start_payment( $order );
		$this->fail_latest_prompt( $order );
		$this->hook_calls['proxyapi_pvp_payment_pending'] = 0;

		$response = $this->resend( $order );

		$this->assertSame( 201, $response->get_status() );
		$this->assertSame( 'awaiting', $response->get_data()['state'] );
		$prompts = $this->prompts( $order );
		$this->assertCount( 2, $prompts );
		$this->assertNotSame( $prompts[0]['body']['RequestID'], $prompts[1]['body']['RequestID'] );
		$this->assertSame( '254700009000', $prompts[1]['body']['SenderMSISDN'] );
		$this->assertSame( 100, $prompts[1]['body']['Amount'] );
		$this->assertSame( 2, $this->attempt_count( $order ) );
		$this->assertSame( $prompts[1]['body']['RequestID'], $this->fresh( $order )->get_meta( 'request_id' ) );
		$this->assertSame( 1, $this->hook_calls['proxyapi_pvp_payment_pending'] );
		$this->assertSame( 2, $this->count_notes_containing( $this->fresh( $order ), 'M-Pesa prompt sent to' ), 'one more prompt note' );
	}

	public function test_another_number_is_normalised_and_prompted(): void {
		$order = $this->new_order();
		$this->start_payment( $order );
		$this->fail_latest_prompt( $order );

		$response = $this->resend( $order, array( 'phone' => '+254 700 009 000' ) );
		$this->assertSame( 201, $response->get_status() );
		$this->fail_latest_prompt( $order );
		$response = $this->resend( $order, array( 'phone' => '0110 009 000' ) );

		$this->assertSame( 201, $response->get_status() );
		$this->assertSame( '01•• ••• 000', $response->get_data()['phone'] );
		$prompts = $this->prompts( $order );
		$this->assertSame( '254700009000', $prompts[1]['body']['SenderMSISDN'] );
		$this->assertSame( '254110009000', $prompts[2]['body']['SenderMSISDN'] );
	}

	public function test_a_bad_number_is_refused_with_a_clear_message_and_nothing_changes(): void {
		$order = $this->new_order();
		$this->start_payment( $order );
		$this->fail_latest_prompt( $order );
		$notes = count( $this->notes( $order ) );

		$response = $this->resend( $order, array( 'phone' => '0812 345 678' ) );

		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'pvp_invalid_phone', $response->get_data()['code'] );
		$this->assertStringContainsString( 'Enter a Safaricom M-Pesa number', $response->get_data()['message'] );
		$this->assertCount( 1, $this->prompts( $order ) );
		$this->assertSame( 1, $this->attempt_count( $order ) );
		$this->assertCount( $notes, $this->notes( $order ) );
	}

	public function test_a_resend_while_the_prompt_is_live_is_refused_with_409_and_when_to_retry(): void {
		$order = $this->new_order();
		$this->start_payment( $order );

		$response = $this->resend( $order );

		$this->assertSame( 409, $response->get_status() );
		$this->assertSame( 'pvp_prompt_live', $response->get_data()['code'] );
		$this->assertSame( 'prompt_live', $response->get_data()['data']['reason'] );
		$this->assertStringContainsString( 'may still be on your phone', $response->get_data()['message'] );
		$wait = $response->get_data()['data']['available_in'];
		$this->assertGreaterThan( 0, $wait );
		$this->assertSame( (string) $wait, $response->get_headers()['Retry-After'] );
		$this->assertCount( 1, $this->prompts( $order ) );
		$this->assertSame( 1, $this->attempt_count( $order ) );
	}

	public function test_more_than_three_resends_in_ten_minutes_are_refused_with_429(): void {
		$order = $this->new_order();
		$this->start_payment( $order );
		for ( $i = 0; $i < ResendPolicy::MAX_RESENDS; $i++ ) {
			$this->fail_latest_prompt( $order );
			$this->assertSame( 201, $this->resend( $order )->get_status(), 'resend ' . ( $i + 1 ) );
		}
		$this->fail_latest_prompt( $order );

		$response = $this->resend( $order, array( 'phone' => '0700 000 000' ) );

		$this->assertSame( 429, $response->get_status() );
		$this->assertSame( 'pvp_too_many_prompts', $response->get_data()['code'] );
		$this->assertStringContainsString( 'Please try again in 10 minutes', $response->get_data()['message'] );
		$this->assertGreaterThan( 500, (int) $response->get_headers()['Retry-After'] );
		$this->assertCount( 4, $this->prompts( $order ) );
		$this->assertSame( 4, $this->attempt_count( $order ) );
		$status = $this->status( $order )->get_data();
		$this->assertSame( 'failed', $status['state'] );
		$this->assertSame( 'too_many', $status['resend']['reason'] );
	}

	public function test_a_paid_order_gets_no_resend(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );
		$this->deliver( $started['path'], $this->stk_success( $started['ids'] ) );

		$response = $this->resend( $order );

		$this->assertSame( 409, $response->get_status() );
		$this->assertSame( 'pvp_not_payable', $response->get_data()['code'] );
		$this->assertCount( 1, $this->prompts( $order ) );
	}
}
