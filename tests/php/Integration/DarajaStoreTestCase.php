<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Integration;

use PayViaProxyApi\Settings\Settings;

/**
 * Base for tests with Daraja direct as the provider, against the real store and the simulator's Daraja API
 * (its default app: shortcode 174379, the public sandbox passkey, till 600990). The gateway settings are
 * restored after each test, so the ProxyAPI tests around these are not affected.
 */
abstract class DarajaStoreTestCase extends StoreTestCase {

	protected const SHORTCODE = '174379';
	protected const TILL      = '600990';
	protected const PASSKEY   = 'bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919';

	/** @var mixed The gateway settings before the test. */
	private mixed $saved_settings;

	protected function setUp(): void {
		parent::setUp();
		$this->saved_settings = get_option( Settings::OPTION, array() );
		$this->sim( 'POST', '/__sim/daraja/config', array( 'consumerSecret' => 'pvp-sim-consumer-secret' ) );
		$this->use_daraja( array() );
	}

	protected function tearDown(): void {
		update_option( Settings::OPTION, $this->saved_settings );
		$this->sim( 'POST', '/__sim/daraja/config', array( 'consumerSecret' => 'pvp-sim-consumer-secret', 'till' => self::TILL ) );
		parent::tearDown();
	}

	/**
	 * Daraja direct with the simulator's app, plus $changes.
	 *
	 * @param array<string, string> $changes Settings to change.
	 */
	protected function use_daraja( array $changes ): void {
		$settings = is_array( $this->saved_settings ) ? $this->saved_settings : array();
		update_option(
			Settings::OPTION,
			array_merge(
				$settings,
				array(
					'provider'                  => 'daraja',
					'daraja_environment'        => 'sandbox',
					'daraja_consumer_key'       => 'pvp-sim-consumer-key',
					'daraja_consumer_secret'    => 'pvp-sim-consumer-secret',
					'daraja_shortcode'          => self::SHORTCODE,
					'daraja_passkey'            => self::PASSKEY,
					'daraja_till'               => '',
					'daraja_initiator_name'     => 'pvpsiminitiator',
					'daraja_initiator_password' => 'Sim-Initiator-Pass-1',
					'daraja_certificate'        => (string) $this->sim( 'GET', '/__sim/daraja/certificate' )['publicKey'],
				),
				$changes
			)
		);
	}

	/**
	 * @param string                    $method GET or POST.
	 * @param string                    $path   Simulator path.
	 * @param array<string, mixed>|null $body   JSON body.
	 * @return array<string, mixed> The JSON answer.
	 */
	protected function sim( string $method, string $path, ?array $body = null ): array {
		$response = wp_remote_request(
			getenv( 'PVP_SIM_URL' ) . $path,
			array(
				'method'  => $method,
				'timeout' => 15,
				'headers' => array( 'Content-Type' => 'application/json' ),
				'body'    => null === $body ? null : (string) wp_json_encode( $body ),
			)
		);
		$this->assertFalse( is_wp_error( $response ), 'the simulator answers' );
		$this->assertSame( 200, wp_remote_retrieve_response_code( $response ), 'the simulator accepted ' . $path );
		return (array) json_decode( wp_remote_retrieve_body( $response ), true );
	}

	/**
	 * Starts a payment through the gateway (Daraja direct) and returns what the simulator received.
	 *
	 * @return array{result: array<string, string>, request: array<string, mixed>, path: string, ids: array{MerchantRequestID: string, CheckoutRequestID: string}}
	 */
	protected function pay_with_daraja( \WC_Order $order, string $phone = self::SILENT_PHONE ): array {
		$gateway            = WC()->payment_gateways()->payment_gateways()['proxyapi_pvp_settings'];
		$_POST['pvp_phone'] = $phone;
		$result             = $gateway->process_payment( $order->get_id() );
		unset( $_POST['pvp_phone'] );
		$request = $this->simulator_request( (string) $order->get_order_number() );
		return array(
			'result'  => $result,
			'request' => $request,
			'path'    => (string) preg_replace( '#^/wp-json#', '', (string) wp_parse_url( (string) $request['callbackUrl'], PHP_URL_PATH ) ),
			'ids'     => array(
				'MerchantRequestID' => (string) $request['merchantRequestId'],
				'CheckoutRequestID' => (string) $request['checkoutRequestId'],
			),
		);
	}

	/**
	 * Waits on a state (another process changes it), polling briefly; fails after $seconds.
	 *
	 * @param \Closure $reached fn(): bool.
	 * @param string   $what    For the failure message.
	 */
	protected function wait_until( \Closure $reached, string $what, int $seconds = 15 ): void {
		$until = microtime( true ) + $seconds;
		while ( ! $reached() ) {
			if ( microtime( true ) > $until ) {
				$this->fail( 'timed out waiting until ' . $what );
			}
			usleep( 100000 );
		}
	}

	/**
	 * @return int How many tokens the simulator's OAuth endpoint has issued.
	 */
	protected function tokens_issued(): int {
		return (int) $this->sim( 'GET', '/__sim/daraja/tokens' )['issued'];
	}
}
