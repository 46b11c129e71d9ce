<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Integration;

/**
 * The report routes through the real REST server: who may call them, exact totals and pages from the index,
 * search on any date, the CSV stream, and the ProxyAPI cross-check against the simulator.
 */
final class ReportRouteTest extends ReportTestCase {

	private const PAYMENTS = '/admin/reports/payments';

	/**
	 * Four orders in January 2001: paid on the second try, failed, still waiting, paid less than asked.
	 */
	private function seed_month(): void {
		$this->seed( 1, array( array( 'status' => 'failed', 'result_code' => '1032', 'result_desc' => 'Request cancelled by user' ), array( 'status' => 'paid', 'amount' => 1500, 'receipt' => 'SEEDPAID01', 'checkout_request_id' => 'ws_CO_SEED_1' ) ) );
		$this->seed( 2, array( array( 'status' => 'failed', 'amount' => 700, 'result_code' => '2001' ) ) );
		$this->seed( 3, array( array( 'status' => 'awaiting', 'amount' => 300, 'phone' => '254711222333', 'checkout_request_id' => 'ws_CO_SEED_3' ) ) );
		$this->seed( 4, array( array( 'status' => 'underpaid', 'amount' => 500, 'receipt' => 'SEEDUNDER4' ) ) );
	}

	public function test_visitors_get_401_and_customers_403_from_every_admin_route(): void {
		$this->seed_month();
		$routes = array( self::PAYMENTS, self::PAYMENTS . '/summary', self::PAYMENTS . '/cross-check', '/admin/orders/' . ( self::SEEDED_ORDER_ID + 1 ) . '/payment' );
		foreach ( $routes as $route ) {
			wp_set_current_user( 0 );
			$this->assertSame( 401, $this->get( $route )->get_status(), "visitor: {$route}" );
			$this->as_customer();
			$response = $this->get( $route, array( 'format' => 'json' ) );
			$this->assertSame( 403, $response->get_status(), "customer: {$route}" );
			$this->assertStringNotContainsString( 'SEEDPAID01', (string) wp_json_encode( $response->get_data() ) );
		}
		$this->as_customer();
		$this->assertSame( 403, $this->get( self::PAYMENTS, array( 'format' => 'csv' ) )->get_status(), 'customer: CSV' );
	}

	public function test_the_summary_counts_each_order_once_and_totals_the_paid_shillings(): void {
		$this->seed_month();
		$this->as_admin();
		$data = $this->get( self::PAYMENTS, self::SEEDED_MONTH )->get_data();

		$this->assertSame(
			array(
				'paid_orders'      => 1,
				'paid_amount'      => 1500,
				'failed_orders'    => 1,
				'awaiting_orders'  => 1,
				'underpaid_orders' => 1,
				'attempts'         => 5,
				'success_rate'     => round( 1 / 3, 4 ),
			),
			$data['summary']
		);
		$this->assertSame( 5, $data['total'] );
		$this->assertSame( 1, $data['pages'] );
		$this->assertSame( $data['summary'], $this->get( self::PAYMENTS . '/summary', self::SEEDED_MONTH )->get_data(), 'the summary route gives the same figures' );
		$this->assertNull( $this->get( self::PAYMENTS, self::SEEDED_MONTH + array( 'summary' => 'false' ) )->get_data()['summary'], 'pages can leave it out' );
	}

	public function test_pages_are_consecutive_and_do_not_overlap(): void {
		$this->seed_month();
		$this->as_admin();
		$seen = array();
		foreach ( array( 1, 2, 3 ) as $page ) {
			$data = $this->get( self::PAYMENTS, self::SEEDED_MONTH + array( 'per_page' => 2, 'page' => $page, 'orderby' => 'amount', 'order' => 'asc' ) )->get_data();
			$this->assertSame( 3, $data['pages'] );
			$this->assertSame( $page, $data['page'] );
			$seen = array_merge( $seen, array_column( $data['rows'], 'amount' ) );
		}
		$this->assertSame( array( 100, 300, 500, 700, 1500 ), $seen );
	}

	public function test_filters_by_status(): void {
		$this->seed_month();
		$this->as_admin();
		$statuses = static fn ( array $data ): array => array_column( $data['rows'], 'status' );
		$this->assertSame( array( 'failed', 'failed' ), $statuses( $this->get( self::PAYMENTS, self::SEEDED_MONTH + array( 'status' => 'failed' ) )->get_data() ) );
		$this->assertSame( array( 'awaiting' ), $statuses( $this->get( self::PAYMENTS, self::SEEDED_MONTH + array( 'status' => 'unpaid' ) )->get_data() ) );
		$this->assertSame( array( 'underpaid' ), $statuses( $this->get( self::PAYMENTS, self::SEEDED_MONTH + array( 'status' => 'underpaid' ) )->get_data() ) );
	}

	public function test_search_finds_a_receipt_phone_or_checkout_request_id_on_any_date(): void {
		$this->seed_month();
		$this->as_admin();
		$found = fn ( string $term ): array => array_column( $this->get( self::PAYMENTS, array( 'search' => $term, 'period' => 'today' ) )->get_data()['rows'], 'order_id' );
		$this->assertSame( array( self::SEEDED_ORDER_ID + 1 ), $found( 'SEEDPAID01' ) );
		$this->assertSame( array( self::SEEDED_ORDER_ID + 1 ), $found( 'seedpaid' ), 'a prefix, in any case' );
		$this->assertSame( array( self::SEEDED_ORDER_ID + 3 ), $found( '0711 222 333' ), 'a phone number as people type it' );
		$this->assertSame( array( self::SEEDED_ORDER_ID + 3 ), $found( 'ws_CO_SEED_3' ) );
		$this->assertSame( array(), $found( 'ws_CO_SEED_%' ), 'LIKE wildcards are literal' );
	}

	public function test_phone_numbers_are_masked_unless_the_store_shows_them_in_full(): void {
		$this->seed_month();
		$this->as_admin();
		$phones = fn (): array => array_unique( array_column( $this->get( self::PAYMENTS, array( 'search' => 'ws_CO_SEED_3' ) )->get_data()['rows'], 'phone' ) );
		$this->assertSame( array( '2547****2333' ), $phones() );
		update_option( 'pvp_show_full_phone', 'yes' );
		$this->assertSame( array( '254711222333' ), $phones() );
	}

	/**
	 * @return array<string, array{0: array<string, mixed>}>
	 */
	public static function bad_arguments(): array {
		return array(
			'page size above 100'     => array( array( 'per_page' => 500 ) ),
			'unknown status'          => array( array( 'status' => 'lost' ) ),
			'unknown sort column'     => array( array( 'orderby' => 'phone' ) ),
			'malformed day'           => array( array( 'period' => 'custom', 'after' => '01/02/2001' ) ),
			'end before the start'    => array( array( 'period' => 'custom', 'after' => '2001-02-01', 'before' => '2001-01-01' ) ),
			'search longer than 64'   => array( array( 'search' => str_repeat( 'x', 65 ) ) ),
			'unknown export format'   => array( array( 'format' => 'xlsx' ) ),
		);
	}

	/**
	 * @dataProvider bad_arguments
	 * @param array<string, mixed> $params Query parameters.
	 */
	public function test_bad_arguments_get_a_400_and_no_rows( array $params ): void {
		$this->as_admin();
		$response = $this->get( self::PAYMENTS, $params );
		$this->assertSame( 400, $response->get_status() );
		$this->assertArrayNotHasKey( 'rows', (array) $response->get_data() );
	}

	public function test_the_csv_streams_every_matching_row_with_formula_cells_neutralised(): void {
		$this->seed( 5, array( array( 'status' => 'failed', 'amount' => 900, 'result_desc' => '=HYPERLINK("http://evil.example","Click")' ) ) );
		$this->seed_month();
		$this->as_admin();
		$request = new \WP_REST_Request( 'GET', '/pay-via-proxyapi/v1' . self::PAYMENTS );
		$request->set_query_params( self::SEEDED_MONTH + array( 'format' => 'csv', 'status' => 'failed', 'per_page' => 1 ) );
		$response = rest_do_request( $request );
		$this->assertSame( 200, $response->get_status() );
		$this->assertStringStartsWith( 'text/csv', $response->get_headers()['Content-Type'] );
		$this->assertStringContainsString( 'attachment; filename="mpesa-payments-', $response->get_headers()['Content-Disposition'] );

		ob_start();
		$served = apply_filters( 'rest_pre_serve_request', false, $response, $request, rest_get_server() );
		$csv    = (string) ob_get_clean();
		$this->assertTrue( $served, 'the route streamed the file itself' );
		$lines = array_values( array_filter( explode( "\n", $csv ) ) );
		$this->assertSame( "\xEF\xBB\xBFDate,Order,Receipt,Phone,\"Amount (KES)\",Status,\"Result code\",\"Result description\",CheckoutRequestID,Reconciliation", $lines[0] );
		$this->assertCount( 4, $lines, 'every failed attempt of the month, not just one page' );
		$this->assertStringContainsString( "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"", $csv );
		$this->assertStringContainsString( '2547****0000', $csv, 'phones masked in the file too' );
	}

	public function test_a_csv_longer_than_one_batch_has_every_row_once_in_order(): void {
		$attempts = array();
		for ( $i = 0; $i < 1201; $i++ ) {
			// Many equal amounts: the export's batches must break ties exactly as the sort does.
			$attempts[] = array( 'status' => 'paid', 'amount' => 100 + $i % 7, 'checkout_request_id' => "ws_CO_CSV{$i}" );
		}
		$this->seed( 6, $attempts );
		$this->as_admin();
		$request = new \WP_REST_Request( 'GET', '/pay-via-proxyapi/v1' . self::PAYMENTS );
		$request->set_query_params( self::SEEDED_MONTH + array( 'format' => 'csv', 'orderby' => 'amount', 'order' => 'asc' ) );
		$response = rest_do_request( $request );
		ob_start();
		apply_filters( 'rest_pre_serve_request', false, $response, $request, rest_get_server() );
		$lines = array_slice( array_filter( explode( "\n", (string) ob_get_clean() ) ), 1 );

		$rows = array_map( 'str_getcsv', $lines );
		$ids  = array_column( $rows, 8 );
		$this->assertCount( 1201, $ids );
		$this->assertCount( 1201, array_unique( $ids ), 'no row twice' );
		$amounts = array_map( 'intval', array_column( $rows, 4 ) );
		$sorted  = $amounts;
		sort( $sorted );
		$this->assertSame( $sorted, $amounts, 'in the order asked for' );
	}

	public function test_a_payment_proxyapi_lists_but_the_store_does_not_know_needs_attention(): void {
		$unique = 'ws_CO_REPORTTEST' . wp_rand( 100000, 999999 );
		$added  = wp_remote_post(
			getenv( 'PVP_SIM_URL' ) . '/__sim/report-rows',
			array(
				'headers' => array( 'Content-Type' => 'application/json' ),
				'body'    => (string) wp_json_encode(
					array(
						array(
							'CheckoutRequestID'  => $unique,
							'MpesaTransactionID' => 'UKZ' . wp_rand( 1000000, 9999999 ),
							'Amount'             => 250,
							'AccountRef'         => '<b>9999</b>',
							'SenderMSISDN'       => '254722000111',
							'SenderFirstName'    => 'Mallory',
							'TransactionTime'    => gmdate( 'YmdHis', time() + 3 * 3600 ),
							'Confirmed'          => true,
						),
					)
				),
			)
		);
		$this->assertSame( 200, wp_remote_retrieve_response_code( $added ) );
		$this->as_admin();

		$data = $this->get( self::PAYMENTS . '/cross-check', array( 'period' => 'today' ) )->get_data();
		$this->assertTrue( $data['available'] );
		$items = array_values( array_filter( $data['items'], static fn ( array $item ): bool => $unique === $item['checkout_request_id'] ) );
		$this->assertCount( 1, $items );
		$this->assertSame( 'unknown_payment', $items[0]['kind'] );
		$this->assertSame( 0, $items[0]['order_id'] );
		$this->assertSame( '2547****0111', $items[0]['phone'] );
		$this->assertSame( '<b>9999</b>', $items[0]['account_reference'], 'passed as data; the screen shows it as text' );
	}

	public function test_when_proxyapi_cannot_be_reached_the_cross_check_says_so_and_the_report_still_answers(): void {
		$this->seed_month();
		$this->as_admin();
		$block = static fn ( $answer, array $args, string $url ) => str_ends_with( $url, '/pvp/report' ) ? new \WP_Error( 'http_request_failed', 'cURL error 7: Failed to connect' ) : $answer;
		add_filter( 'pre_http_request', $block, 10, 3 );
		try {
			$check = $this->get( self::PAYMENTS . '/cross-check', self::SEEDED_MONTH );
			$page  = $this->get( self::PAYMENTS, self::SEEDED_MONTH );
		} finally {
			remove_filter( 'pre_http_request', $block, 10 );
		}
		$this->assertSame( 200, $check->get_status() );
		$this->assertFalse( $check->get_data()['available'] );
		$this->assertSame( 'transport', $check->get_data()['reason'] );
		$this->assertSame( array(), $check->get_data()['items'] );
		$this->assertSame( 5, $page->get_data()['total'] );
	}
}
