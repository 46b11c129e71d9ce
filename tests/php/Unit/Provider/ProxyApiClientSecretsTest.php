<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Provider;

use PayViaProxyApi\Provider\HttpClient;
use PayViaProxyApi\Provider\HttpResponse;
use PayViaProxyApi\Provider\ProviderException;
use PayViaProxyApi\Provider\ProxyApiClient;
use PayViaProxyApi\Provider\StkPushRequest;
use PHPUnit\Framework\TestCase;

/**
 * ProxyAPI's words end up in order notes, the log and hook arguments: they must never carry our secrets.
 */
final class ProxyApiClientSecretsTest extends TestCase {

	private const KEY = '1700000000-LocalStoreSimulator1';

	private function refusal( string $body ): ProviderException {
		$http   = new class( $body ) implements HttpClient {
			public function __construct( private string $body ) {
			}
			public function post_json( string $url, array $body, int $timeout ): HttpResponse {
				return new HttpResponse( 400, $this->body );
			}
		};
		$client = new ProxyApiClient( $http, 'https://api.example.test', self::KEY, static fn (): int => 1767225600 );
		try {
			$client->start_stk_push( new StkPushRequest( 'K7QX2MNA4TZ9PLB', '254712345678', 100, '1042', 'https://shop.example/cb', 'https://shop.example' ) );
		} catch ( ProviderException $e ) {
			return $e;
		}
		$this->fail( 'the request was refused' );
	}

	public function test_a_refusal_that_quotes_the_key_or_the_phone_is_scrubbed(): void {
		$e = $this->refusal( (string) json_encode( array( 'ResponseCode' => 1, 'ResponseDesc' => 'Invalid API Key ' . self::KEY . ' for 254712345678' ) ) );
		$this->assertSame( ProviderException::REJECTED, $e->kind );
		$this->assertStringNotContainsString( self::KEY, $e->getMessage() );
		$this->assertStringNotContainsString( 'LocalStoreSimulator1', $e->getMessage() );
		$this->assertStringNotContainsString( '254712345678', $e->getMessage() );
		$this->assertStringContainsString( 'Invalid API Key', $e->getMessage() );
	}

	public function test_an_unreadable_answer_is_never_quoted(): void {
		$e = $this->refusal( '<html>' . self::KEY . '</html>' );
		$this->assertSame( ProviderException::INVALID_RESPONSE, $e->kind );
		$this->assertSame( 'ProxyAPI sent an answer that could not be read (HTTP 400).', $e->getMessage() );
	}
}
