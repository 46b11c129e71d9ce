<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Provider\Daraja;

use PayViaProxyApi\Payment\Attempt;
use PayViaProxyApi\Payment\AttemptStatus;
use PayViaProxyApi\Provider\Daraja\AccessTokenCache;
use PayViaProxyApi\Provider\Daraja\DarajaClient;
use PayViaProxyApi\Provider\Daraja\DarajaConfig;
use PayViaProxyApi\Provider\Daraja\DarajaConnection;
use PayViaProxyApi\Provider\HttpResponse;
use PayViaProxyApi\Provider\ProviderException;
use PayViaProxyApi\Provider\StkPushRequest;
use PHPUnit\Framework\TestCase;

final class DarajaClientTest extends TestCase {

	private const NOON_NAIROBI = 1767258000;

	private FakeTransport $http;

	private MemoryTokenStore $tokens;

	private function client( HttpResponse|ProviderException ...$answers ): DarajaClient {
		return $this->client_for( Configs::paybill(), ...$answers );
	}

	private function client_for( DarajaConfig $config, HttpResponse|ProviderException ...$answers ): DarajaClient {
		$this->http   = new FakeTransport( ...$answers );
		$this->tokens = new MemoryTokenStore();
		return new DarajaClient( new DarajaConnection( $this->http, new AccessTokenCache( $this->http, $this->tokens, $config ), $config ), static fn (): int => self::NOON_NAIROBI );
	}

	private function request(): StkPushRequest {
		return new StkPushRequest( 'K7QX2MNA4TZ9PLB', '254712345678', 1500, '1042', 'https://shop.example/cb', 'https://shop.example' );
	}

	private static function accepted(): HttpResponse {
		return FakeTransport::json(
			200,
			array(
				'MerchantRequestID'   => '29115-34620561-1',
				'CheckoutRequestID'   => 'ws_CO_01012026120003512712345678',
				'ResponseCode'        => '0',
				'ResponseDescription' => 'Success. Request accepted for processing',
				'CustomerMessage'     => 'Success. Request accepted for processing',
			)
		);
	}

	private function attempt( string $checkout = 'ws_CO_01012026120003512712345678' ): Attempt {
		return new Attempt( 'K7QX2MNA4TZ9PLB', str_repeat( 'a', 64 ), '254712345678', 1500, self::NOON_NAIROBI, AttemptStatus::AWAITING, '29115-34620561-1', $checkout );
	}

	private static function query_answer( string $code, string $desc, string $checkout = 'ws_CO_01012026120003512712345678' ): HttpResponse {
		return FakeTransport::json(
			200,
			array(
				'ResponseCode'        => '0',
				'ResponseDescription' => 'The service request has been accepted successfully',
				'MerchantRequestID'   => '29115-34620561-1',
				'CheckoutRequestID'   => $checkout,
				'ResultCode'          => $code,
				'ResultDesc'          => $desc,
			)
		);
	}

	public function test_pushes_with_a_bearer_token_and_reads_the_ids(): void {
		$accepted = $this->client( FakeTransport::token( 'tok-PUSH-00000001' ), self::accepted() )->start_stk_push( $this->request() );
		$this->assertSame( '29115-34620561-1', $accepted->merchant_request_id );
		$this->assertSame( 'ws_CO_01012026120003512712345678', $accepted->checkout_request_id );
		$push = $this->http->sent[1];
		$this->assertSame( 'POST', $push['method'] );
		$this->assertSame( 'https://sandbox.example.test/mpesa/stkpush/v1/processrequest', $push['url'] );
		$this->assertSame( array( 'Authorization' => 'Bearer tok-PUSH-00000001' ), $push['headers'] );
		$this->assertSame( '20260101120000', $push['body']['Timestamp'] );
		$this->assertSame( 'CustomerPayBillOnline', $push['body']['TransactionType'] );
		$this->assertSame( 30, $push['timeout'] );
	}

	public function test_an_invalid_token_is_refreshed_once_and_the_push_retried(): void {
		$this->client(
			FakeTransport::token( 'tok-STALE-0000001' ),
			FakeTransport::error( 404, '404.001.03', 'Invalid Access Token' ),
			FakeTransport::token( 'tok-FRESH-0000001' ),
			self::accepted()
		)->start_stk_push( $this->request() );
		$this->assertSame( array( 'GET', 'POST', 'GET', 'POST' ), array_column( $this->http->sent, 'method' ) );
		$this->assertSame( array( 'Authorization' => 'Bearer tok-FRESH-0000001' ), $this->http->sent[3]['headers'] );
		$this->assertSame( $this->http->sent[1]['body'], $this->http->sent[3]['body'], 'the same request is retried' );
	}

	public function test_a_second_invalid_token_answer_is_reported_not_retried_again(): void {
		$client = $this->client(
			FakeTransport::token(),
			FakeTransport::error( 404, '404.001.03', 'Invalid Access Token' ),
			FakeTransport::token(),
			FakeTransport::error( 404, '404.001.03', 'Invalid Access Token' )
		);
		try {
			$client->start_stk_push( $this->request() );
			$this->fail( 'expected a refusal' );
		} catch ( ProviderException $e ) {
			$this->assertSame( ProviderException::REJECTED, $e->kind );
			$this->assertStringContainsString( 'Invalid Access Token (404.001.03)', $e->getMessage() );
		}
		$this->assertCount( 4, $this->http->sent );
	}

	/**
	 * @return array<string, array{0: HttpResponse|ProviderException, 1: string, 2: string}>
	 */
	public function push_failures(): array {
		return array(
			'bad field'            => array( FakeTransport::error( 400, '400.002.02', 'Bad Request - Invalid PhoneNumber' ), ProviderException::REJECTED, 'Daraja refused the payment request: Bad Request - Invalid PhoneNumber (400.002.02).' ),
			'non-zero code'        => array( FakeTransport::json( 200, array( 'ResponseCode' => '1', 'ResponseDescription' => 'Rejected' ) ), ProviderException::REJECTED, 'Daraja refused the payment request: Rejected' ),
			'accepted without ids' => array( FakeTransport::json( 200, array( 'ResponseCode' => '0' ) ), ProviderException::INVALID_RESPONSE, 'Daraja accepted the request but sent no request ids.' ),
			'timeout'              => array( new ProviderException( ProviderException::TIMEOUT, 'Could not reach Daraja (timed out).' ), ProviderException::TIMEOUT, 'Could not reach Daraja (timed out).' ),
		);
	}

	/**
	 * @dataProvider push_failures
	 */
	public function test_push_failures_keep_their_kind( HttpResponse|ProviderException $answer, string $kind, string $message ): void {
		try {
			$this->client( FakeTransport::token(), $answer )->start_stk_push( $this->request() );
			$this->fail( 'expected a failure' );
		} catch ( ProviderException $e ) {
			$this->assertSame( $kind, $e->kind );
			$this->assertSame( $message, $e->getMessage() );
		}
	}

	public function test_incomplete_settings_never_reach_daraja(): void {
		$config = new DarajaConfig( DarajaConfig::SANDBOX, 'https://sandbox.example.test', 'key', 'secret', '', '' );
		try {
			$this->client_for( $config )->start_stk_push( $this->request() );
			$this->fail( 'expected a refusal' );
		} catch ( ProviderException $e ) {
			$this->assertSame( 'The Daraja settings are incomplete: passkey, business shortcode.', $e->getMessage() );
		}
		$this->assertSame( array(), $this->http->sent );
	}

	public function test_query_sends_the_password_and_the_checkout_request_id(): void {
		$this->client( FakeTransport::token(), self::query_answer( '1032', 'Request cancelled by user' ) )->query_result( $this->attempt() );
		$query = $this->http->sent[1];
		$this->assertSame( 'https://sandbox.example.test/mpesa/stkpushquery/v1/query', $query['url'] );
		$this->assertSame(
			array(
				'BusinessShortCode' => 174379,
				'Password'          => base64_encode( '174379' . Configs::PASSKEY . '20260101120000' ),
				'Timestamp'         => '20260101120000',
				'CheckoutRequestID' => 'ws_CO_01012026120003512712345678',
			),
			$query['body']
		);
	}

	public function test_a_final_failure_becomes_a_payment_result(): void {
		$result = $this->client( FakeTransport::token(), self::query_answer( '1032', 'Request cancelled by user' ) )->query_result( $this->attempt() );
		$this->assertNotNull( $result );
		$this->assertSame( 'query', $result->source );
		$this->assertSame( '1032', $result->result_code );
		$this->assertSame( 'Request cancelled by user', $result->result_desc );
		$this->assertSame( 'ws_CO_01012026120003512712345678', $result->checkout_request_id );
		$this->assertSame( '29115-34620561-1', $result->merchant_request_id );
		$this->assertFalse( $result->is_paid() );
	}

	/**
	 * @return array<string, array{0: HttpResponse}>
	 */
	public function still_open(): array {
		return array(
			'being processed'            => array( FakeTransport::error( 500, '500.001.1001', 'The transaction is being processed' ) ),
			'still under processing'     => array( self::query_answer( '4999', 'The transaction is still under processing' ) ),
			'paid, but without a receipt' => array( self::query_answer( '0', 'The service request is processed successfully.' ) ),
		);
	}

	/**
	 * A paid query answer has no receipt: paying on it would break the money rules, so it is not a result.
	 *
	 * @dataProvider still_open
	 */
	public function test_no_result_while_open_or_when_only_a_receipt_could_settle_it( HttpResponse $answer ): void {
		$this->assertNull( $this->client( FakeTransport::token(), $answer )->query_result( $this->attempt() ) );
	}

	public function test_no_query_for_an_attempt_daraja_never_acknowledged(): void {
		$this->assertNull( $this->client()->query_result( $this->attempt( '' ) ) );
		$this->assertSame( array(), $this->http->sent );
	}

	public function test_an_answer_about_another_request_is_refused(): void {
		$this->expectException( ProviderException::class );
		$this->expectExceptionMessage( 'about another payment request' );
		$this->client( FakeTransport::token(), self::query_answer( '1032', 'x', 'ws_CO_other' ) )->query_result( $this->attempt() );
	}

	public function test_wrong_credentials_on_a_query_are_an_error_not_pending(): void {
		$this->expectException( ProviderException::class );
		$this->expectExceptionMessage( 'Wrong credentials (500.001.1001)' );
		$this->client( FakeTransport::token(), FakeTransport::error( 500, '500.001.1001', 'Wrong credentials' ) )->query_result( $this->attempt() );
	}

	public function test_capabilities_refunds_through_reversal_and_no_transaction_report(): void {
		$client = $this->client();

		$this->assertTrue( $client->supports_refunds() );
		$this->assertNull( $client->transaction_report() );
		$this->assertSame( array(), $this->http->sent, 'asking costs no request' );
	}
}
