<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Reports;

use PayViaProxyApi\Provider\ReportRow;
use PayViaProxyApi\Reports\CrossCheck;
use PHPUnit\Framework\TestCase;

final class CrossCheckTest extends TestCase {

	private static function remote( string $checkout, string $receipt = '', string $time = '' ): ReportRow {
		return new ReportRow( $checkout, $receipt, 100.0, '1042', '254700000000', 'Jane', 'Doe', $time, '' !== $receipt );
	}

	/**
	 * @return array<string, int|string>
	 */
	private static function local( string $checkout, string $status, string $outcome, int $created_at = 1800000000 ): array {
		return array(
			'order_id'            => 7,
			'order_number'        => '7',
			'checkout_request_id' => $checkout,
			'receipt'             => 'paid' === $status ? 'LOCAL12345' : '',
			'amount'              => 100,
			'phone'               => '254700000000',
			'status'              => $status,
			'order_outcome'       => $outcome,
			'created_at'          => $created_at,
			'settled_at'          => 0,
		);
	}

	public function test_agreeing_rows_need_no_attention(): void {
		$result = CrossCheck::compare(
			array( self::remote( 'ws_CO_1', 'UKA1B2C3D4', '20270115120000' ), self::remote( 'ws_CO_2' ) ),
			array(
				'ws_CO_1' => self::local( 'ws_CO_1', 'paid', 'paid' ),
				'ws_CO_2' => self::local( 'ws_CO_2', 'failed', 'failed' ),
			),
			array( self::local( 'ws_CO_1', 'paid', 'paid' ) )
		);
		$this->assertSame( array(), $result['items'] );
		$this->assertSame( 2, $result['listed'] );
		$this->assertSame( 2, $result['matched'] );
	}

	public function test_disagreements_are_classified_and_the_most_urgent_come_first(): void {
		$result = CrossCheck::compare(
			array(
				self::remote( 'ws_CO_unknown', 'UKA0000001', '20270115120000' ),
				self::remote( 'ws_CO_lost', 'UKA0000002', '20270115110000' ),
				self::remote( 'ws_CO_twice', 'UKA0000003', '20270115100000' ),
				self::remote( 'ws_CO_unpaid_there' ),
			),
			array(
				'ws_CO_lost'         => self::local( 'ws_CO_lost', 'awaiting', 'awaiting' ),
				'ws_CO_twice'        => self::local( 'ws_CO_twice', 'failed', 'paid' ),
				'ws_CO_unpaid_there' => self::local( 'ws_CO_unpaid_there', 'paid', 'paid' ),
			),
			array( self::local( 'ws_CO_unpaid_there', 'paid', 'paid' ), self::local( 'ws_CO_missing', 'paid', 'paid' ) )
		);
		$this->assertSame(
			array( CrossCheck::NOT_COMPLETED, CrossCheck::PAID_TWICE, CrossCheck::UNKNOWN_PAYMENT, CrossCheck::NOT_LISTED, CrossCheck::NOT_LISTED ),
			array_column( $result['items'], 'kind' )
		);
		$this->assertSame( 'ws_CO_lost', $result['items'][0]['checkout_request_id'] );
		$this->assertSame( 7, $result['items'][0]['order_id'] );
		$this->assertSame( 'Jane Doe', $result['items'][2]['payer'] );
		$this->assertSame( 0, $result['items'][2]['order_id'], 'an unknown payment has no order' );
		$this->assertSame( '1042', $result['items'][2]['account_reference'] );
		// 2027-01-15 12:00 in Kenya is 09:00 UTC.
		$this->assertSame( gmmktime( 9, 0, 0, 1, 15, 2027 ), $result['items'][2]['at'] );
	}

	public function test_store_payments_older_than_proxyapis_list_are_not_judged(): void {
		$oldest_listed = gmmktime( 9, 0, 0, 1, 15, 2027 );
		$result        = CrossCheck::compare(
			array( self::remote( 'ws_CO_1', 'UKA0000001', '20270115120000' ) ),
			array(),
			array(
				self::local( 'ws_CO_recent', 'paid', 'paid', $oldest_listed + 60 ),
				self::local( 'ws_CO_ancient', 'paid', 'paid', $oldest_listed - 7200 ),
			)
		);
		$this->assertSame( array( CrossCheck::UNKNOWN_PAYMENT, CrossCheck::NOT_LISTED ), array_column( $result['items'], 'kind' ) );
		$this->assertSame( 'ws_CO_recent', $result['items'][1]['checkout_request_id'] );
		$this->assertSame( $oldest_listed - 3600, $result['window_start'] );
	}

	public function test_when_proxyapi_lists_no_payment_every_paid_attempt_in_the_period_is_judged(): void {
		$result = CrossCheck::compare( array(), array(), array( self::local( 'ws_CO_1', 'paid', 'paid', 1 ) ) );
		$this->assertSame( array( CrossCheck::NOT_LISTED ), array_column( $result['items'], 'kind' ) );
		$this->assertSame( 0, $result['window_start'] );
	}
}
