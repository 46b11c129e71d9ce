<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Integration;

use PayViaProxyApi\Security\StatusPollLimit;

/**
 * The shopper's status route answers 120 reads a minute per order and client address, then 429 with
 * Retry-After; other orders and other clients are not affected.
 */
final class SecurityStatusRateLimitTest extends StoreTestCase {

	private const CLIENT = '198.51.100.7';

	/** @var string[] Transient keys to remove afterwards. */
	private array $keys = array();

	private string $saved_remote_addr = '';

	protected function setUp(): void {
		parent::setUp();
		$this->saved_remote_addr = (string) ( $_SERVER['REMOTE_ADDR'] ?? '' );
		$_SERVER['REMOTE_ADDR']  = self::CLIENT;
	}

	protected function tearDown(): void {
		foreach ( $this->keys as $key ) {
			delete_transient( $key );
		}
		$_SERVER['REMOTE_ADDR'] = $this->saved_remote_addr;
		parent::tearDown();
	}

	private function status( \WC_Order $order, ?string $key = null ): \WP_REST_Response {
		$this->keys[] = StatusPollLimit::key( $order->get_id(), (string) $_SERVER['REMOTE_ADDR'] );
		$request      = new \WP_REST_Request( 'GET', '/pay-via-proxyapi/v1/orders/' . $order->get_id() . '/payment' );
		$request->set_query_params( array( 'key' => $key ?? $order->get_order_key() ) );
		$response = rest_do_request( $request );
		return $response instanceof \WP_REST_Response ? $response : new \WP_REST_Response( null, 500 );
	}

	public function test_the_121st_read_in_a_minute_is_429_and_other_orders_and_clients_are_unaffected(): void {
		$order = $this->new_order();
		$other = $this->new_order();
		$this->start_payment( $order );

		for ( $i = 1; $i <= StatusPollLimit::LIMIT; $i++ ) {
			$this->assertSame( 200, $this->status( $order )->get_status(), "read $i is answered" );
		}
		$refused = $this->status( $order );

		$this->assertSame( 429, $refused->get_status() );
		$this->assertSame( 'pvp_too_many_requests', $refused->get_data()['code'] );
		$this->assertStringContainsString( 'Too many status checks for this order', $refused->get_data()['message'] );
		$retry_after = (int) ( $refused->get_headers()['Retry-After'] ?? 0 );
		$this->assertGreaterThanOrEqual( 1, $retry_after );
		$this->assertLessThanOrEqual( StatusPollLimit::WINDOW_SECONDS, $retry_after );
		$this->assertSame( $retry_after, $refused->get_data()['data']['available_in'] );
		$this->assertArrayNotHasKey( 'state', $refused->get_data(), 'a refusal carries no status' );

		$this->assertSame( 200, $this->status( $other )->get_status(), 'another order of the same client' );
		$_SERVER['REMOTE_ADDR'] = '198.51.100.8';
		$this->assertSame( 200, $this->status( $order )->get_status(), 'the same order from another client' );
	}

	public function test_reads_with_a_wrong_key_are_404_and_not_counted(): void {
		$order = $this->new_order();

		$this->assertSame( 404, $this->status( $order, 'wc_order_wrong' )->get_status() );

		$this->assertFalse( get_transient( StatusPollLimit::key( $order->get_id(), self::CLIENT ) ), 'nothing stored for a caller without the key' );
	}
}
