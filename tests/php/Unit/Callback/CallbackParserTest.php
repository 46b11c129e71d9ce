<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Callback;

use PayViaProxyApi\Callback\CallbackParser;
use PayViaProxyApi\Callback\MalformedCallback;
use PayViaProxyApi\Payment\PaymentResult;
use PHPUnit\Framework\TestCase;

final class CallbackParserTest extends TestCase {

	private function fixture( string $name ): string {
		return (string) file_get_contents( dirname( __DIR__, 2 ) . '/Fixtures/callbacks/' . $name . '.json' );
	}

	public function test_reads_a_successful_stk_callback(): void {
		$result = ( new CallbackParser() )->parse( $this->fixture( 'stk-success' ) );
		$this->assertSame( PaymentResult::SOURCE_STK, $result->source );
		$this->assertTrue( $result->is_paid() );
		$this->assertSame( '0', $result->result_code );
		$this->assertSame( 'TLA1B2C3D4', $result->receipt );
		$this->assertSame( 1500.0, $result->amount );
		$this->assertSame( '20260101120112', $result->transaction_time );
		$this->assertSame( '254712345678', $result->payer_phone );
		$this->assertSame( 'ws_CO_01012026120003512712345678', $result->checkout_request_id );
		$this->assertSame( '29115-34620561-1', $result->merchant_request_id );
		$this->assertArrayNotHasKey( 'Balance', $result->metadata, 'items without a Value are skipped' );
	}

	public function test_reads_a_failed_stk_callback_without_metadata(): void {
		$result = ( new CallbackParser() )->parse( $this->fixture( 'stk-cancelled' ) );
		$this->assertFalse( $result->is_paid() );
		$this->assertSame( '1032', $result->result_code );
		$this->assertSame( 'Request cancelled by user', $result->result_desc );
		$this->assertSame( '', $result->receipt );
	}

	public function test_reads_a_pvp_confirmation(): void {
		$result = ( new CallbackParser() )->parse( $this->fixture( 'pvp-success' ) );
		$this->assertSame( PaymentResult::SOURCE_PVP, $result->source );
		$this->assertTrue( $result->is_paid() );
		$this->assertSame( 'TLA1B2C3D4', $result->receipt );
		$this->assertSame( 'K7QX2MNA4TZ9PLB', $result->request_id );
		$this->assertSame( 'Jane', $result->payer_first_name );
		$this->assertSame( 'Doe', $result->payer_last_name );
		$this->assertSame( 1769904000, $result->due_date );
		$this->assertNull( $result->amount, 'a pvpCallback reports no amount' );
	}

	public function test_accepts_a_non_numeric_result_code_and_a_masked_phone(): void {
		$body   = '{"Body":{"stkCallback":{"MerchantRequestID":"m-1","CheckoutRequestID":"ws_CO_1","ResultCode":"SFC_IC0003","ResultDesc":"The operator does not exist"}}}';
		$result = ( new CallbackParser() )->parse( $body );
		$this->assertSame( 'SFC_IC0003', $result->result_code );
		$masked = str_replace( '254712345678', '"2547****5678"', $this->fixture( 'stk-success' ) );
		$this->assertSame( '2547****5678', ( new CallbackParser() )->parse( $masked )->payer_phone );
	}

	/**
	 * @return array<string, array{0: string}>
	 */
	public function malformed_bodies(): array {
		$success = '{"Body":{"stkCallback":{"MerchantRequestID":"m-1","CheckoutRequestID":"ws_CO_1","ResultCode":0,"ResultDesc":"ok","CallbackMetadata":{"Item":[%s]}}}}';
		return array(
			'empty'                        => array( '' ),
			'not json'                     => array( '<xml/>' ),
			'json scalar'                  => array( '42' ),
			'no Body'                      => array( '{"stkCallback":{}}' ),
			'Body is a string'             => array( '{"Body":"x"}' ),
			'unknown callback kind'        => array( '{"Body":{"c2bCallback":{}}}' ),
			'missing CheckoutRequestID'    => array( '{"Body":{"stkCallback":{"MerchantRequestID":"m","ResultCode":0,"ResultDesc":"ok"}}}' ),
			'CheckoutRequestID not string' => array( '{"Body":{"stkCallback":{"MerchantRequestID":"m","CheckoutRequestID":["x"],"ResultCode":1,"ResultDesc":"x"}}}' ),
			'id with markup'               => array( '{"Body":{"stkCallback":{"MerchantRequestID":"m","CheckoutRequestID":"<script>","ResultCode":1,"ResultDesc":"x"}}}' ),
			'ResultCode object'            => array( '{"Body":{"stkCallback":{"MerchantRequestID":"m","CheckoutRequestID":"c","ResultCode":{},"ResultDesc":"x"}}}' ),
			'ResultCode missing'           => array( '{"Body":{"stkCallback":{"MerchantRequestID":"m","CheckoutRequestID":"c","ResultDesc":"x"}}}' ),
			'success without receipt'      => array( sprintf( $success, '{"Name":"Amount","Value":1}' ) ),
			'receipt not a string'         => array( sprintf( $success, '{"Name":"MpesaReceiptNumber","Value":123456789}' ) ),
			'Item not a list'              => array( '{"Body":{"stkCallback":{"MerchantRequestID":"m","CheckoutRequestID":"c","ResultCode":0,"ResultDesc":"ok","CallbackMetadata":{"Item":"x"}}}}' ),
			'item without Name'            => array( sprintf( $success, '{"Value":1}' ) ),
			'pvp without metadata'         => array( '{"Body":{"pvpCallback":{"RequestID":"r","CheckoutRequestID":"c"}}}' ),
			'pvp without receipt'          => array( '{"Body":{"pvpCallback":{"RequestID":"r","CheckoutRequestID":"c","CallbackMetadata":{}}}}' ),
			'too deep'                     => array( str_repeat( '[', 50 ) . str_repeat( ']', 50 ) ),
			'too large'                    => array( '{"Body":{"stkCallback":{"x":"' . str_repeat( 'a', 20000 ) . '"}}}' ),
		);
	}

	/**
	 * @dataProvider malformed_bodies
	 */
	public function test_refuses_malformed_bodies_with_a_clear_error( string $body ): void {
		$this->expectException( MalformedCallback::class );
		( new CallbackParser() )->parse( $body );
	}

	public function test_keeps_only_the_first_500_characters_of_a_description(): void {
		$body   = '{"Body":{"stkCallback":{"MerchantRequestID":"m","CheckoutRequestID":"c","ResultCode":1,"ResultDesc":"' . str_repeat( 'x', 900 ) . '"}}}';
		$result = ( new CallbackParser() )->parse( $body );
		$this->assertSame( 500, strlen( $result->result_desc ) );
	}
}
