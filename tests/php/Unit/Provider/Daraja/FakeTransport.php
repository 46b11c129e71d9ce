<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Provider\Daraja;

use PayViaProxyApi\Provider\Daraja\DarajaTransport;
use PayViaProxyApi\Provider\HttpResponse;
use PayViaProxyApi\Provider\ProviderException;

/**
 * Answers from a queue and records every request, so tests see exactly what would go on the wire.
 */
final class FakeTransport implements DarajaTransport {

	/** @var array<int, array{method: string, url: string, headers: array<string, string>, body: array<string, mixed>|null, timeout: int}> */
	public array $sent = array();

	/** @var array<int, HttpResponse|ProviderException> */
	private array $answers;

	public function __construct( HttpResponse|ProviderException ...$answers ) {
		$this->answers = $answers;
	}

	public function send( string $method, string $url, array $headers, ?array $body, int $timeout ): HttpResponse {
		$this->sent[] = compact( 'method', 'url', 'headers', 'body', 'timeout' );
		$answer       = array_shift( $this->answers );
		if ( null === $answer ) {
			throw new \LogicException( 'Unexpected request to ' . $url );
		}
		if ( $answer instanceof ProviderException ) {
			throw $answer;
		}
		return $answer;
	}

	public static function json( int $status, array $body ): HttpResponse {
		return new HttpResponse( $status, (string) json_encode( $body ) );
	}

	public static function token( string $token = 'tok-AAAAAAAAAAAA', int|string $expires_in = 3599 ): HttpResponse {
		return self::json( 200, array( 'access_token' => $token, 'expires_in' => $expires_in ) );
	}

	public static function error( int $status, string $code, string $message ): HttpResponse {
		return self::json( $status, array( 'requestId' => '16813-1590513-1', 'errorCode' => $code, 'errorMessage' => $message ) );
	}
}
