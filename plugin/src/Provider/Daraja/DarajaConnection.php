<?php
/**
 * Authorised POSTs to Daraja: the bearer token on every call, one refresh when Daraja says it is invalid.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Provider\Daraja;

use PayViaProxyApi\Provider\HttpResponse;
use PayViaProxyApi\Provider\ProviderException;

/**
 * Shared by the STK push, the STK query, the reversal and "Test connection". A cached token can be revoked
 * early (Daraja invalidates older tokens when a new one is issued elsewhere), so a 404.001.03 answer gets a
 * fresh token and exactly one retry; a second refusal is reported as it is.
 */
final class DarajaConnection {

	/**
	 * @param DarajaTransport  $http   Transport.
	 * @param AccessTokenCache $tokens Tokens.
	 * @param DarajaConfig     $config The app (base URL).
	 */
	public function __construct( private DarajaTransport $http, private AccessTokenCache $tokens, private DarajaConfig $config ) {
	}

	/**
	 * @return DarajaConfig The app this connection talks for.
	 */
	public function config(): DarajaConfig {
		return $this->config;
	}

	/**
	 * "Test connection": a token asked for now, not a cached one, so the answer is about the credentials today.
	 *
	 * @return string The new token (cached for the next payment).
	 * @throws ProviderException When Daraja does not issue one.
	 */
	public function fresh_token(): string {
		return $this->tokens->refresh();
	}

	/**
	 * @param string               $path    API path, e.g. /mpesa/stkpush/v1/processrequest.
	 * @param array<string, mixed> $body    JSON body.
	 * @param int                  $timeout Seconds.
	 * @return HttpResponse Daraja's answer (any status: the caller reads it).
	 * @throws ProviderException When no token can be had or the transport fails.
	 */
	public function post( string $path, array $body, int $timeout ): HttpResponse {
		$response = $this->send( $path, $body, $timeout, $this->tokens->token() );
		if ( DarajaErrors::is_invalid_token( $response ) ) {
			$response = $this->send( $path, $body, $timeout, $this->tokens->refresh() );
		}
		return $response;
	}

	/**
	 * @param string               $path    API path.
	 * @param array<string, mixed> $body    JSON body.
	 * @param int                  $timeout Seconds.
	 * @param string               $token   Bearer token.
	 * @return HttpResponse
	 * @throws ProviderException On transport failure.
	 */
	private function send( string $path, array $body, int $timeout, string $token ): HttpResponse {
		return $this->http->send( 'POST', $this->config->base_url . $path, array( 'Authorization' => 'Bearer ' . $token ), $body, $timeout );
	}
}
