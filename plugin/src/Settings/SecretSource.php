<?php
/**
 * Reads configuration that lives outside the database: wp-config.php constants, then environment variables.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Settings;

/**
 * Keeping credentials out of the database is the safest place for them; this is the one reader.
 */
final class SecretSource {

	/**
	 * @param string $name Constant / environment variable name, e.g. PVP_API_KEY.
	 * @return string|null The non-empty value, or null when neither is set.
	 */
	public function value( string $name ): ?string {
		if ( defined( $name ) ) {
			$value = constant( $name );
			if ( is_scalar( $value ) && '' !== trim( (string) $value ) ) {
				return trim( (string) $value );
			}
		}
		$env = getenv( $name );
		if ( is_string( $env ) && '' !== trim( $env ) ) {
			return trim( $env );
		}
		return null;
	}
}
