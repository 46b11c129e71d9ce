<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Integration;

use PayViaProxyApi\Admin\SetupNotice;
use PayViaProxyApi\Health\HealthFacts;
use PayViaProxyApi\Health\HealthResult;
use PayViaProxyApi\Health\SiteHealthTests;
use PayViaProxyApi\Health\SiteReadiness;
use PayViaProxyApi\Order\OrderMeta;
use PayViaProxyApi\Provider\ProxyApiReport;
use PayViaProxyApi\Provider\WpHttpClient;
use PayViaProxyApi\Rest\VerifyKeyRoute;
use PayViaProxyApi\Settings\SecretSource;
use PayViaProxyApi\Settings\Settings;

/**
 * The first hour against the real store: readiness hides the gateway, the notices say why, "Verify API key"
 * asks the simulator, and every Site Health test gives its verdict on real facts.
 */
final class HealthSetupTest extends StoreTestCase {

	private Settings $settings;

	/** @var array<string, mixed> */
	private array $saved_gateway_option;

	private string $saved_currency;

	protected function setUp(): void {
		parent::setUp();
		$this->settings             = new Settings( new SecretSource() );
		$this->saved_gateway_option = (array) get_option( Settings::OPTION, array() );
		$this->saved_currency       = (string) get_option( 'woocommerce_currency' );
		wp_set_current_user( 1 );
	}

	protected function tearDown(): void {
		update_option( Settings::OPTION, $this->saved_gateway_option );
		update_option( 'woocommerce_currency', $this->saved_currency );
		delete_user_meta( 1, SetupNotice::DISMISSED_USER_META );
		wp_set_current_user( 0 );
		parent::tearDown();
	}

	private function gateway(): \WC_Payment_Gateway {
		$gateway = WC()->payment_gateways()->payment_gateways()['proxyapi_pvp_settings'];
		$gateway->init_settings();
		$gateway->enabled = $gateway->get_option( 'enabled' );
		return $gateway;
	}

	private function notice(): string {
		ob_start();
		( new SetupNotice( $this->settings, new SiteReadiness( $this->settings ) ) )->render();
		return (string) ob_get_clean();
	}

	private function health(): SiteHealthTests {
		return new SiteHealthTests( $this->settings, new SiteReadiness( $this->settings ), new HealthFacts( $this->settings, new OrderMeta() ) );
	}

	public function test_another_currency_hides_the_gateway_and_the_notice_says_why(): void {
		$this->assertTrue( $this->gateway()->is_available(), 'the preconfigured store offers M-Pesa' );
		$this->assertSame( '', $this->notice(), 'a working gateway shows no notice' );

		update_option( 'woocommerce_currency', 'USD' );
		$this->assertFalse( $this->gateway()->is_available() );
		$notice = $this->notice();
		$this->assertStringContainsString( 'notice-error', $notice );
		$this->assertStringContainsString( 'hidden from shoppers', $notice );
		$this->assertStringContainsString( 'data-pvp-problem="currency_not_kes"', $notice );
		$this->assertStringContainsString( 'The store currency is USD', $notice );
		$this->assertStringContainsString( 'section=proxyapi_pvp_settings', $notice );
	}

	public function test_an_unconfigured_gateway_gets_a_setup_notice_until_dismissed(): void {
		update_option( Settings::OPTION, array_merge( $this->saved_gateway_option, array( 'enabled' => 'no', 'api_key' => '' ) ) );
		$notice = $this->notice();
		$this->assertStringContainsString( 'notice-info', $notice );
		$this->assertStringContainsString( 'data-pvp-problem="api_key_missing"', $notice );
		$this->assertStringContainsString( 'action=' . SetupNotice::DISMISS_ACTION, $notice );
		$this->assertFalse( $this->gateway()->is_available() );

		update_user_meta( 1, SetupNotice::DISMISSED_USER_META, time() );
		$this->assertSame( '', $this->notice(), 'dismissed for this user' );
		update_option( SetupNotice::ACTIVATED_OPTION, time() + 1 );
		$this->assertStringContainsString( 'notice-info', $this->notice(), 'a new activation shows it again' );
	}

	public function test_a_shop_manager_without_rights_sees_no_notice(): void {
		update_option( 'woocommerce_currency', 'USD' );
		wp_set_current_user( 0 );
		$this->assertSame( '', $this->notice() );
	}

	public function test_verify_key_reports_success_with_the_transaction_count(): void {
		$response = $this->verify( '1700000000-LocalStoreSimulator1' );
		$this->assertSame( 200, $response->get_status() );
		$data = $response->get_data();
		$this->assertTrue( $data['ok'] );
		$this->assertSame( 'verified', $data['code'] );
		$this->assertIsInt( $data['transactions'] );
		$this->assertStringContainsString( 'ProxyAPI accepted the key', $data['message'] );
	}

	public function test_verify_key_reports_a_refusal_without_echoing_the_key(): void {
		$data = $this->verify( 'not-a-key-SECRET123' )->get_data();
		$this->assertFalse( $data['ok'] );
		$this->assertSame( 'rejected', $data['code'] );
		$this->assertStringNotContainsString( 'SECRET123', (string) wp_json_encode( $data ) );
	}

	public function test_verify_key_says_when_proxyapi_cannot_be_reached(): void {
		$route   = new VerifyKeyRoute( $this->settings, static fn ( string $key ): ProxyApiReport => new ProxyApiReport( new WpHttpClient(), 'http://127.0.0.1:9', $key ) );
		$request = new \WP_REST_Request( 'POST', '/pay-via-proxyapi/v1' . VerifyKeyRoute::ROUTE );
		$request->set_param( 'api_key', '1700000000-LocalStoreSimulator1' );
		$data = $route->verify( $request )->get_data();
		$this->assertSame( 'unreachable', $data['code'] );
		$this->assertStringContainsString( 'Could not reach ProxyAPI', $data['message'] );
	}

	public function test_verify_key_is_for_store_managers_only(): void {
		wp_set_current_user( 0 );
		$this->assertSame( 401, $this->verify( '1700000000-LocalStoreSimulator1' )->get_status() );
	}

	public function test_site_health_lists_every_test_and_each_gives_a_verdict_on_this_store(): void {
		$tests = apply_filters( 'site_status_tests', array( 'direct' => array(), 'async' => array() ) );
		foreach ( array( 'pvp_https', 'pvp_credentials', 'pvp_outgoing', 'pvp_scheduler', 'pvp_unreconciled' ) as $id ) {
			$this->assertArrayHasKey( $id, $tests['direct'] );
			$result = call_user_func( $tests['direct'][ $id ]['test'] );
			$this->assertSame( $id, $result['test'] );
			$this->assertContains( $result['status'], array( 'good', 'recommended', 'critical' ) );
		}
		$this->assertTrue( $tests['async']['pvp_callback_route']['has_rest'] );
		$health = $this->health();
		$this->assertSame( HealthResult::RECOMMENDED, $health->test_https()['status'], 'plain HTTP on a local store' );
		$this->assertSame( HealthResult::GOOD, $health->test_credentials()['status'] );
		$this->assertSame( HealthResult::GOOD, $health->test_outgoing_http()['status'], 'the simulator is on the site\'s own host' );
	}

	public function test_the_callback_route_answers_a_loopback_request_with_our_refusal(): void {
		$result = $this->health()->test_callback_route();
		$this->assertSame( HealthResult::GOOD, $result['status'], wp_strip_all_tags( $result['description'] ) );
	}

	public function test_the_async_rest_route_needs_the_site_health_capability(): void {
		wp_set_current_user( 0 );
		$response = rest_do_request( new \WP_REST_Request( 'GET', '/pay-via-proxyapi/v1' . SiteHealthTests::ASYNC_ROUTE ) );
		$this->assertSame( 401, $response->get_status() );
	}

	public function test_an_attempt_waiting_for_an_hour_is_reported_with_its_age(): void {
		$order   = $this->new_order();
		$this->start_payment( $order );
		$meta    = new OrderMeta();
		$order   = $this->fresh( $order );
		$attempt = $meta->latest_attempt( $order );
		$this->assertNotNull( $attempt );
		$meta->save_attempt( $order, $attempt->with( array( 'created_at' => time() - 2 * HOUR_IN_SECONDS - 60 ) ) );
		// An attempt that old belongs to an order at least that old; Site Health reads the oldest pending orders first,
		// so the store's many fresh test orders must not hide it.
		$order->set_date_created( time() - 2 * HOUR_IN_SECONDS - 60 );
		$order->save();
		try {
			$result = $this->health()->test_unreconciled();
			$this->assertSame( HealthResult::RECOMMENDED, $result['status'] );
			$this->assertStringContainsString( '2 hours', $result['label'] );
			$this->assertNotSame( '', $result['actions'] );
		} finally {
			$order->update_status( 'cancelled' );
		}
		$this->assertSame( HealthResult::GOOD, $this->health()->test_unreconciled()['status'], 'a cancelled order no longer counts' );
	}

	private function verify( string $key ): \WP_REST_Response {
		$request = new \WP_REST_Request( 'POST', '/pay-via-proxyapi/v1' . VerifyKeyRoute::ROUTE );
		$request->set_param( 'api_key', $key );
		$response = rest_do_request( $request );
		return $response instanceof \WP_REST_Response ? $response : new \WP_REST_Response( null, 500 );
	}
}
