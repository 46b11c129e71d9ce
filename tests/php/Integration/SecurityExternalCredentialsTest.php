<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Integration;

use PayViaProxyApi\Gateway\GatewayRegistrar;
use PayViaProxyApi\Settings\Settings;

/**
 * Credentials from the environment (as from wp-config.php constants, read by the same SecretSource): the
 * settings screen shows the field as set elsewhere and read-only, never prints the value, and the provider
 * uses that value rather than what the screen saved. Environment variables are used because a constant
 * cannot be undefined again inside this process.
 */
final class SecurityExternalCredentialsTest extends DarajaStoreTestCase {

	private const ENV_API_KEY       = '1900000000-EnvKeyQx7Zr4Wp9Lm2Ab';
	private const ENV_SIM_SECRET    = 'pvp-sim-secret-env-Hq4Tz8Vb';
	private const SAVED_WRONG_VALUE = 'saved-on-the-screen-but-not-used';

	/** @var string[] Environment variables set by the test. */
	private array $env = array();

	protected function tearDown(): void {
		foreach ( $this->env as $name ) {
			putenv( $name );
		}
		parent::tearDown();
		$this->fresh_gateway();
	}

	public function test_an_api_key_from_the_environment_is_read_only_on_the_screen_never_printed_and_used(): void {
		$this->use_proxyapi();
		$this->set_env( 'PVP_API_KEY', self::ENV_API_KEY );
		$gateway = $this->fresh_gateway();

		$html = $gateway->generate_settings_html( $gateway->get_form_fields(), false );
		$this->assertMatchesRegularExpression( '/<input[^>]+id="woocommerce_proxyapi_pvp_settings_api_key"[^>]+value=""[^>]+disabled="disabled" readonly="readonly"/', $html );
		$this->assertStringContainsString( 'Set in wp-config.php or the server environment (PVP_API_KEY)', $html );
		$this->assertStringNotContainsString( 'name="woocommerce_proxyapi_pvp_settings_api_key_clear"', $html, 'nothing to remove on the screen' );
		$this->assertNotPrinted( self::ENV_API_KEY, $html );

		$order   = $this->new_order();
		$started = $this->start_payment( $order );
		$this->assertSame( self::ENV_API_KEY, $started['request']['body']['ApiKey'], 'the ProxyAPI client sent the key from the environment' );
	}

	public function test_daraja_credentials_from_the_environment_are_read_only_on_the_screen_never_printed_and_used(): void {
		// The simulator's app now has a secret only the environment knows; the screen keeps a wrong secret and
		// a wrong passkey, so a payment goes through only if both come from the environment.
		$this->sim( 'POST', '/__sim/daraja/config', array( 'consumerSecret' => self::ENV_SIM_SECRET ) );
		$this->use_daraja(
			array(
				'daraja_consumer_secret' => self::SAVED_WRONG_VALUE,
				'daraja_passkey'         => self::SAVED_WRONG_VALUE,
			)
		);
		$this->set_env( 'PVP_DARAJA_CONSUMER_SECRET', self::ENV_SIM_SECRET );
		$this->set_env( 'PVP_DARAJA_PASSKEY', self::PASSKEY );
		$gateway = $this->fresh_gateway();

		$html = $gateway->generate_settings_html( $gateway->get_form_fields(), false );
		foreach ( array( 'daraja_consumer_secret' => 'PVP_DARAJA_CONSUMER_SECRET', 'daraja_passkey' => 'PVP_DARAJA_PASSKEY' ) as $field => $name ) {
			$this->assertMatchesRegularExpression( '/<input[^>]+id="woocommerce_proxyapi_pvp_settings_' . $field . '"[^>]+value=""[^>]+disabled="disabled" readonly="readonly"/', $html, $field . ' is read-only' );
			$this->assertStringContainsString( 'Set in wp-config.php or the server environment (' . $name . ')', $html );
		}
		$this->assertNotPrinted( self::ENV_SIM_SECRET, $html );
		$this->assertNotPrinted( self::PASSKEY, $html );

		$order   = $this->new_order();
		$started = $this->pay_with_daraja( $order, self::SILENT_PHONE );
		$this->assertSame( 'success', $started['result']['result'], 'Daraja gave a token for the secret from the environment' );
		$body = $started['request']['body'];
		$this->assertSame( self::SHORTCODE . self::PASSKEY . $body['Timestamp'], base64_decode( $body['Password'], true ), 'the password was made with the passkey from the environment' );
	}

	private function set_env( string $name, string $value ): void {
		putenv( $name . '=' . $value );
		$this->env[] = $name;
	}

	private function use_proxyapi(): void {
		$settings             = (array) get_option( Settings::OPTION, array() );
		$settings['provider'] = 'proxyapi';
		update_option( Settings::OPTION, $settings );
	}

	/**
	 * The gateway as a new request would build it (its fields are fixed when it is made), through the
	 * plugin's own registrar: the one WooCommerce already holds was built before the environment changed.
	 */
	private function fresh_gateway(): \WC_Payment_Gateway {
		global $wp_filter;
		foreach ( $wp_filter['woocommerce_payment_gateways']->callbacks as $callbacks ) {
			foreach ( $callbacks as $callback ) {
				if ( is_array( $callback['function'] ) && $callback['function'][0] instanceof GatewayRegistrar ) {
					( fn () => $this->gateway = null )->call( $callback['function'][0] );
				}
			}
		}
		WC()->payment_gateways()->init();
		$gateway = WC()->payment_gateways()->payment_gateways()[ Settings::GATEWAY_ID ];
		$gateway->init_settings();
		return $gateway;
	}

	private function assertNotPrinted( string $secret, string $html ): void {
		$this->assertStringNotContainsString( $secret, $html );
		$this->assertStringNotContainsString( substr( $secret, -8 ), $html, 'not even its end' );
		$this->assertStringNotContainsString( base64_encode( $secret ), $html );
	}
}
