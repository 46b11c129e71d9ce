<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Provider\Daraja;

use PayViaProxyApi\Provider\Daraja\AccessTokenCache;
use PayViaProxyApi\Provider\Daraja\DarajaConfig;
use PayViaProxyApi\Provider\Daraja\DarajaConnection;
use PayViaProxyApi\Provider\Daraja\ReversalClient;
use PayViaProxyApi\Provider\HttpResponse;
use PayViaProxyApi\Provider\ProviderException;
use PHPUnit\Framework\TestCase;

final class ReversalClientTest extends TestCase {

	/** @var \OpenSSLAsymmetricKey */
	private static $private_key;

	private static string $public_key = '';

	private FakeTransport $http;

	public static function setUpBeforeClass(): void {
		$key = openssl_pkey_new( array( 'private_key_bits' => 2048, 'private_key_type' => OPENSSL_KEYTYPE_RSA ) );
		self::assertNotFalse( $key );
		self::$private_key = $key;
		self::$public_key  = (string) openssl_pkey_get_details( $key )['key'];
	}

	private function client( DarajaConfig $config, HttpResponse ...$answers ): ReversalClient {
		$this->http = new FakeTransport( ...$answers );
		return new ReversalClient( new DarajaConnection( $this->http, new AccessTokenCache( $this->http, new MemoryTokenStore(), $config ), $config ) );
	}

	private static function accepted(): HttpResponse {
		return FakeTransport::json(
			200,
			array(
				'OriginatorConversationID' => '71840-27539181-07',
				'ConversationID'           => 'AG_20260101_12345abcdef',
				'ResponseCode'             => '0',
				'ResponseDescription'      => 'Accept the service request successfully.',
			)
		);
	}

	public function test_sends_a_transaction_reversal_with_a_fresh_security_credential(): void {
		$accepted = $this->client( Configs::paybill( self::$public_key ), FakeTransport::token( 'tok-REV-000000001' ), self::accepted() )
			->reverse( 'UAB1C2D3E4', 1500, 'https://shop.example/wp-json/pay-via-proxyapi/v1/reversals/1042/7/' . str_repeat( 'b', 64 ), 'Refund of order 1042' );
		$this->assertSame( 'AG_20260101_12345abcdef', $accepted->conversation_id );
		$this->assertSame( '71840-27539181-07', $accepted->originator_conversation_id );

		$sent = $this->http->sent[1];
		$this->assertSame( 'https://sandbox.example.test/mpesa/reversal/v1/request', $sent['url'] );
		$this->assertSame( array( 'Authorization' => 'Bearer tok-REV-000000001' ), $sent['headers'] );
		$body = $sent['body'];
		$this->assertNotNull( $body );
		$plain = '';
		$this->assertTrue( openssl_private_decrypt( (string) base64_decode( (string) $body['SecurityCredential'], true ), $plain, self::$private_key, OPENSSL_PKCS1_PADDING ) );
		$this->assertSame( 'Initiator-Pass-1', $plain );
		unset( $body['SecurityCredential'] );
		$this->assertSame(
			array(
				'Initiator'              => 'apiop',
				'CommandID'              => 'TransactionReversal',
				'TransactionID'          => 'UAB1C2D3E4',
				'Amount'                 => 1500,
				'ReceiverParty'          => 174379,
				'RecieverIdentifierType' => '11',
				'ResultURL'              => 'https://shop.example/wp-json/pay-via-proxyapi/v1/reversals/1042/7/' . str_repeat( 'b', 64 ),
				'QueueTimeOutURL'        => 'https://shop.example/wp-json/pay-via-proxyapi/v1/reversals/1042/7/' . str_repeat( 'b', 64 ),
				'Remarks'                => 'Refund of order 1042',
				'Occasion'               => '',
			),
			$body
		);
	}

	public function test_a_till_payment_is_reversed_from_the_till(): void {
		$config = new DarajaConfig( DarajaConfig::SANDBOX, 'https://sandbox.example.test', 'k', 's', '174379', Configs::PASSKEY, '600990', 'apiop', 'pw', self::$public_key );
		$this->client( $config, FakeTransport::token(), self::accepted() )->reverse( 'UAB1C2D3E4', 10, 'https://shop.example/r', 'Refund' );
		$this->assertSame( 600990, $this->http->sent[1]['body']['ReceiverParty'] ?? null );
	}

	public function test_refuses_without_the_initiator_settings_before_any_request(): void {
		try {
			$this->client( Configs::paybill() )->reverse( 'UAB1C2D3E4', 10, 'https://shop.example/r', 'Refund' );
			$this->fail( 'expected a refusal' );
		} catch ( ProviderException $e ) {
			$this->assertSame( ProviderException::REJECTED, $e->kind );
			$this->assertStringContainsString( 'initiator name, initiator password and Safaricom certificate', $e->getMessage() );
		}
		$this->assertSame( array(), $this->http->sent );
	}

	public function test_an_unreadable_certificate_is_a_refusal_with_a_clear_reason(): void {
		$this->expectException( ProviderException::class );
		$this->expectExceptionMessage( 'The Safaricom certificate could not be read' );
		$this->client( Configs::paybill( "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----" ) )->reverse( 'UAB1C2D3E4', 10, 'https://shop.example/r', 'Refund' );
	}

	public function test_darajas_refusal_is_reported_in_its_words(): void {
		$this->expectException( ProviderException::class );
		$this->expectExceptionMessage( 'Daraja refused the reversal: Bad Request - Invalid TransactionID (400.002.02).' );
		$this->client( Configs::paybill( self::$public_key ), FakeTransport::token(), FakeTransport::error( 400, '400.002.02', 'Bad Request - Invalid TransactionID' ) )
			->reverse( 'UAB1C2D3E4', 10, 'https://shop.example/r', 'Refund' );
	}
}
