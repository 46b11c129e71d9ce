<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Provider;

use PayViaProxyApi\Provider\HttpClient;
use PayViaProxyApi\Provider\HttpResponse;
use PayViaProxyApi\Provider\ProviderException;
use PayViaProxyApi\Provider\ProxyApiReport;
use PHPUnit\Framework\TestCase;

final class ProxyApiReportTest extends TestCase {

	private function report( string $body, int $status = 200 ): ProxyApiReport {
		$http = new class( new HttpResponse( $status, $body ) ) implements HttpClient {
			/** @var array<string, mixed> */
			public array $last = array();
			public function __construct( private HttpResponse $answer ) {
			}
			public function post_json( string $url, array $body, int $timeout ): HttpResponse {
				$this->last = compact( 'url', 'body' );
				return $this->answer;
			}
		};
		return new ProxyApiReport( $http, 'https://api.example.test', '1700000000-LocalStoreSimulator1' );
	}

	public function test_reads_rows_and_skips_unusable_ones(): void {
		$rows = $this->report( '{"StatusCode":0,"ResponseCode":0,"ResponseDesc":"Success","Data":[{"CheckoutRequestID":"ws_CO_1","MpesaTransactionID":"TLA1B2C3D4","Amount":"1500","AccountRef":"1042","SenderMSISDN":"254712345678","SenderFirstName":"Jane","SenderLastName":"Doe","TransactionTime":"20260101030112","Confirmed":true},{"CheckoutRequestID":"ws_CO_2","MpesaTransactionID":"","Amount":250,"AccountRef":"1043","TransactionTime":"","Confirmed":false},{"CheckoutRequestID":"<bad>"},"junk"]}' )->rows();

		$this->assertCount( 2, $rows );
		$this->assertTrue( $rows[0]->is_paid() );
		$this->assertSame( 1500.0, $rows[0]->amount );
		$this->assertSame( 'TLA1B2C3D4', $rows[0]->receipt );
		$this->assertFalse( $rows[1]->is_paid() );
	}

	public function test_finds_a_row_by_checkout_request_id(): void {
		$report = $this->report( '{"ResponseCode":0,"Data":[{"CheckoutRequestID":"ws_CO_1","MpesaTransactionID":"TLA1B2C3D4","Confirmed":true}]}' );
		$this->assertSame( 'TLA1B2C3D4', $report->find( 'ws_CO_1' )?->receipt );
		$this->assertNull( $report->find( 'ws_CO_9' ) );
	}

	public function test_refusals_and_garbage_become_provider_exceptions(): void {
		foreach ( array( '{"ResponseCode":1,"ResponseDesc":"Invalid API Key"}' => ProviderException::REJECTED, '<html>' => ProviderException::INVALID_RESPONSE ) as $body => $kind ) {
			try {
				$this->report( $body )->rows();
				$this->fail( 'expected a ProviderException' );
			} catch ( ProviderException $e ) {
				$this->assertSame( $kind, $e->kind );
			}
		}
	}
}
