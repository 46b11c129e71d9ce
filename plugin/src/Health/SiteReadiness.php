<?php
/**
 * Reads this site's facts for Readiness.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Health;

use PayViaProxyApi\Provider\ProviderFactory;
use PayViaProxyApi\Settings\Settings;

/**
 * The thin WordPress side of Readiness: gathers the facts on each call (settings can change within a
 * request, e.g. while the settings screen saves), then lets the pure rules decide.
 */
final class SiteReadiness {

	/**
	 * @param Settings $settings Typed settings (API key, wherever it is set).
	 */
	public function __construct( private Settings $settings ) {
	}

	/**
	 * @return Readiness The rules applied to this site now.
	 */
	public function now(): Readiness {
		$providers = new ProviderFactory( $this->settings );
		return new Readiness(
			$providers->has_credentials(),
			function_exists( 'get_woocommerce_currency' ) ? (string) get_woocommerce_currency() : '',
			(string) home_url( '/' ),
			wp_get_environment_type(),
			defined( 'WC_VERSION' ) ? (string) WC_VERSION : '',
			$providers->is_daraja()
		);
	}

	/**
	 * @return bool Whether the gateway may be offered to shoppers.
	 */
	public function is_ready(): bool {
		return $this->now()->is_ready();
	}

	/**
	 * @return ReadinessProblem[] What stops the gateway now.
	 */
	public function problems(): array {
		return $this->now()->problems();
	}
}
