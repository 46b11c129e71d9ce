<?php
/**
 * Applies the Daraja save rules, from the settings screen and from WooCommerce's REST API.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Settings;

use PayViaProxyApi\Hookable;

/**
 * Runs DarajaSubmission on what WooCommerce is about to save: an empty secret keeps the saved one, a ticked
 * "remove" clears it, and bad input keeps the saved value with an error on the screen (which then shows the
 * saved values).
 */
final class DarajaSettingsSave implements Hookable {

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_filter( 'woocommerce_settings_api_sanitized_fields_' . Settings::GATEWAY_ID, array( $this, 'from_screen' ), 20 );
		add_filter( 'woocommerce_gateway_' . Settings::GATEWAY_ID . '_settings_values', array( $this, 'from_rest' ), 20 );
		add_action( 'woocommerce_update_options_payment_gateways_' . Settings::GATEWAY_ID, array( $this, 'show_saved' ), 20 );
	}

	/**
	 * WooCommerce renders the screen after saving from what was submitted, not from what was saved: a refused
	 * value would look accepted. Reloading the gateway's settings shows the truth.
	 */
	public function show_saved(): void {
		$gateways = function_exists( 'WC' ) ? WC()->payment_gateways()->payment_gateways() : array();
		$gateway  = $gateways[ Settings::GATEWAY_ID ] ?? null;
		if ( $gateway instanceof \WC_Settings_API ) {
			$gateway->init_settings();
		}
	}

	/**
	 * WooCommerce's settings page checked its nonce and manage_woocommerce before saving.
	 *
	 * @param array<string, mixed> $submitted Settings about to be saved.
	 * @return array<string, mixed> What is saved.
	 */
	public function from_screen( array $submitted ): array {
		$clear = array_values(
			array_filter(
				DarajaSubmission::SECRETS,
				// phpcs:ignore WordPress.Security.NonceVerification.Missing -- verified by WooCommerce's settings page.
				static fn ( string $key ): bool => ! empty( $_POST[ 'woocommerce_' . Settings::GATEWAY_ID . '_' . $key . '_clear' ] )
			)
		);
		$submission = new DarajaSubmission( $submitted, $this->stored(), $clear );
		foreach ( $submission->errors() as $code ) {
			if ( class_exists( \WC_Admin_Settings::class ) ) {
				\WC_Admin_Settings::add_error( self::message( $code ) );
			}
		}
		return $submission->settings();
	}

	/**
	 * @param array<string, mixed> $submitted Settings about to be saved through the REST API.
	 * @return array<string, mixed> What is saved.
	 */
	public function from_rest( array $submitted ): array {
		return ( new DarajaSubmission( $submitted, $this->stored() ) )->settings();
	}

	/**
	 * @return array<string, mixed> The settings saved before this submission.
	 */
	private function stored(): array {
		$stored = get_option( Settings::OPTION, array() );
		return is_array( $stored ) ? $stored : array();
	}

	/**
	 * @param string $code DarajaSubmission::ERROR_*.
	 * @return string For the store owner.
	 */
	private static function message( string $code ): string {
		if ( DarajaSubmission::ERROR_TILL === $code ) {
			return __( 'The till number was not saved: it cannot also be the business shortcode. A till alone cannot use the API; enter the store (head office) number as the business shortcode.', 'pay-via-proxyapi' );
		}
		if ( DarajaSubmission::ERROR_CERTIFICATE === $code ) {
			return __( 'The Safaricom certificate was not changed: it could not be read. Paste the whole certificate, including its BEGIN and END lines.', 'pay-via-proxyapi' );
		}
		return __( 'A Daraja number was not changed: business shortcodes and till numbers have 5 to 7 digits.', 'pay-via-proxyapi' );
	}
}
