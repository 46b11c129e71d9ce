<?php
/**
 * Applies the save rules of the security settings, from the settings screen and from WooCommerce's REST API.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Settings;

use PayViaProxyApi\Hookable;
use PayViaProxyApi\Logging\Logger;

/**
 * Runs SettingsSubmission on what WooCommerce is about to save: an empty key field keeps the saved key, bad
 * input keeps the saved value with an error on the screen, and "make a new callback secret" rotates it.
 */
final class SettingsSaveProcessor implements Hookable {

	/**
	 * @param Settings $settings Rotation and the stored option.
	 * @param Logger   $logger   Records rotations (never the secret).
	 */
	public function __construct( private Settings $settings, private Logger $logger ) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_filter( 'woocommerce_settings_api_sanitized_fields_' . Settings::GATEWAY_ID, array( $this, 'from_screen' ) );
		add_filter( 'woocommerce_gateway_' . Settings::GATEWAY_ID . '_settings_values', array( $this, 'from_rest' ) );
	}

	/**
	 * WooCommerce's settings page checked its nonce and manage_woocommerce before saving.
	 *
	 * @param array<string, mixed> $submitted Settings about to be saved.
	 * @return array<string, mixed> What is saved.
	 */
	public function from_screen( array $submitted ): array {
		// phpcs:ignore WordPress.Security.NonceVerification.Missing -- verified by WooCommerce's settings page.
		$clear      = ! empty( $_POST[ 'woocommerce_' . Settings::GATEWAY_ID . '_' . SettingsSubmission::KEY . '_clear' ] );
		$submission = new SettingsSubmission( $submitted, $this->stored(), $clear );
		foreach ( $submission->errors() as $code => $values ) {
			self::show_error( self::message( $code, $values ) );
		}
		if ( $submission->wants_rotation() ) {
			$this->rotate();
		}
		return $submission->settings();
	}

	/**
	 * WooCommerce's REST API (manage_woocommerce) saves through here; the same rules apply, without a screen.
	 *
	 * @param array<string, mixed> $submitted Settings about to be saved.
	 * @return array<string, mixed> What is saved.
	 */
	public function from_rest( array $submitted ): array {
		$submission = new SettingsSubmission( $submitted, $this->stored(), false );
		if ( $submission->wants_rotation() ) {
			$this->rotate();
		}
		return $submission->settings();
	}

	/**
	 * Makes a new callback secret, or says why not.
	 */
	private function rotate(): void {
		if ( ! $this->settings->rotate_callback_secret() ) {
			self::show_error( __( 'The callback secret is set in wp-config.php or the environment (PVP_CALLBACK_SECRET): change it there to rotate it.', 'pay-via-proxyapi' ) );
			return;
		}
		$this->logger->info( 'Callback secret rotated; attempts already in flight keep their tokens.', array( 'user_id' => get_current_user_id() ) );
		if ( class_exists( \WC_Admin_Settings::class ) ) {
			\WC_Admin_Settings::add_message( __( 'A new callback secret was made. Payments already waiting for M-Pesa are not affected.', 'pay-via-proxyapi' ) );
		}
	}

	/**
	 * @return array<string, mixed> The settings saved before this submission.
	 */
	private function stored(): array {
		$stored = get_option( Settings::OPTION, array() );
		return is_array( $stored ) ? $stored : array();
	}

	/**
	 * @param string   $code   SettingsSubmission::ERROR_*.
	 * @param string[] $values Offending entries.
	 * @return string For the store owner.
	 */
	private static function message( string $code, array $values ): string {
		if ( SettingsSubmission::ERROR_KEY_FORMAT === $code ) {
			return __( 'The API key was not changed: ProxyAPI keys look like 1234567890-AbCdEfGhIjKlMnOpQrSt (ten digits, a hyphen, twenty letters or digits).', 'pay-via-proxyapi' );
		}
		/* translators: %s: the entries that could not be read. */
		return sprintf( __( 'The callback address list was not changed: these entries are not IP addresses or networks: %s', 'pay-via-proxyapi' ), implode( ', ', array_slice( $values, 0, 5 ) ) );
	}

	/**
	 * @param string $message For the store owner (plain text; WooCommerce escapes it).
	 */
	private static function show_error( string $message ): void {
		if ( class_exists( \WC_Admin_Settings::class ) ) {
			\WC_Admin_Settings::add_error( $message );
		}
	}
}
