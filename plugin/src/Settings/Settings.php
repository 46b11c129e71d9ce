<?php
/**
 * Typed reads of the gateway settings, with wp-config constants and environment variables winning.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Settings;

/**
 * The one reader of the gateway option. Secrets never leave the server through this class.
 */
final class Settings {

	/** Option name WooCommerce derives from the gateway id kept from Pay via ProxyAPI 2.2.7. */
	public const OPTION = 'woocommerce_proxyapi_pvp_settings_settings';

	/** Where the callback-token secret is kept when PVP_CALLBACK_SECRET is not set. */
	public const SECRET_OPTION = 'pvp_callback_secret';

	public const DEFAULT_BASE_URL = 'https://api.proxyapi.co.ke';

	/**
	 * @param SecretSource $secrets Where constants and environment variables are read.
	 */
	public function __construct( private SecretSource $secrets ) {
	}

	/**
	 * @return array<string, mixed> The stored gateway settings.
	 */
	private function options(): array {
		$options = get_option( self::OPTION, array() );
		return is_array( $options ) ? $options : array();
	}

	/**
	 * @param string $key     Setting key.
	 * @param string $fallback Value when unset.
	 * @return string
	 */
	public function get( string $key, string $fallback = '' ): string {
		$value = $this->options()[ $key ] ?? $fallback;
		return is_scalar( $value ) ? (string) $value : $fallback;
	}

	/**
	 * @return bool Whether the store owner switched the gateway on.
	 */
	public function is_enabled(): bool {
		return 'yes' === $this->get( 'enabled', 'no' );
	}

	/**
	 * @return string The ProxyAPI key: PVP_API_KEY (constant, then environment), else the settings screen.
	 */
	public function api_key(): string {
		return $this->secrets->value( 'PVP_API_KEY' ) ?? trim( $this->get( 'api_key' ) );
	}

	/**
	 * @return bool Whether the key is set in wp-config.php or the environment (the screen then cannot edit it).
	 */
	public function api_key_is_external(): bool {
		return null !== $this->secrets->value( 'PVP_API_KEY' );
	}

	/**
	 * @return string ProxyAPI's base URL without a trailing slash (PVP_API_BASE_URL points it at a simulator).
	 */
	public function api_base_url(): string {
		return rtrim( $this->secrets->value( 'PVP_API_BASE_URL' ) ?? self::DEFAULT_BASE_URL, '/' );
	}

	/**
	 * @return string The secret callback tokens are derived from; created on first use and never autoloaded.
	 */
	public function callback_secret(): string {
		$configured = $this->secrets->value( 'PVP_CALLBACK_SECRET' );
		if ( null !== $configured && strlen( $configured ) >= 32 ) {
			return $configured;
		}
		$stored = get_option( self::SECRET_OPTION, '' );
		if ( is_string( $stored ) && strlen( $stored ) >= 64 ) {
			return $stored;
		}
		$secret = bin2hex( random_bytes( 32 ) );
		// add_option() fails if another request created it first; re-read so both use the same secret.
		add_option( self::SECRET_OPTION, $secret, '', false );
		return (string) get_option( self::SECRET_OPTION, $secret );
	}

	/**
	 * Callbacks carry money, so they must arrive over HTTPS; plain HTTP is allowed only on local and
	 * development sites (WP_ENVIRONMENT_TYPE), where the simulator runs.
	 *
	 * @return bool Whether a non-HTTPS callback URL may be used.
	 */
	public function allows_plain_http(): bool {
		return in_array( wp_get_environment_type(), array( 'local', 'development' ), true );
	}
}
