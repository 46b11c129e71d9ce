<?php
/**
 * One reason the gateway cannot work: a stable code, what is wrong, and how to fix it.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Health;

/**
 * Value object. The wording lives here once, for the admin notice, Site Health and the tests alike.
 * Texts are plain (callers escape them).
 */
final class ReadinessProblem {

	/**
	 * @param string $code    One of the Readiness constants.
	 * @param string $message What is wrong, for the store owner.
	 * @param string $fix     What to do about it.
	 */
	public function __construct( public readonly string $code, public readonly string $message, public readonly string $fix ) {
	}

	/**
	 * @return self
	 */
	public static function woocommerce_missing(): self {
		return new self(
			Readiness::NO_WOOCOMMERCE,
			__( 'WooCommerce is not active.', 'pay-via-proxyapi' ),
			__( 'Install and activate WooCommerce.', 'pay-via-proxyapi' )
		);
	}

	/**
	 * @param string $version The installed version.
	 * @param string $minimum The oldest supported version.
	 * @return self
	 */
	public static function woocommerce_too_old( string $version, string $minimum ): self {
		return new self(
			Readiness::OLD_WOOCOMMERCE,
			/* translators: 1: installed WooCommerce version, 2: oldest supported version. */
			sprintf( __( 'WooCommerce %1$s is too old; Lipa na M-Pesa needs %2$s or newer.', 'pay-via-proxyapi' ), $version, $minimum ),
			__( 'Update WooCommerce in Plugins › Installed Plugins.', 'pay-via-proxyapi' )
		);
	}

	/**
	 * @return self
	 */
	public static function api_key_missing(): self {
		return new self(
			Readiness::NO_API_KEY,
			__( 'No ProxyAPI key is set.', 'pay-via-proxyapi' ),
			__( 'Copy the Pay via ProxyAPI key from your ProxyAPI portal into the API key field of the Lipa na M-Pesa settings (or define PVP_API_KEY in wp-config.php).', 'pay-via-proxyapi' )
		);
	}

	/**
	 * @return self
	 */
	public static function daraja_credentials_missing(): self {
		return new self(
			Readiness::NO_DARAJA_SETUP,
			__( 'Daraja direct is chosen, but its consumer key, consumer secret, business shortcode or passkey is missing.', 'pay-via-proxyapi' ),
			__( 'Copy them from your app and your M-Pesa Express (Lipa na M-Pesa Online) details on the Safaricom developer portal into the Daraja fields of the Lipa na M-Pesa settings (or define the PVP_DARAJA_ constants in wp-config.php), then use "Test connection".', 'pay-via-proxyapi' )
		);
	}

	/**
	 * @param string $currency The store currency.
	 * @return self
	 */
	public static function currency_not_kes( string $currency ): self {
		return new self(
			Readiness::WRONG_CURRENCY,
			/* translators: %s: the store's currency code, e.g. USD. */
			sprintf( __( 'The store currency is %s; M-Pesa takes Kenyan shillings (KES) only.', 'pay-via-proxyapi' ), '' === $currency ? '?' : $currency ),
			__( 'Set the currency to Kenyan shilling in WooCommerce › Settings › General.', 'pay-via-proxyapi' )
		);
	}

	/**
	 * @param string $environment_type The site's environment type.
	 * @return self
	 */
	public static function https_missing( string $environment_type ): self {
		return new self(
			Readiness::NO_HTTPS,
			/* translators: %s: the WordPress environment type, e.g. production. */
			sprintf( __( 'The site address does not use HTTPS, which a %s site needs: M-Pesa results would travel unencrypted.', 'pay-via-proxyapi' ), $environment_type ),
			__( 'Install a TLS certificate and change the WordPress and site addresses to https:// in Settings › General (plain HTTP is accepted only when WP_ENVIRONMENT_TYPE is local or development).', 'pay-via-proxyapi' )
		);
	}
}
