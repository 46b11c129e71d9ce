<?php
/**
 * TokenStore over WordPress transients.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Provider\Daraja;

/**
 * Transients expire by themselves and use the object cache when the site has one. The key never names the
 * credentials (DarajaConfig::token_cache_key() hashes them).
 */
final class TransientTokenStore implements TokenStore {

	/**
	 * {@inheritDoc}
	 */
	public function get( string $key ): ?string {
		$token = get_transient( $key );
		return is_string( $token ) && '' !== $token ? $token : null;
	}

	/**
	 * {@inheritDoc}
	 */
	public function set( string $key, string $token, int $seconds ): void {
		set_transient( $key, $token, $seconds );
	}

	/**
	 * {@inheritDoc}
	 */
	public function delete( string $key ): void {
		delete_transient( $key );
	}
}
