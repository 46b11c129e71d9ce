<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Integration;

use PayViaProxyApi\Admin\SetupNotice;
use PayViaProxyApi\Health\HealthFacts;
use PayViaProxyApi\Health\HealthResult;
use PayViaProxyApi\Health\SiteHealthTests;
use PayViaProxyApi\Health\SiteReadiness;
use PayViaProxyApi\Order\OrderMeta;
use PayViaProxyApi\Settings\SecretSource;
use PayViaProxyApi\Settings\Settings;

/**
 * With Daraja direct chosen, the first-hour help speaks of Daraja: the setup notice and Site Health ask for
 * Daraja's credentials (never a ProxyAPI key, which Daraja direct does not use) and check requests to
 * Safaricom's host.
 */
final class DarajaSetupHealthTest extends DarajaStoreTestCase {

	private Settings $settings;

	protected function setUp(): void {
		parent::setUp();
		$this->settings = new Settings( new SecretSource() );
		wp_set_current_user( 1 );
	}

	protected function tearDown(): void {
		delete_user_meta( 1, SetupNotice::DISMISSED_USER_META );
		wp_set_current_user( 0 );
		parent::tearDown();
	}

	private function health(): SiteHealthTests {
		return new SiteHealthTests( $this->settings, new SiteReadiness( $this->settings ), new HealthFacts( $this->settings, new OrderMeta() ) );
	}

	private function notice(): string {
		ob_start();
		( new SetupNotice( $this->settings, new SiteReadiness( $this->settings ) ) )->render();
		return (string) ob_get_clean();
	}

	public function test_complete_daraja_credentials_without_a_proxyapi_key_are_ready(): void {
		$this->use_daraja( array( 'api_key' => '' ) );
		$this->assertSame( array(), ( new SiteReadiness( $this->settings ) )->problems() );
		$this->assertSame( '', $this->notice() );
		$credentials = $this->health()->test_credentials();
		$this->assertSame( HealthResult::GOOD, $credentials['status'] );
		$this->assertSame( 'Daraja direct credentials are set', $credentials['label'] );
	}

	public function test_a_missing_passkey_hides_the_gateway_and_the_help_names_darajas_fields(): void {
		$this->use_daraja( array( 'daraja_passkey' => '', 'api_key' => '1700000000-LocalStoreSimulator1' ) );

		$codes = array_map( static fn ( $p ): string => $p->code, ( new SiteReadiness( $this->settings ) )->problems() );
		$this->assertSame( array( 'daraja_credentials_missing' ), $codes, 'a ProxyAPI key does not stand in for Daraja' );
		$gateway = WC()->payment_gateways()->payment_gateways()['proxyapi_pvp_settings'];
		$gateway->init_settings();
		$this->assertFalse( $gateway->is_available() );

		$notice = $this->notice();
		$this->assertStringContainsString( 'data-pvp-problem="daraja_credentials_missing"', $notice );
		$this->assertStringContainsString( 'passkey', $notice );

		$credentials = $this->health()->test_credentials();
		$this->assertSame( HealthResult::CRITICAL, $credentials['status'] );
		$this->assertStringNotContainsString( 'ProxyAPI', $credentials['label'] . $credentials['description'] . $credentials['actions'] );
	}

	public function test_site_health_checks_requests_to_safaricom_not_proxyapi(): void {
		$tests = $this->health()->add_tests( array( 'direct' => array(), 'async' => array() ) );
		$this->assertSame( 'M-Pesa: requests to Safaricom Daraja', $tests['direct']['pvp_outgoing']['label'] );
		$this->assertSame( 'M-Pesa: Safaricom Daraja credentials', $tests['direct']['pvp_credentials']['label'] );

		$outgoing = $this->health()->test_outgoing_http();
		$this->assertSame( 'WordPress may send requests to Safaricom Daraja', $outgoing['label'] );
		$daraja_host = (string) wp_parse_url( (string) getenv( 'PVP_SIM_URL' ), PHP_URL_HOST );
		$this->assertStringContainsString( $daraja_host, $outgoing['description'] );
	}
}
