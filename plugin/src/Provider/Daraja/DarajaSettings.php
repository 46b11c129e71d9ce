<?php
/**
 * Reads the Daraja app's settings: wp-config constants and environment variables win over the screen.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Provider\Daraja;

use PayViaProxyApi\Settings\SecretSource;
use PayViaProxyApi\Settings\Settings;

/**
 * The same rule as the ProxyAPI key: a PVP_DARAJA_* constant (or environment variable) is used, and the
 * screen then shows the field read-only; otherwise the saved setting. Values are read on every call, so a
 * settings change applies to the next request.
 */
final class DarajaSettings {

	/** Setting key => constant / environment variable. */
	public const FIELDS = array(
		'daraja_environment'        => 'PVP_DARAJA_ENV',
		'daraja_consumer_key'       => 'PVP_DARAJA_CONSUMER_KEY',
		'daraja_consumer_secret'    => 'PVP_DARAJA_CONSUMER_SECRET',
		'daraja_shortcode'          => 'PVP_DARAJA_SHORTCODE',
		'daraja_passkey'            => 'PVP_DARAJA_PASSKEY',
		'daraja_till'               => 'PVP_DARAJA_TILL',
		'daraja_initiator_name'     => 'PVP_DARAJA_INITIATOR_NAME',
		'daraja_initiator_password' => 'PVP_DARAJA_INITIATOR_PASSWORD',
		'daraja_certificate'        => 'PVP_DARAJA_CERT',
	);

	/** Points every environment at a local simulator (development only). */
	public const BASE_URL_CONSTANT = 'PVP_DARAJA_BASE_URL';

	/**
	 * @param Settings     $settings The gateway option.
	 * @param SecretSource $secrets  wp-config constants and environment variables.
	 */
	public function __construct( private Settings $settings, private SecretSource $secrets = new SecretSource() ) {
	}

	/**
	 * @return DarajaConfig The app as configured now.
	 */
	public function config(): DarajaConfig {
		$environment = DarajaConfig::PRODUCTION === strtolower( $this->value( 'daraja_environment' ) ) ? DarajaConfig::PRODUCTION : DarajaConfig::SANDBOX;
		return new DarajaConfig(
			$environment,
			rtrim( $this->secrets->value( self::BASE_URL_CONSTANT ) ?? DarajaConfig::BASE_URLS[ $environment ], '/' ),
			$this->value( 'daraja_consumer_key' ),
			$this->value( 'daraja_consumer_secret' ),
			$this->value( 'daraja_shortcode' ),
			$this->value( 'daraja_passkey' ),
			$this->value( 'daraja_till' ),
			$this->value( 'daraja_initiator_name' ),
			$this->value( 'daraja_initiator_password' ),
			$this->certificate()
		);
	}

	/**
	 * @return string[] Setting keys whose value comes from wp-config.php or the environment.
	 */
	public function external_fields(): array {
		return array_keys( array_filter( self::FIELDS, fn ( string $constant ): bool => null !== $this->secrets->value( $constant ) ) );
	}

	/**
	 * @return string[] The secret values in use, for the logger to hide wherever they appear.
	 */
	public function secrets(): array {
		return array_map( array( $this, 'value' ), array( 'daraja_consumer_key', 'daraja_consumer_secret', 'daraja_passkey', 'daraja_initiator_password' ) );
	}

	/**
	 * @param string $key A key of FIELDS.
	 * @return string The constant's value, else the saved setting (trimmed).
	 */
	private function value( string $key ): string {
		return $this->secrets->value( self::FIELDS[ $key ] ) ?? trim( $this->settings->get( $key ) );
	}

	/**
	 * PVP_DARAJA_CERT may hold the PEM itself or the path of a file holding it (kept outside the web root).
	 *
	 * @return string PEM text, or '' when none is readable.
	 */
	private function certificate(): string {
		$value = $this->value( 'daraja_certificate' );
		if ( '' === $value || str_contains( $value, '-----BEGIN' ) ) {
			return $value;
		}
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file named by the site owner.
		$pem = is_readable( $value ) && is_file( $value ) ? (string) file_get_contents( $value, false, null, 0, 65536 ) : '';
		return str_contains( $pem, '-----BEGIN' ) ? $pem : '';
	}
}
