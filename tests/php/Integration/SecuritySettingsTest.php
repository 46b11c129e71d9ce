<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Integration;

use PayViaProxyApi\Settings\SecretSource;
use PayViaProxyApi\Settings\Settings;

/**
 * The settings screen and WooCommerce's REST API never hand the API key back, an unchanged form keeps it, and
 * bad input changes nothing.
 */
final class SecuritySettingsTest extends StoreTestCase {

	private const KEY = '1700000000-LocalStoreSimulator1';

	/** @var array<string, mixed> */
	private array $saved_settings = array();

	private \WC_Payment_Gateway $gateway;

	protected function setUp(): void {
		parent::setUp();
		$this->saved_settings = (array) get_option( Settings::OPTION, array() );
		$this->assertSame( self::KEY, $this->saved_settings['api_key'] ?? null, 'the store has its simulator key' );
		$this->gateway = WC()->payment_gateways()->payment_gateways()[ Settings::GATEWAY_ID ];
		$this->gateway->init_settings();
		wp_set_current_user( 1 );
	}

	protected function tearDown(): void {
		update_option( Settings::OPTION, $this->saved_settings );
		$this->gateway->init_settings();
		$_POST = array();
		wp_set_current_user( 0 );
		$this->screen_messages();
		parent::tearDown();
	}

	public function test_the_settings_screen_never_prints_the_key(): void {
		$html = $this->gateway->generate_settings_html( $this->gateway->get_form_fields(), false );

		$this->assertStringNotContainsString( self::KEY, $html );
		$this->assertStringNotContainsString( 'LocalStoreSimulator', $html );
		$this->assertMatchesRegularExpression( '/<input[^>]+id="woocommerce_proxyapi_pvp_settings_api_key"[^>]+value=""/', $html );
		$this->assertStringContainsString( 'Saved (ends in …tor1)', $html );
		$this->assertStringContainsString( 'name="woocommerce_proxyapi_pvp_settings_api_key_clear"', $html );
	}

	public function test_saving_the_form_unchanged_keeps_the_key(): void {
		$this->save( array() );
		$this->assertSame( self::KEY, get_option( Settings::OPTION )['api_key'] );
	}

	public function test_a_new_key_replaces_it_and_a_malformed_one_changes_nothing(): void {
		$this->save( array( 'api_key' => 'not a key' ) );
		$this->assertSame( self::KEY, get_option( Settings::OPTION )['api_key'] );
		$this->assertStringContainsString( 'The API key was not changed', $this->screen_messages() );

		$this->save( array( 'api_key' => '1800000000-AbCdEfGhIjKlMnOpQrSt' ) );
		$this->assertSame( '1800000000-AbCdEfGhIjKlMnOpQrSt', get_option( Settings::OPTION )['api_key'] );
	}

	public function test_the_key_is_removed_only_with_the_remove_box(): void {
		$this->save( array( 'api_key_clear' => '1' ) );
		$this->assertSame( '', get_option( Settings::OPTION )['api_key'] );
	}

	public function test_an_unreadable_allow_list_changes_nothing_and_a_readable_one_is_saved_tidy(): void {
		$this->save( array( 'callback_allowed_ips' => "196.201.214.0/24\nnot-an-address" ) );
		$this->assertSame( '', get_option( Settings::OPTION )['callback_allowed_ips'] ?? '' );
		$this->assertStringContainsString( 'not-an-address', $this->screen_messages() );

		$this->save( array( 'callback_allowed_ips' => '196.201.214.0/24, 2001:db8::/32' ) );
		$this->assertSame( "196.201.214.0/24\n2001:db8::/32", get_option( Settings::OPTION )['callback_allowed_ips'] );
	}

	public function test_rotating_from_the_screen_makes_a_new_secret_and_is_never_stored_ticked(): void {
		$settings = new Settings( new SecretSource() );
		$before   = $settings->callback_secret();

		$this->save( array( 'rotate_callback_secret' => '1' ) );

		$this->assertNotSame( $before, $settings->callback_secret() );
		$this->assertSame( 'no', get_option( Settings::OPTION )['rotate_callback_secret'] );
	}

	public function test_woocommerce_rest_api_never_returns_the_key_and_a_round_trip_keeps_it(): void {
		$get  = rest_do_request( new \WP_REST_Request( 'GET', '/wc/v3/payment_gateways/' . Settings::GATEWAY_ID ) );
		$data = $get->get_data();
		$this->assertSame( 200, $get->get_status() );
		$this->assertStringNotContainsString( self::KEY, (string) wp_json_encode( $data ) );
		$this->assertSame( '', $data['settings']['api_key']['value'] );

		$put = new \WP_REST_Request( 'PUT', '/wc/v3/payment_gateways/' . Settings::GATEWAY_ID );
		// Write back every setting as read, the blanked key among them (what a REST client's round trip does).
		$put->set_body_params( array( 'settings' => array_map( static fn ( array $setting ) => $setting['value'], $data['settings'] ) ) );
		$answer = rest_do_request( $put );
		$this->assertSame( 200, $answer->get_status() );
		$this->assertStringNotContainsString( self::KEY, (string) wp_json_encode( $answer->get_data() ) );
		$this->assertSame( self::KEY, get_option( Settings::OPTION )['api_key'], 'writing back the blanked value keeps the key' );
	}

	/**
	 * @return string What the settings screen would show after the save (errors first), then forgets it.
	 */
	private function screen_messages(): string {
		ob_start();
		\WC_Admin_Settings::show_messages();
		$shown = (string) ob_get_clean();
		\Closure::bind(
			static function (): void {
				self::$errors   = array();
				self::$messages = array();
			},
			null,
			\WC_Admin_Settings::class
		)();
		return $shown;
	}

	/**
	 * Posts the settings form as a browser would, with the saved values and the given changes.
	 *
	 * @param array<string, string> $changes Field key (without the gateway prefix) => posted value.
	 */
	private function save( array $changes ): void {
		$post = array();
		foreach ( $this->gateway->get_form_fields() as $key => $field ) {
			$type = $field['type'] ?? 'text';
			if ( 'title' === $type || ( 'checkbox' === $type && 'yes' !== $this->gateway->get_option( $key ) ) ) {
				continue;
			}
			// The key field is always empty on the screen; checkboxes post "1" when ticked.
			$post[ $this->gateway->get_field_key( $key ) ] = 'checkbox' === $type ? '1' : ( 'pvp_secret' === $type ? '' : $this->gateway->get_option( $key ) );
		}
		foreach ( $changes as $key => $value ) {
			$post[ $this->gateway->get_field_key( $key ) ] = $value;
		}
		$_POST = $post;
		$this->gateway->process_admin_options();
		$_POST = array();
		$this->gateway->init_settings();
	}
}
