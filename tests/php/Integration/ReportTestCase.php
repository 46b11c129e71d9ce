<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Integration;

use PayViaProxyApi\Payment\Attempt;
use PayViaProxyApi\Reports\AttemptRepository;
use PayViaProxyApi\Reports\AttemptTable;
use PayViaProxyApi\Reports\IndexRows;

/**
 * Helpers for the report and order-panel tests: users of each kind, REST calls, and rows seeded straight into
 * the attempts index for order ids no real order has, so totals are exact however many orders the store holds.
 */
abstract class ReportTestCase extends StoreTestCase {

	/** Seeded rows use order ids from here up: far above any real order of the test store. */
	protected const SEEDED_ORDER_ID = 900000000;

	/** Seeded attempts start in January 2001, a month no real test payment is in. */
	protected const SEEDED_MONTH = array(
		'period' => 'custom',
		'after'  => '2001-01-01',
		'before' => '2001-01-31',
	);

	/** @var int[] */
	private array $seeded = array();

	protected function tearDown(): void {
		foreach ( $this->seeded as $order_id ) {
			$this->repository()->delete_order( $order_id );
		}
		delete_option( 'pvp_show_full_phone' );
		wp_set_current_user( 0 );
		parent::tearDown();
	}

	protected function repository(): AttemptRepository {
		global $wpdb;
		return new AttemptRepository( $wpdb, $wpdb->prefix . AttemptTable::NAME );
	}

	protected function as_admin(): void {
		wp_set_current_user( 1 );
	}

	protected function as_customer(): void {
		$customer = get_user_by( 'login', 'customer' );
		$this->assertInstanceOf( \WP_User::class, $customer, 'the store has its customer account' );
		wp_set_current_user( $customer->ID );
	}

	/**
	 * @param array<string, mixed> $params Query parameters.
	 */
	protected function get( string $route, array $params = array() ): \WP_REST_Response {
		$request = new \WP_REST_Request( 'GET', '/pay-via-proxyapi/v1' . $route );
		$request->set_query_params( $params );
		$response = rest_do_request( $request );
		return $response instanceof \WP_REST_Response ? $response : new \WP_REST_Response( null, 500 );
	}

	/**
	 * Seeds one order's attempts into the index (never into an order).
	 *
	 * @param int                                $offset   Order id = SEEDED_ORDER_ID + offset.
	 * @param array<int, array<string, mixed>>  $attempts Attempt fields to change per attempt, oldest first.
	 */
	protected function seed( int $offset, array $attempts ): int {
		$order_id = self::SEEDED_ORDER_ID + $offset;
		$arrays   = array();
		foreach ( $attempts as $index => $changes ) {
			$arrays[] = ( new Attempt( "SEED{$offset}R{$index}", 'hash', '254700000000', 100, gmmktime( 12, 0, $index, 1, 10, 2001 ) ) )->with( $changes )->to_array();
		}
		$this->repository()->replace_order( $order_id, IndexRows::for_order( $order_id, (string) $order_id, $arrays ) );
		$this->seeded[] = $order_id;
		return $order_id;
	}
}
