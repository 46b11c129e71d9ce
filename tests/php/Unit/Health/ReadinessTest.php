<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Health;

use PayViaProxyApi\Health\Readiness;
use PayViaProxyApi\Health\ReadinessProblem;
use PHPUnit\Framework\TestCase;

require_once __DIR__ . '/i18n-shim.php';

/**
 * Every reason the gateway hides itself, and the cases where it must not.
 */
final class ReadinessTest extends TestCase {

	private static function readiness( array $changes = array() ): Readiness {
		$facts = array_merge(
			array(
				'key'         => true,
				'currency'    => 'KES',
				'url'         => 'https://shop.example.co.ke',
				'environment' => 'production',
				'wc'          => '9.4.3',
				'daraja'      => false,
			),
			$changes
		);
		return new Readiness( $facts['key'], $facts['currency'], $facts['url'], $facts['environment'], $facts['wc'], $facts['daraja'] );
	}

	/**
	 * @param ReadinessProblem[] $problems
	 * @return string[]
	 */
	private static function codes( array $problems ): array {
		return array_map( static fn ( ReadinessProblem $p ): string => $p->code, $problems );
	}

	public function test_a_configured_kenyan_https_store_is_ready(): void {
		$this->assertTrue( self::readiness()->is_ready() );
		$this->assertSame( array(), self::readiness()->problems() );
	}

	public function test_a_missing_key_is_a_problem_with_a_fix_that_names_the_setting(): void {
		$problems = self::readiness( array( 'key' => false ) )->problems();
		$this->assertSame( array( Readiness::NO_API_KEY ), self::codes( $problems ) );
		$this->assertStringContainsString( 'API key', $problems[0]->fix );
		$this->assertFalse( self::readiness( array( 'key' => false ) )->is_ready() );
	}

	public function test_with_daraja_direct_missing_credentials_name_darajas_fields_never_a_proxyapi_key(): void {
		$problems = self::readiness( array( 'key' => false, 'daraja' => true ) )->problems();
		$this->assertSame( array( Readiness::NO_DARAJA_SETUP ), self::codes( $problems ) );
		$this->assertStringContainsString( 'passkey', $problems[0]->message );
		$this->assertStringContainsString( 'Test connection', $problems[0]->fix );
		$this->assertStringNotContainsString( 'ProxyAPI', $problems[0]->message . $problems[0]->fix );
		$this->assertTrue( self::readiness( array( 'daraja' => true ) )->is_ready() );
	}

	public function test_another_currency_is_named_in_the_message(): void {
		$problems = self::readiness( array( 'currency' => 'USD' ) )->problems();
		$this->assertSame( array( Readiness::WRONG_CURRENCY ), self::codes( $problems ) );
		$this->assertStringContainsString( 'USD', $problems[0]->message );
		$this->assertStringContainsString( 'WooCommerce › Settings › General', $problems[0]->fix );
	}

	public function test_the_currency_code_is_compared_without_regard_to_case(): void {
		$this->assertTrue( self::readiness( array( 'currency' => 'kes' ) )->is_ready() );
	}

	public function test_plain_http_is_refused_on_production_and_staging(): void {
		foreach ( array( 'production', 'staging' ) as $environment ) {
			$problems = self::readiness(
				array(
					'url'         => 'http://shop.example.co.ke',
					'environment' => $environment,
				)
			)->problems();
			$this->assertSame( array( Readiness::NO_HTTPS ), self::codes( $problems ), $environment );
			$this->assertStringContainsString( $environment, $problems[0]->message );
		}
	}

	public function test_plain_http_is_allowed_on_local_and_development_sites(): void {
		foreach ( array( 'local', 'development' ) as $environment ) {
			$readiness = self::readiness(
				array(
					'url'         => 'http://127.0.0.1:8889',
					'environment' => $environment,
				)
			);
			$this->assertTrue( $readiness->is_ready(), $environment );
		}
	}

	public function test_an_address_without_a_scheme_is_not_https(): void {
		$this->assertFalse( self::readiness( array( 'url' => 'shop.example.co.ke' ) )->callbacks_can_be_secure() );
		$this->assertTrue( self::readiness( array( 'url' => 'HTTPS://shop.example.co.ke' ) )->callbacks_can_be_secure() );
	}

	public function test_woocommerce_older_than_the_minimum_is_a_problem(): void {
		$problems = self::readiness( array( 'wc' => '8.8.5' ) )->problems();
		$this->assertSame( array( Readiness::OLD_WOOCOMMERCE ), self::codes( $problems ) );
		$this->assertStringContainsString( '8.8.5', $problems[0]->message );
		$this->assertStringContainsString( Readiness::MIN_WOOCOMMERCE, $problems[0]->message );
		$this->assertTrue( self::readiness( array( 'wc' => Readiness::MIN_WOOCOMMERCE ) )->is_ready() );
	}

	public function test_without_woocommerce_that_is_the_only_problem_reported(): void {
		$problems = self::readiness(
			array(
				'wc'       => '',
				'key'      => false,
				'currency' => 'USD',
			)
		)->problems();
		$this->assertSame( array( Readiness::NO_WOOCOMMERCE ), self::codes( $problems ) );
	}

	public function test_every_problem_is_listed_at_once_in_a_stable_order(): void {
		$problems = self::readiness(
			array(
				'key'      => false,
				'currency' => 'EUR',
				'url'      => 'http://shop.example.co.ke',
				'wc'       => '8.0.0',
			)
		)->problems();
		$this->assertSame( array( Readiness::OLD_WOOCOMMERCE, Readiness::NO_API_KEY, Readiness::WRONG_CURRENCY, Readiness::NO_HTTPS ), self::codes( $problems ) );
		foreach ( $problems as $problem ) {
			$this->assertNotSame( '', $problem->message );
			$this->assertNotSame( '', $problem->fix );
		}
	}
}
