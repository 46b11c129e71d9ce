<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Payment;

use PayViaProxyApi\Payment\PaymentResult;
use PHPUnit\Framework\TestCase;

final class PaymentResultTest extends TestCase {

	public function test_a_stored_result_comes_back_field_for_field_through_json(): void {
		$result = new PaymentResult( 'stk', '0', 'The service request is processed successfully.', 'ws_CO_1', 'MR-1', 'RQ1', 'TLA1B2C3D4', 250.0, '20260101120112', '254700009000', 'Jane', 'Doe', 1767225600, array( 'Amount' => 250, 'Balance' => '' ) );

		$back = PaymentResult::from_array( json_decode( (string) json_encode( $result->to_array() ), true ) );

		$this->assertEquals( $result, $back );
		$this->assertSame( 250.0, $back->amount );
		$this->assertSame( 1767225600, $back->due_date );
	}

	public function test_a_failure_without_amount_or_due_date_keeps_them_null(): void {
		$result = new PaymentResult( 'pvp', '1032', 'Request cancelled by user', 'ws_CO_2' );

		$back = PaymentResult::from_array( json_decode( (string) json_encode( $result->to_array() ), true ) );

		$this->assertNull( $back->amount );
		$this->assertNull( $back->due_date );
		$this->assertFalse( $back->is_paid() );
	}

	public function test_a_whole_amount_stored_as_an_integer_is_read_as_shillings(): void {
		$fields           = ( new PaymentResult( 'stk', '0', 'ok', 'ws_CO_3', '', '', 'TLA1B2C3D4', 10.0 ) )->to_array();
		$fields['amount'] = 10;

		$this->assertSame( 10.0, PaymentResult::from_array( $fields )->amount );
	}

	/**
	 * @return array<string, array{0: array<string, mixed>}>
	 */
	public function damaged(): array {
		return array(
			'no result code'       => array( array( 'source' => 'stk', 'result_desc' => '', 'checkout_request_id' => 'x' ) ),
			'result code a number' => array( array( 'source' => 'stk', 'result_code' => 0, 'result_desc' => '', 'checkout_request_id' => 'x' ) ),
			'no source'            => array( array( 'result_code' => '0', 'result_desc' => '', 'checkout_request_id' => 'x' ) ),
		);
	}

	/**
	 * @dataProvider damaged
	 * @param array<string, mixed> $fields A damaged stored row.
	 */
	public function test_a_damaged_stored_result_is_refused( array $fields ): void {
		$this->expectException( \InvalidArgumentException::class );
		PaymentResult::from_array( $fields );
	}
}
