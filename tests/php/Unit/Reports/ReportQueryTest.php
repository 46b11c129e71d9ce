<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Reports;

use PayViaProxyApi\Reports\ReportPeriod;
use PayViaProxyApi\Reports\ReportQuery;
use PHPUnit\Framework\TestCase;

final class ReportQueryTest extends TestCase {

	private function query( string $status = 'any', string $search = '', string $orderby = 'date', string $order = 'desc', int $page = 1, int $per_page = 20 ): ReportQuery {
		return new ReportQuery( new ReportPeriod( 1000, 2000 ), $status, $search, $orderby, $order, $page, $per_page );
	}

	public function test_a_plain_query_filters_by_the_period_only(): void {
		$this->assertSame( array( 'created_at BETWEEN %d AND %d', array( 1000, 2000 ) ), $this->query()->where() );
	}

	public function test_unpaid_means_started_or_awaiting(): void {
		$this->assertSame(
			array( 'created_at BETWEEN %d AND %d AND status IN (%s, %s)', array( 1000, 2000, 'started', 'awaiting' ) ),
			$this->query( 'unpaid' )->where()
		);
	}

	public function test_a_phone_number_in_any_written_form_matches_the_stored_msisdn_on_every_date(): void {
		foreach ( array( '0712 345 678', '+254712345678', '254712345678' ) as $typed ) {
			$this->assertSame( array( 'phone = %s', array( '254712345678' ) ), $this->query( 'any', $typed )->where(), $typed );
		}
	}

	public function test_a_receipt_or_checkout_request_id_matches_by_prefix_with_wildcards_escaped(): void {
		$this->assertSame(
			array( '(receipt LIKE %s OR checkout_request_id LIKE %s) AND status IN (%s)', array( 'ws\_CO\_01%', 'ws\_CO\_01%', 'paid' ) ),
			$this->query( 'paid', ' ws_CO_01 ' )->where()
		);
		$this->assertSame( array( 'UKA1B2\%%', 'UKA1B2\%%' ), $this->query( 'any', 'UKA1B2%' )->where()[1] );
	}

	public function test_digits_also_match_an_order_number(): void {
		$this->assertSame(
			array( '(order_id = %d OR receipt LIKE %s OR checkout_request_id LIKE %s)', array( 1042, '1042%', '1042%' ) ),
			$this->query( 'any', '1042' )->where()
		);
	}

	public function test_sorting_uses_allow_listed_columns_and_breaks_ties_by_row(): void {
		$this->assertSame( 'created_at DESC, id DESC', $this->query()->order_by() );
		$this->assertSame( 'amount ASC, created_at ASC, id ASC', $this->query( 'any', '', 'amount', 'asc' )->order_by() );
		$this->assertSame( 'status DESC, created_at DESC, id DESC', $this->query( 'any', '', 'status' )->order_by() );
		$this->assertSame( 'order_id DESC, id DESC', $this->query( 'any', '', 'order' )->order_by() );
	}

	public function test_the_rows_after_a_row_follow_the_sort_order_with_ties_broken_by_row(): void {
		$last = array( 'id' => 9, 'created_at' => 1700, 'amount' => 500, 'status' => 'paid', 'order_id' => 42 );
		$this->assertSame(
			array( '((created_at < %d) OR (created_at = %d AND id < %d))', array( 1700, 1700, 9 ) ),
			$this->query()->after( $last )
		);
		$this->assertSame(
			array( '((status > %s) OR (status = %s AND created_at > %d) OR (status = %s AND created_at = %d AND id > %d))', array( 'paid', 'paid', 1700, 'paid', 1700, 9 ) ),
			$this->query( 'any', '', 'status', 'asc' )->after( $last )
		);
	}

	public function test_pages_and_offsets(): void {
		$query = $this->query( 'any', '', 'date', 'desc', 3, 25 );
		$this->assertSame( 50, $query->offset() );
		$this->assertSame( 4, $query->pages( 76 ) );
		$this->assertSame( 1, $query->pages( 0 ) );
	}

	/**
	 * @return array<string, array{0: string, 1: string, 2: string, 3: string, 4: int, 5: int}>
	 */
	public static function refused(): array {
		return array(
			'unknown status'        => array( 'lost', '', 'date', 'desc', 1, 20 ),
			'unknown column'        => array( 'any', '', 'phone; DROP TABLE x', 'desc', 1, 20 ),
			'unknown direction'     => array( 'any', '', 'date', 'sideways', 1, 20 ),
			'page zero'             => array( 'any', '', 'date', 'desc', 0, 20 ),
			'page size too large'   => array( 'any', '', 'date', 'desc', 1, 101 ),
			'search text too long'  => array( 'any', str_repeat( 'a', 65 ), 'date', 'desc', 1, 20 ),
		);
	}

	/**
	 * @dataProvider refused
	 */
	public function test_values_outside_the_allow_lists_are_refused( string $status, string $search, string $orderby, string $order, int $page, int $per_page ): void {
		$this->expectException( \InvalidArgumentException::class );
		$this->query( $status, $search, $orderby, $order, $page, $per_page );
	}
}
