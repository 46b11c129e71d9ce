<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Provider;

use PayViaProxyApi\Provider\HttpClient;
use PayViaProxyApi\Provider\HttpResponse;
use PayViaProxyApi\Provider\ProviderException;
use PayViaProxyApi\Provider\ProxyApiClient;
use PayViaProxyApi\Provider\ProxyApiReport;
use PayViaProxyApi\Provider\StkPushRequest;
use PHPUnit\Framework\TestCase;

final class ProxyApiClientTest extends TestCase {

	private const KEY = '1700000000-LocalStoreSimulator1';

	/** @var array<int, array{url: string, body: array<string, mixed>, timeout: int}> */
	private array $sent = array();

	private function client( HttpResponse|ProviderException $answer, string $key = self::KEY ): ProxyApiClient {
		$http = new class( $answer, $this->sent ) implements HttpClient {
			public function __construct( private HttpResponse|ProviderException $answer, private array &$sent ) {
			}
			public function post_json( string $url, array $body, int $timeout ): HttpResponse {
				$this->sent[] = compact( 'url', 'body', 'timeout' );
				if ( $this->answer instanceof ProviderException ) {
					throw $this->answer;
				}
				return $this->answer;
			}
		};
		return new ProxyApiClient( $http, 'https://api.example.test', $key, static fn (): int => 1767225600 );
	}

	private function request(): StkPushRequest {
		return new StkPushRequest( 'K7QX2MNA4TZ9PLB', '254712345678', 1500, '1042', 'https://shop.example/wp-json/cb', 'https://shop.example' );
	}

	public function test_sends_the_pvp_lnm_request_and_reads_the_ids(): void {
		$accepted = $this->client( new HttpResponse( 200, '{"StatusCode":0,"ResponseCode":0,"ResponseDesc":"Success. Request accepted for processing","MerchantRequestID":"29115-1","CheckoutRequestID":"ws_CO_1"}' ) )->start_stk_push( $this->request() );
		$this->assertSame( '29115-1', $accepted->merchant_request_id );
		$this->assertSame( 'ws_CO_1', $accepted->checkout_request_id );
		$this->assertSame( 'https://api.example.test/pvp/lnm', $this->sent[0]['url'] );
		$this->assertSame(
			array(
				'RequestID'        => 'K7QX2MNA4TZ9PLB',
				'ApiKey'           => self::KEY,
				'CallbackUrl'      => 'https://shop.example/wp-json/cb',
				'RequestTimestamp' => 1767225600,
				'Amount'           => 1500,
				'SenderMSISDN'     => '254712345678',
				'AccountReference' => '1042',
				'Origin'           => 'https://shop.example',
			),
			$this->sent[0]['body']
		);
	}

	public function test_accepts_string_codes_and_the_older_description_field(): void {
		$accepted = $this->client( new HttpResponse( 200, '{"StatusCode":"0","ResponseCode":"0","ResponseDescription":"ok","MerchantRequestID":"m","CheckoutRequestID":"c"}' ) )->start_stk_push( $this->request() );
		$this->assertSame( 'ok', $accepted->description );
	}

	/**
	 * @return array<string, array{0: HttpResponse|ProviderException, 1: string, 2: bool}>
	 */
	public function failures(): array {
		return array(
			'refused'            => array( new HttpResponse( 200, '{"StatusCode":-1,"ResponseCode":1,"ResponseDesc":"Invalid API Key","MerchantRequestID":null,"CheckoutRequestID":null}' ), ProviderException::REJECTED, false ),
			'html error page'    => array( new HttpResponse( 502, '<html>Bad gateway</html>' ), ProviderException::INVALID_RESPONSE, true ),
			'no ResponseCode'    => array( new HttpResponse( 200, '{"StatusCode":0}' ), ProviderException::INVALID_RESPONSE, true ),
			'accepted no ids'    => array( new HttpResponse( 200, '{"StatusCode":0,"ResponseCode":0,"MerchantRequestID":"","CheckoutRequestID":null}' ), ProviderException::INVALID_RESPONSE, true ),
			'timeout'            => array( new ProviderException( ProviderException::TIMEOUT, 'Could not reach the payment provider.' ), ProviderException::TIMEOUT, true ),
			'connection refused' => array( new ProviderException( ProviderException::TRANSPORT, 'Could not reach the payment provider.' ), ProviderException::TRANSPORT, false ),
		);
	}

	/**
	 * @dataProvider failures
	 */
	public function test_maps_every_failure_to_a_kind( HttpResponse|ProviderException $answer, string $kind, bool $unknown ): void {
		try {
			$this->client( $answer )->start_stk_push( $this->request() );
			$this->fail( 'expected a ProviderException' );
		} catch ( ProviderException $e ) {
			$this->assertSame( $kind, $e->kind );
			$this->assertSame( $unknown, $e->outcome_unknown() );
			$this->assertStringNotContainsString( self::KEY, $e->getMessage() );
		}
	}

	public function test_a_malformed_key_is_refused_without_any_request(): void {
		try {
			$this->client( new HttpResponse( 200, '{}' ), 'not-a-key' )->start_stk_push( $this->request() );
			$this->fail( 'expected a ProviderException' );
		} catch ( ProviderException $e ) {
			$this->assertSame( ProviderException::REJECTED, $e->kind );
			$this->assertSame( array(), $this->sent );
		}
	}

	public function test_capabilities_no_refunds_and_a_transaction_report_with_the_same_key(): void {
		$client = $this->client( new HttpResponse( 200, '{"StatusCode":0,"ResponseCode":0,"ResponseDesc":"Success","Data":[]}' ) );

		$this->assertFalse( $client->supports_refunds(), 'ProxyAPI has no reversal' );
		$report = $client->transaction_report();
		$this->assertInstanceOf( ProxyApiReport::class, $report );
		$report->rows();
		$this->assertSame( 'https://api.example.test/pvp/report', $this->sent[0]['url'] );
		$this->assertSame( self::KEY, $this->sent[0]['body']['APIKey'] ?? null, 'the report asks with the client\'s own key' );
	}
}
