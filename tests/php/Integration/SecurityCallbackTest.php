<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Integration;

use PayViaProxyApi\Callback\CallbackParser;
use PayViaProxyApi\Order\OrderMeta;
use PayViaProxyApi\Payment\AttemptStatus;
use PayViaProxyApi\Payment\CallbackToken;
use PayViaProxyApi\Settings\SecretSource;
use PayViaProxyApi\Settings\Settings;

/**
 * Who may act on an order through the callback URL, through the real REST server and database: spent and
 * expired tokens, a rotated secret, the source allow-list behind a proxy, and bodies that try to smuggle
 * parameters or exceed the size limit. Every refusal changes nothing and says only "Forbidden.".
 */
final class SecurityCallbackTest extends StoreTestCase {

	/** @var array<string, mixed> The gateway settings before the test. */
	private array $saved_settings = array();

	/** @var array<string, string|false> Environment variables the test set, with their earlier values. */
	private array $saved_env = array();

	protected function setUp(): void {
		parent::setUp();
		$settings             = get_option( Settings::OPTION, array() );
		$this->saved_settings = is_array( $settings ) ? $settings : array();
	}

	protected function tearDown(): void {
		update_option( Settings::OPTION, $this->saved_settings );
		foreach ( $this->saved_env as $name => $value ) {
			putenv( false === $value ? $name : $name . '=' . $value );
		}
		remove_all_filters( 'pvp_callback_token_lifetime' );
		$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
		parent::tearDown();
	}

	private function set_env( string $name, string $value ): void {
		if ( ! array_key_exists( $name, $this->saved_env ) ) {
			$this->saved_env[ $name ] = getenv( $name );
		}
		putenv( $name . '=' . $value );
	}

	private function set_setting( string $key, string $value ): void {
		update_option( Settings::OPTION, array_merge( $this->saved_settings, array( $key => $value ) ) );
	}

	private function age_attempt( \WC_Order $order, int $seconds ): void {
		$meta    = new OrderMeta();
		$order   = $this->fresh( $order );
		$attempt = $meta->latest_attempt( $order );
		$meta->save_attempt( $order, $attempt->with( array( 'created_at' => time() - $seconds ) ) );
		$order->save();
	}

	private function assert_refused_quietly( \WP_REST_Response $response, \WC_Order $order, string $status = 'pending' ): void {
		$this->assertSame( 403, $response->get_status() );
		$this->assertSame( array( 'code', 'message', 'data' ), array_keys( (array) $response->get_data() ) );
		$this->assertSame( 'Forbidden.', $response->get_data()['message'], 'the answer never says why' );
		$this->assertSame( $status, $this->fresh( $order )->get_status() );
		$this->assertSame( 0, $this->hook_calls['proxyapi_pvp_payment_completed'] );
	}

	public function test_a_token_of_an_attempt_older_than_its_lifetime_changes_nothing(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );
		$this->age_attempt( $order, 8 * DAY_IN_SECONDS );
		$this->start_reading_log();

		$response = $this->deliver( $started['path'], $this->stk_success( $started['ids'] ) );

		$this->assert_refused_quietly( $response, $order );
		$log = $this->log_since_mark();
		$this->assertStringContainsString( 'its token is no longer valid: it has expired', $log );
		$this->assertStringNotContainsString( basename( $started['path'] ), $log, 'the token is never logged' );
	}

	public function test_a_late_success_days_after_a_failure_still_pays(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );
		$this->deliver( $started['path'], $this->stk_failure( $started['ids'] ) );
		$this->age_attempt( $order, 6 * DAY_IN_SECONDS );

		$response = $this->deliver( $started['path'], $this->stk_success( $started['ids'] ) );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'processing', $this->fresh( $order )->get_status() );
		$this->assertSame( 1, $this->hook_calls['proxyapi_pvp_payment_completed'] );
	}

	public function test_the_token_lifetime_filter_is_honoured(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );
		$this->age_attempt( $order, 2 * HOUR_IN_SECONDS );
		add_filter( 'pvp_callback_token_lifetime', static fn (): int => HOUR_IN_SECONDS );

		$this->assert_refused_quietly( $this->deliver( $started['path'], $this->stk_success( $started['ids'] ) ), $order );
	}

	public function test_a_token_of_an_attempt_provider_refused_changes_nothing(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );
		$meta    = new OrderMeta();
		$fresh   = $this->fresh( $order );
		$meta->save_attempt( $fresh, $meta->latest_attempt( $fresh )->with( array( 'status' => AttemptStatus::REJECTED ) ) );
		$fresh->save();

		$this->assert_refused_quietly( $this->deliver( $started['path'], $this->stk_success( $started['ids'] ) ), $order );
	}

	public function test_rotating_the_secret_keeps_attempts_in_flight_and_changes_new_tokens(): void {
		$settings = new Settings( new SecretSource() );
		$before   = $settings->callback_secret();
		$first    = $this->new_order();
		$started  = $this->start_payment( $first );

		$this->assertTrue( $settings->rotate_callback_secret() );
		$after = $settings->callback_secret();
		$this->assertNotSame( $before, $after );
		global $wpdb;
		$autoload = $wpdb->get_var( $wpdb->prepare( "SELECT autoload FROM {$wpdb->options} WHERE option_name = %s", Settings::SECRET_OPTION ) );
		$this->assertContains( $autoload, array( 'no', 'off' ), 'the secret is never autoloaded' );

		$response = $this->deliver( $started['path'], $this->stk_success( $started['ids'] ) );
		$this->assertSame( 200, $response->get_status(), 'the attempt started before the rotation still settles' );
		$this->assertSame( 'processing', $this->fresh( $first )->get_status() );

		$second     = $this->new_order();
		$next       = $this->start_payment( $second );
		$request_id = (string) $next['request']['body']['RequestID'];
		$this->assertSame( CallbackToken::mint( $after, $second->get_id(), $request_id ), basename( $next['path'] ) );
		$this->assertNotSame( CallbackToken::mint( $before, $second->get_id(), $request_id ), basename( $next['path'] ) );
	}

	public function test_with_an_allow_list_only_listed_sources_are_heard(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );
		$this->set_setting( 'callback_allowed_ips', "196.201.214.0/24\n2001:db8::/32" );

		$_SERVER['REMOTE_ADDR'] = '203.0.113.66';
		$this->start_reading_log();
		$this->assert_refused_quietly( $this->deliver( $started['path'], $this->stk_success( $started['ids'] ) ), $order );
		$this->assertStringContainsString( 'the source address 203.0.113.66 is not on the callback allow-list', $this->log_since_mark() );

		$_SERVER['REMOTE_ADDR'] = '196.201.214.200';
		$this->assertSame( 200, $this->deliver( $started['path'], $this->stk_success( $started['ids'] ) )->get_status() );
		$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
		$this->assertSame( 'processing', $this->fresh( $order )->get_status() );
	}

	public function test_behind_a_trusted_proxy_the_forwarded_address_is_checked_and_forgeries_fail(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );
		$this->set_setting( 'callback_allowed_ips', '196.201.214.0/24' );
		$_SERVER['REMOTE_ADDR'] = '127.0.0.1';

		// Without PVP_TRUSTED_PROXY_HEADER the header is not believed: the caller is the proxy.
		$this->assert_refused_quietly( $this->deliver_from( $started['path'], $this->stk_success( $started['ids'] ), '196.201.214.200' ), $order );

		$this->set_env( 'PVP_TRUSTED_PROXY_HEADER', 'X-Forwarded-For' );
		// A caller who prepends an allowed address is still the address our proxy appended.
		$this->assert_refused_quietly( $this->deliver_from( $started['path'], $this->stk_success( $started['ids'] ), '196.201.214.200, 203.0.113.66' ), $order );
		$this->assertSame( 200, $this->deliver_from( $started['path'], $this->stk_success( $started['ids'] ), '196.201.214.200' )->get_status() );
		$this->assertSame( 'processing', $this->fresh( $order )->get_status() );
	}

	public function test_an_allow_list_from_the_environment_wins_and_an_unreadable_one_refuses_everything(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );
		$_SERVER['REMOTE_ADDR'] = '127.0.0.1';
		$this->set_env( 'PVP_CALLBACK_ALLOWED_IPS', '127.0.0.1, 127.0.0.300' );

		$this->assert_refused_quietly( $this->deliver( $started['path'], $this->stk_success( $started['ids'] ) ), $order );

		$this->set_env( 'PVP_CALLBACK_ALLOWED_IPS', '127.0.0.0/8' );
		$this->set_setting( 'callback_allowed_ips', '196.201.214.0/24' );
		$this->assertSame( 200, $this->deliver( $started['path'], $this->stk_success( $started['ids'] ) )->get_status() );
	}

	public function test_a_json_body_cannot_override_the_order_or_token_in_the_url(): void {
		$victim   = $this->new_order();
		$this->start_payment( $victim );
		$attacker = $this->new_order();
		$started  = $this->start_payment( $attacker );
		$body     = $this->stk_failure( $started['ids'] ) + array(
			'order_id' => $victim->get_id(),
			'token'    => str_repeat( 'a', 64 ),
		);

		$response = $this->deliver( $started['path'], $body );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'failed', $this->fresh( $attacker )->get_status(), 'the URL\'s order was settled' );
		$this->assertSame( 'pending', $this->fresh( $victim )->get_status() );
	}

	public function test_a_body_over_the_size_limit_is_refused_before_anything_parses_it(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );
		// Valid JSON, a real success, padded: refused for its size alone.
		$padded = $this->stk_success( $started['ids'] ) + array( 'Padding' => str_repeat( 'x', CallbackParser::MAX_BYTES ) );
		// Not JSON at all: had WordPress parsed it, the answer would be rest_invalid_json.
		$garbage = '{' . str_repeat( '"', CallbackParser::MAX_BYTES );

		foreach ( array( $padded, $garbage ) as $body ) {
			$response = $this->deliver( $started['path'], $body );
			$this->assertSame( 413, $response->get_status() );
			$this->assertSame( 'Callback too large.', $response->get_data()['ResultDesc'] );
		}
		// WordPress matches routes case-insensitively, so the size check does too.
		$shouted = '/PAY-VIA-PROXYAPI/V1/CALLBACKS/' . substr( $started['path'], strlen( '/pay-via-proxyapi/v1/callbacks/' ) );
		$this->assertSame( 413, $this->deliver( $shouted, $garbage )->get_status() );
		$this->assertSame( 'pending', $this->fresh( $order )->get_status() );
	}

	/**
	 * @param array<string, mixed> $body Callback body.
	 */
	private function deliver_from( string $path, array $body, string $forwarded_for ): \WP_REST_Response {
		$request = new \WP_REST_Request( 'POST', $path );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_header( 'X-Forwarded-For', $forwarded_for );
		$request->set_body( (string) wp_json_encode( $body ) );
		$response = rest_do_request( $request );
		return $response instanceof \WP_REST_Response ? $response : new \WP_REST_Response( null, 500 );
	}
}
