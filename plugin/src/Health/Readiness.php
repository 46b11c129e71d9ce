<?php
/**
 * Can the gateway take payments on this site, and if not, why: one answer for the gateway, the admin notices
 * and Site Health.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Health;

/**
 * Pure rules over plain facts (no WordPress), so every reason to hide the payment method is unit-tested and
 * worded once. The gateway hides itself while any problem is listed; shoppers never meet a method that fails.
 */
final class Readiness {

	/** The oldest WooCommerce the plugin runs on (the header's "WC requires at least"). */
	public const MIN_WOOCOMMERCE = '8.9';

	/** M-Pesa settles in Kenyan shillings only. */
	public const CURRENCY = 'KES';

	public const NO_WOOCOMMERCE  = 'woocommerce_missing';
	public const OLD_WOOCOMMERCE = 'woocommerce_too_old';
	public const NO_API_KEY      = 'api_key_missing';
	public const NO_DARAJA_SETUP = 'daraja_credentials_missing';
	public const WRONG_CURRENCY  = 'currency_not_kes';
	public const NO_HTTPS        = 'https_missing';

	/**
	 * @param bool   $api_key_set         Whether the selected provider's credentials are configured (the ProxyAPI key,
	 *                                    or Daraja's app, shortcode and passkey), on the settings screen or in wp-config.
	 * @param string $currency            The store currency code.
	 * @param string $site_url            The site's home URL (callbacks are built from it).
	 * @param string $environment_type    wp_get_environment_type(): local, development, staging or production.
	 * @param string $woocommerce_version WooCommerce's version; '' when WooCommerce is not loaded.
	 * @param bool   $daraja              Whether Daraja direct is the provider (else ProxyAPI).
	 */
	public function __construct(
		private bool $api_key_set,
		private string $currency,
		private string $site_url,
		private string $environment_type,
		private string $woocommerce_version,
		private bool $daraja = false
	) {
	}

	/**
	 * @return bool Whether nothing stops the gateway from working.
	 */
	public function is_ready(): bool {
		return array() === $this->problems();
	}

	/**
	 * @return ReadinessProblem[] What stops the gateway, most fundamental first (empty when ready).
	 */
	public function problems(): array {
		if ( '' === $this->woocommerce_version ) {
			return array( ReadinessProblem::woocommerce_missing() );
		}
		$problems = array();
		if ( version_compare( $this->woocommerce_version, self::MIN_WOOCOMMERCE, '<' ) ) {
			$problems[] = ReadinessProblem::woocommerce_too_old( $this->woocommerce_version, self::MIN_WOOCOMMERCE );
		}
		if ( ! $this->api_key_set ) {
			$problems[] = $this->daraja ? ReadinessProblem::daraja_credentials_missing() : ReadinessProblem::api_key_missing();
		}
		if ( self::CURRENCY !== strtoupper( $this->currency ) ) {
			$problems[] = ReadinessProblem::currency_not_kes( $this->currency );
		}
		if ( ! $this->callbacks_can_be_secure() ) {
			$problems[] = ReadinessProblem::https_missing( $this->environment_type );
		}
		return $problems;
	}

	/**
	 * Callbacks carry money, so a live site needs HTTPS; local and development sites may use plain HTTP
	 * (the simulator runs there), like Settings::allows_plain_http().
	 *
	 * @return bool Whether the site URL is acceptable for callbacks.
	 */
	public function callbacks_can_be_secure(): bool {
		if ( in_array( $this->environment_type, array( 'local', 'development' ), true ) ) {
			return true;
		}
		return 'https' === strtolower( (string) parse_url( $this->site_url, PHP_URL_SCHEME ) ); // phpcs:ignore WordPress.WP.AlternativeFunctions.parse_url_parse_url -- pure class, no WordPress.
	}
}
