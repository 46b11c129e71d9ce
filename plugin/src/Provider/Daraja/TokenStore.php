<?php
/**
 * Where Daraja access tokens are kept between requests.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Provider\Daraja;

/**
 * A small expiring key-value store (transients in WordPress, an array in tests).
 */
interface TokenStore {

	/**
	 * @param string $key Cache key.
	 * @return string|null The token, or null when absent or expired.
	 */
	public function get( string $key ): ?string;

	/**
	 * @param string $key     Cache key.
	 * @param string $token   The token.
	 * @param int    $seconds How long it may be used.
	 */
	public function set( string $key, string $token, int $seconds ): void;

	/**
	 * @param string $key Cache key.
	 */
	public function delete( string $key ): void;
}
