<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Provider;

use PayViaProxyApi\Payment\Attempt;
use PayViaProxyApi\Payment\AttemptStatus;
use PayViaProxyApi\Payment\PaymentResult;
use PayViaProxyApi\Provider\HttpClient;
use PayViaProxyApi\Provider\HttpResponse;
use PayViaProxyApi\Provider\ProviderException;
use PayViaProxyApi\Provider\ProxyApiClient;
use PHPUnit\Framework\TestCase;

/**
 * Reconciliation's question to ProxyAPI: what does the transaction report say about this attempt?
 */
final class ProxyApiClientQueryResultTest extends TestCase {

	private const KEY = '1700000000-LocalStoreSimulator1';

	private const PAID_ROW = '{"CheckoutRequestID":"ws_CO_1","MpesaTransactionID":"TLA1B2C3D4","Amount":100,"AccountRef":"1042","SenderMSISDN":"2547****5678","SenderFirstName":"Jane","SenderLastName":"Doe","TransactionTime":"20260101030112","Confirmed":true}';

	/** @var array<int, array{url: string, body: array<string, mixed>}> */
	private array $sent = array();

	private function client( string|ProviderException $answer ): ProxyApiClient {
		$http = new class( $answer, $this->sent ) implements HttpClient {
			public function __construct( private string|ProviderException $answer, private array &$sent ) {
			}
			public function post_json( string $url, array $body, int $timeout ): HttpResponse {
				$this->sent[] = compact( 'url', 'body' );
				if ( $this->answer instanceof ProviderException ) {
					throw $this->answer;
				}
				return new HttpResponse( 200, $this->answer );
			}
		};
		return new ProxyApiClient( $http, 'https://api.example.test', self::KEY, static fn (): int => 1767225600 );
	}

	private function attempt( string $checkout_request_id = 'ws_CO_1' ): Attempt {
		return new Attempt( 'REQ000000000001', str_repeat( 'a', 64 ), '254712345678', 100, 1767225600, AttemptStatus::AWAITING, 'm-1', $checkout_request_id );
	}

	private static function report( string ...$rows ): string {
		return '{"StatusCode":0,"ResponseCode":0,"ResponseDesc":"Success","Data":[' . implode( ',', $rows ) . ']}';
	}

	public function test_a_paid_row_becomes_a_report_result_with_everything_listed(): void {
		$result = $this->client( self::report( '{"CheckoutRequestID":"ws_CO_0","MpesaTransactionID":"","Amount":5}', self::PAID_ROW ) )->query_result( $this->attempt() );

		$this->assertInstanceOf( PaymentResult::class, $result );
		$this->assertSame( PaymentResult::SOURCE_REPORT, $result->source );
		$this->assertTrue( $result->is_paid() );
		$this->assertSame( 'ws_CO_1', $result->checkout_request_id );
		$this->assertSame( 'TLA1B2C3D4', $result->receipt );
		$this->assertSame( 100.0, $result->amount, 'the amount comes from the row, so the settlement rules can check it' );
		$this->assertSame( '20260101030112', $result->transaction_time );
		$this->assertSame( '2547****5678', $result->payer_phone, 'a masked number is kept as listed' );
		$this->assertSame( array( 'Jane', 'Doe' ), array( $result->payer_first_name, $result->payer_last_name ) );
		$this->assertSame( '1042', $result->metadata['AccountRef'] );
		$this->assertSame( 'https://api.example.test/pvp/report', $this->sent[0]['url'] );
		$this->assertSame( array( 'APIKey' => self::KEY, 'UserID' => 0 ), $this->sent[0]['body'] );
	}

	public function test_an_unpaid_or_missing_row_is_no_result_yet(): void {
		$unpaid = '{"CheckoutRequestID":"ws_CO_1","MpesaTransactionID":"","Amount":100,"TransactionTime":"","Confirmed":false}';
		$this->assertNull( $this->client( self::report( $unpaid ) )->query_result( $this->attempt() ) );
		$this->assertNull( $this->client( self::report( self::PAID_ROW ) )->query_result( $this->attempt( 'ws_CO_2' ) ) );
	}

	public function test_an_attempt_without_a_checkout_request_id_is_not_asked_about(): void {
		$this->assertNull( $this->client( self::report( self::PAID_ROW ) )->query_result( $this->attempt( '' ) ) );
		$this->assertSame( array(), $this->sent, 'nothing to match by, so nothing is sent' );
	}

	public function test_an_unreachable_or_refusing_provider_is_a_provider_exception(): void {
		foreach ( array( new ProviderException( ProviderException::TRANSPORT, 'Could not reach the payment provider.' ), '{"ResponseCode":1,"ResponseDesc":"Invalid API Key"}' ) as $answer ) {
			try {
				$this->client( $answer )->query_result( $this->attempt() );
				$this->fail( 'expected a ProviderException' );
			} catch ( ProviderException $e ) {
				$this->assertNotSame( '', $e->getMessage() );
			}
		}
	}
}
