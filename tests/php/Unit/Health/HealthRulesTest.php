<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Health;

use PayViaProxyApi\Health\HealthResult;
use PayViaProxyApi\Health\HealthRules;
use PayViaProxyApi\Health\Readiness;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/i18n-shim.php';

/**
 * Each Site Health verdict, and that every bad verdict comes with a fix.
 */
final class HealthRulesTest extends TestCase {

	private static function assert_has_fix( HealthResult $result ): void {
		self::assertNotSame( HealthResult::GOOD, $result->status );
		self::assertNotSame( '', $result->fix, $result->label );
	}

	public function test_https_is_good_recommended_on_local_http_and_critical_on_live_http(): void {
		$live  = new Readiness( true, 'KES', 'http://shop.example.co.ke', 'production', '9.4.3' );
		$local = new Readiness( true, 'KES', 'http://127.0.0.1:8889', 'local', '9.4.3' );
		$this->assertSame( HealthResult::GOOD, HealthRules::https( $live, 'https://shop.example.co.ke/' )->status );
		$recommended = HealthRules::https( $local, 'http://127.0.0.1:8889/' );
		$this->assertSame( HealthResult::RECOMMENDED, $recommended->status );
		self::assert_has_fix( $recommended );
		$critical = HealthRules::https( $live, 'http://shop.example.co.ke/' );
		$this->assertSame( HealthResult::CRITICAL, $critical->status );
		$this->assertStringContainsString( 'Settings › General', $critical->fix );
	}

	public function test_credentials_missing_is_critical_malformed_is_recommended(): void {
		$missing = HealthRules::credentials( false, false, false );
		$this->assertSame( HealthResult::CRITICAL, $missing->status );
		self::assert_has_fix( $missing );
		$odd = HealthRules::credentials( true, false, false );
		$this->assertSame( HealthResult::RECOMMENDED, $odd->status );
		$this->assertStringContainsString( 'Verify API key', $odd->fix );
		$this->assertSame( HealthResult::GOOD, HealthRules::credentials( true, true, true )->status );
		$this->assertStringContainsString( 'PVP_API_KEY', HealthRules::credentials( true, true, true )->description );
	}

	public function test_daraja_credentials_missing_is_critical_and_never_asks_for_a_proxyapi_key(): void {
		$missing = HealthRules::daraja_credentials( false );
		$this->assertSame( HealthResult::CRITICAL, $missing->status );
		self::assert_has_fix( $missing );
		$this->assertStringNotContainsString( 'ProxyAPI', $missing->label . $missing->description . $missing->fix );
		$set = HealthRules::daraja_credentials( true );
		$this->assertSame( HealthResult::GOOD, $set->status );
		$this->assertStringContainsString( 'Test connection', $set->description );
	}

	public function test_outgoing_http_names_the_selected_provider(): void {
		$blocked = HealthRules::outgoing_http( true, 'api.safaricom.co.ke', 'Safaricom Daraja' );
		$this->assertSame( 'WordPress blocks requests to Safaricom Daraja', $blocked->label );
		$this->assertStringContainsString( 'api.safaricom.co.ke', $blocked->fix );
		$this->assertSame( 'WordPress may send requests to ProxyAPI', HealthRules::outgoing_http( false, 'api.proxyapi.co.ke' )->label );
	}

	public function test_blocked_outgoing_http_names_the_host_to_allow(): void {
		$blocked = HealthRules::outgoing_http( true, 'api.proxyapi.co.ke' );
		$this->assertSame( HealthResult::CRITICAL, $blocked->status );
		$this->assertStringContainsString( 'WP_ACCESSIBLE_HOSTS', $blocked->fix );
		$this->assertStringContainsString( 'api.proxyapi.co.ke', $blocked->fix );
		$this->assertSame( HealthResult::GOOD, HealthRules::outgoing_http( false, 'api.proxyapi.co.ke' )->status );
	}

	public function test_late_payment_checks_are_critical_other_late_jobs_recommended(): void {
		$this->assertSame( HealthResult::GOOD, HealthRules::scheduler( true, 0, 0 )->status );
		$ours = HealthRules::scheduler( true, 2, 0 );
		$this->assertSame( HealthResult::CRITICAL, $ours->status );
		$this->assertStringContainsString( '2 payment checks', $ours->description );
		self::assert_has_fix( $ours );
		$this->assertSame( HealthResult::RECOMMENDED, HealthRules::scheduler( true, 0, 5 )->status );
		self::assert_has_fix( HealthRules::scheduler( false, 0, 0 ) );
	}

	public function test_unreconciled_attempts_by_age(): void {
		$this->assertSame( HealthResult::GOOD, HealthRules::unreconciled( null, 0 )->status );
		$this->assertSame( HealthResult::GOOD, HealthRules::unreconciled( 14 * 60, 0 )->status );
		$late = HealthRules::unreconciled( 3 * 3600 + 5, 2 );
		$this->assertSame( HealthResult::RECOMMENDED, $late->status );
		$this->assertStringContainsString( '3 hours', $late->label );
		$this->assertStringContainsString( '2 pending orders', $late->description );
		self::assert_has_fix( $late );
		$old = HealthRules::unreconciled( 2 * 86400, 1 );
		$this->assertSame( HealthResult::CRITICAL, $old->status );
		$this->assertStringContainsString( '2 days', $old->label );
		$this->assertStringContainsString( '16 minutes', HealthRules::unreconciled( 16 * 60, 1 )->label );
	}

	public function test_the_callback_route_is_good_only_when_our_own_refusal_comes_back(): void {
		$this->assertSame( HealthResult::GOOD, HealthRules::callback_route( 403, 'pvp_callback_forbidden', '' )->status );
		$other_403 = HealthRules::callback_route( 403, 'rest_forbidden', '' );
		$this->assertSame( HealthResult::CRITICAL, $other_403->status );
		$this->assertStringContainsString( 'firewall', $other_403->fix );
		$missing = HealthRules::callback_route( 404, 'rest_no_route', '' );
		$this->assertStringContainsString( 'Permalinks', $missing->fix );
		$down = HealthRules::callback_route( null, '', 'cURL error 7: Failed to connect' );
		$this->assertSame( HealthResult::CRITICAL, $down->status );
		$this->assertStringContainsString( 'cURL error 7', $down->description );
	}
}
