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

	/** The gateway id kept from Pay via ProxyAPI 2.2.7, for ground-floor code that hooks the gateway's filters. */
	public const GATEWAY_ID = 'proxyapi_pvp_settings';

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
	 * @return bool Whether PVP_CALLBACK_SECRET (wp-config.php or the environment) sets the secret.
	 */
	public function callback_secret_is_external(): bool {
		$configured = $this->secrets->value( 'PVP_CALLBACK_SECRET' );
		return null !== $configured && strlen( $configured ) >= 32;
	}

	/**
	 * Replaces the stored secret, so tokens minted from now on cannot be derived from the old one (e.g. after a
	 * database leak). Attempts already in flight keep working: each stored the hash of its own token.
	 *
	 * @return bool False when PVP_CALLBACK_SECRET is set: then the constant must be changed instead.
	 */
	public function rotate_callback_secret(): bool {
		if ( $this->callback_secret_is_external() ) {
			return false;
		}
		return update_option( self::SECRET_OPTION, bin2hex( random_bytes( 32 ) ), false );
	}

	/**
	 * @return string The callback source allow-list: PVP_CALLBACK_ALLOWED_IPS, else the settings screen ('' = off).
	 */
	public function callback_allowed_ips(): string {
		return $this->secrets->value( 'PVP_CALLBACK_ALLOWED_IPS' ) ?? trim( $this->get( 'callback_allowed_ips' ) );
	}

	/**
	 * @return bool Whether the allow-list is set in wp-config.php or the environment (the screen then cannot edit it).
	 */
	public function callback_allowed_ips_are_external(): bool {
		return null !== $this->secrets->value( 'PVP_CALLBACK_ALLOWED_IPS' );
	}

	/**
	 * @return string The reverse-proxy header the admin trusts for the caller's address (PVP_TRUSTED_PROXY_HEADER),
	 *                '' when none or when the value is not a header name.
	 */
	public function trusted_proxy_header(): string {
		$header = $this->secrets->value( 'PVP_TRUSTED_PROXY_HEADER' ) ?? '';
		return 1 === preg_match( '/^[A-Za-z0-9-]{1,64}$/D', $header ) ? $header : '';
	}

	/**
	 * @return string Extra addresses of the site's own proxies (PVP_TRUSTED_PROXIES), e.g. a CDN's public networks.
	 */
	public function trusted_proxies(): string {
		return $this->secrets->value( 'PVP_TRUSTED_PROXIES' ) ?? '';
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
