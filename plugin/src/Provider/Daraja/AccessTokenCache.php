<?php
/**
 * Daraja access tokens: fetched with the app's Basic credentials, cached until shortly before they expire.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Provider\Daraja;

use PayViaProxyApi\Provider\HttpResponse;
use PayViaProxyApi\Provider\ProviderException;

/**
 * One token per environment and credential set (DarajaConfig::token_cache_key()), so a changed key, secret
 * or environment never reuses an old token. Tokens last 3599 s; this one is dropped a minute early so a
 * request never starts with a token about to expire. The token is a secret: it is never logged, and it
 * leaves the store only in the Authorization header of requests to Daraja.
 */
final class AccessTokenCache {

	/** Seconds before Daraja's expiry at which the cached token is no longer used. */
	public const EARLY_REFRESH = 60;

	private const TIMEOUT = 20;

	/**
	 * @param DarajaTransport $http   Transport.
	 * @param TokenStore      $store  Where tokens are kept.
	 * @param DarajaConfig    $config The app.
	 */
	public function __construct( private DarajaTransport $http, private TokenStore $store, private DarajaConfig $config ) {
	}

	/**
	 * @return string A token believed valid: the cached one, else a new one.
	 * @throws ProviderException When Daraja does not issue one (its error code and words in the message).
	 */
	public function token(): string {
		return $this->store->get( $this->config->token_cache_key() ) ?? $this->fetch();
	}

	/**
	 * Forgets the cached token and fetches a new one (after Daraja answered "Invalid Access Token").
	 *
	 * @return string The new token.
	 * @throws ProviderException When Daraja does not issue one.
	 */
	public function refresh(): string {
		$this->store->delete( $this->config->token_cache_key() );
		return $this->fetch();
	}

	/**
	 * @return string A new token, now cached.
	 * @throws ProviderException When Daraja does not issue one.
	 */
	private function fetch(): string {
		if ( '' === $this->config->consumer_key || '' === $this->config->consumer_secret ) {
			throw new ProviderException( ProviderException::REJECTED, 'The Daraja consumer key and secret are not set.' );
		}
		$response = $this->http->send(
			'GET',
			$this->config->base_url . '/oauth/v1/generate?grant_type=client_credentials',
			array( 'Authorization' => 'Basic ' . base64_encode( $this->config->consumer_key . ':' . $this->config->consumer_secret ) ), // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- HTTP Basic authentication.
			null,
			self::TIMEOUT
		);
		[ $token, $expires_in ] = self::read( $response );
		$this->store->set( $this->config->token_cache_key(), $token, self::lifetime( $expires_in ) );
		return $token;
	}

	/**
	 * @param HttpResponse $response The OAuth answer.
	 * @return array{0: string, 1: int} Token and lifetime in seconds.
	 * @throws ProviderException When it is an error or cannot be read.
	 */
	private static function read( HttpResponse $response ): array {
		$data = json_decode( $response->body, true, 4 );
		if ( 200 !== $response->status || ! is_array( $data ) ) {
			throw DarajaErrors::exception( $response, 'the access token request' );
		}
		$token      = $data['access_token'] ?? null;
		$expires_in = $data['expires_in'] ?? null;
		// Daraja has sent expires_in both as a number and as a string.
		if ( ! is_string( $token ) || 1 !== preg_match( '/^[A-Za-z0-9._~+\/=-]{8,2048}$/D', $token ) || ! is_numeric( $expires_in ) ) {
			throw new ProviderException( ProviderException::INVALID_RESPONSE, 'Daraja issued an access token that could not be read.' );
		}
		return array( $token, (int) $expires_in );
	}

	/**
	 * @param int $expires_in Daraja's lifetime (3599 s).
	 * @return int How long to cache it: a minute less, and never less than half of a short lifetime.
	 */
	public static function lifetime( int $expires_in ): int {
		return max( 1, $expires_in > 2 * self::EARLY_REFRESH ? $expires_in - self::EARLY_REFRESH : intdiv( $expires_in, 2 ) );
	}
}
