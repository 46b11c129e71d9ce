<?php
/**
 * The provider choice and the Daraja block on the gateway's settings screen, with "Test connection".
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Admin;

use PayViaProxyApi\Assets\ScriptAsset;
use PayViaProxyApi\Gateway\Gateway;
use PayViaProxyApi\Hookable;
use PayViaProxyApi\Provider\Daraja\DarajaSettings;
use PayViaProxyApi\Provider\ProviderFactory;
use PayViaProxyApi\Settings\DarajaFields;
use PayViaProxyApi\Settings\FormFields;

/**
 * Places the fields DarajaFields declares (the provider choice before the ProxyAPI connection, the Daraja
 * block after it), marks those a wp-config constant sets as read-only, renders the "Test connection" button
 * and loads its script. Runs after SettingsScreen has grouped the fields.
 */
final class DarajaSettingsScreen implements Hookable {

	/** Webpack entry of the button's script. */
	public const SCRIPT = 'daraja-settings';

	/**
	 * @param DarajaSettings $daraja Which fields constants set.
	 * @param ScriptAsset    $assets Registers the button's script.
	 */
	public function __construct( private DarajaSettings $daraja, private ScriptAsset $assets ) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_filter( 'woocommerce_settings_api_form_fields_' . Gateway::ID, array( $this, 'place_fields' ), 30 );
		add_filter( 'woocommerce_generate_' . DarajaFields::TEST_TYPE . '_html', array( $this, 'test_button_html' ) );
		add_action( 'admin_enqueue_scripts', array( $this, 'enqueue' ) );
	}

	/**
	 * @param array<string, array<string, mixed>> $fields The gateway's fields, as grouped so far.
	 * @return array<string, array<string, mixed>> The same, with the provider and Daraja fields in place.
	 */
	public function place_fields( array $fields ): array {
		$mine = array_intersect_key( $fields, DarajaFields::fields() );
		if ( array() === $mine ) {
			return $fields;
		}
		foreach ( $this->daraja->external_fields() as $key ) {
			if ( isset( $mine[ $key ] ) ) {
				$mine[ $key ] = FormFields::set_elsewhere( $mine[ $key ], DarajaSettings::FIELDS[ $key ] );
			}
		}
		$choice = array_intersect_key( $mine, array( ProviderFactory::SETTING => true ) );
		$others = array_diff_key( $fields, $mine );
		$others = self::insert_before( $others, isset( $others['pvp_connection_section'] ) ? 'pvp_connection_section' : 'api_key', $choice );
		return self::insert_before( $others, 'pvp_security_section', array_diff_key( $mine, $choice ) );
	}

	/**
	 * @return string A settings-table row with the button and a live region for the result.
	 */
	public function test_button_html(): string {
		return sprintf(
			'<tr valign="top"><th scope="row" class="titledesc">%1$s</th><td class="forminp"><button type="button" class="button" id="pvp-daraja-test" aria-describedby="pvp-daraja-test-help">%2$s</button><p class="description" id="pvp-daraja-test-help">%3$s</p><p class="pvp-verify-key__result" id="pvp-daraja-test-result" role="status" aria-live="polite"></p></td></tr>',
			esc_html__( 'Check the connection', 'pay-via-proxyapi' ),
			esc_html__( 'Test connection', 'pay-via-proxyapi' ),
			esc_html__( 'Asks Daraja for an access token with the saved consumer key and secret, in the saved environment (save your changes first). Nobody is charged.', 'pay-via-proxyapi' )
		);
	}

	/**
	 * Loads the button's script on the gateway's section of WooCommerce › Settings › Payments only.
	 */
	public function enqueue(): void {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- only decides which screen this is.
		$on_screen = isset( $_GET['section'] ) && Gateway::ID === sanitize_key( wp_unslash( (string) $_GET['section'] ) );
		$handle    = $on_screen && current_user_can( 'manage_woocommerce' ) ? $this->assets->register( self::SCRIPT ) : '';
		if ( '' !== $handle ) {
			wp_enqueue_script( $handle );
		}
	}

	/**
	 * @param array<string, array<string, mixed>> $fields Fields in order.
	 * @param string                              $key    Insert before this one (at the end when absent).
	 * @param array<string, array<string, mixed>> $insert Fields to insert.
	 * @return array<string, array<string, mixed>>
	 */
	private static function insert_before( array $fields, string $key, array $insert ): array {
		$at = array_search( $key, array_keys( $fields ), true );
		if ( false === $at ) {
			return array_merge( $fields, $insert );
		}
		return array_merge( array_slice( $fields, 0, $at, true ), $insert, array_slice( $fields, $at, null, true ) );
	}
}
