<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Integration;

use PayViaProxyApi\Legacy\LegacyMigration;
use PayViaProxyApi\Logging\Logger;
use PayViaProxyApi\Settings\AccountDueDate;
use PayViaProxyApi\Settings\SecretSource;
use PayViaProxyApi\Settings\Settings;

/**
 * Installed over Pay via ProxyAPI 2.2.7: the settings are read as they were, and the due date moves from
 * 2.2.7's pvpsettings.txt into an option, once.
 */
final class LegacyMigrationTest extends StoreTestCase {

	private const SETTINGS_OPTION = 'woocommerce_proxyapi_pvp_settings_settings';

	/** @var array<string, mixed> */
	private array $saved = array();

	private string $plugins = '';

	protected function setUp(): void {
		parent::setUp();
		foreach ( array( self::SETTINGS_OPTION, LegacyMigration::VERSION_OPTION, AccountDueDate::OPTION ) as $option ) {
			$this->saved[ $option ] = get_option( $option, null );
		}
		$this->plugins = sys_get_temp_dir() . '/pvp-plugins-' . bin2hex( random_bytes( 4 ) );
		mkdir( $this->plugins . '/woo-pay-via-proxyapi', 0777, true );
		file_put_contents( $this->plugins . '/woo-pay-via-proxyapi/proxyapi-pvp.php', "<?php\n" );
	}

	protected function tearDown(): void {
		foreach ( $this->saved as $option => $value ) {
			null === $value ? delete_option( $option ) : update_option( $option, $value );
		}
		array_map( 'unlink', glob( $this->plugins . '/woo-pay-via-proxyapi/*' ) ?: array() );
		rmdir( $this->plugins . '/woo-pay-via-proxyapi' );
		rmdir( $this->plugins );
		parent::tearDown();
	}

	private function migration(): LegacyMigration {
		return new LegacyMigration( new AccountDueDate(), $this->plugins, new Logger() );
	}

	private function write_settings_file( int $due ): void {
		file_put_contents( $this->plugins . '/woo-pay-via-proxyapi/pvpsettings.txt', (string) wp_json_encode( array( 'dueDate' => $due ) ) );
	}

	public function test_the_2_2_7_gateway_settings_are_read_as_they_were(): void {
		update_option(
			self::SETTINGS_OPTION,
			array(
				'enabled'     => 'yes',
				'title'       => 'Lipa na M-Pesa (since 2020)',
				'description' => "Check out using Safaricom's Lipa na MPesa.",
				'api_key'     => '1580000000-AbCdEfGhIjKlMnOpQrSt',
			)
		);

		$settings = new Settings( new SecretSource() );
		$gateway  = WC()->payment_gateways()->payment_gateways()['proxyapi_pvp_settings'];
		$gateway->init_settings();

		$this->assertTrue( $settings->is_enabled() );
		$this->assertSame( '1580000000-AbCdEfGhIjKlMnOpQrSt', $settings->get( 'api_key' ) );
		$this->assertSame( 'Lipa na M-Pesa (since 2020)', $gateway->get_option( 'title' ) );
		$this->assertSame( "Check out using Safaricom's Lipa na MPesa.", $gateway->get_option( 'description' ) );
	}

	public function test_the_due_date_moves_from_pvpsettings_txt_into_an_option_once(): void {
		delete_option( LegacyMigration::VERSION_OPTION );
		delete_option( AccountDueDate::OPTION );
		$due = time() + 20 * 86400;
		$this->write_settings_file( $due );

		$this->assertTrue( $this->migration()->maybe_migrate() );

		global $wpdb;
		$this->assertSame( $due, ( new AccountDueDate() )->get() );
		$this->assertSame( 'no', $wpdb->get_var( $wpdb->prepare( "SELECT autoload FROM {$wpdb->options} WHERE option_name = %s", AccountDueDate::OPTION ) ), 'read by admin screens only' );
		$this->assertSame( LegacyMigration::DB_VERSION, get_option( LegacyMigration::VERSION_OPTION ) );

		$this->write_settings_file( $due + 86400 );
		$this->assertFalse( $this->migration()->maybe_migrate(), 'once per version' );
		$this->assertSame( $due, ( new AccountDueDate() )->get() );
	}

	public function test_an_older_file_never_moves_a_newer_due_date_back(): void {
		delete_option( LegacyMigration::VERSION_OPTION );
		update_option( AccountDueDate::OPTION, time() + 40 * 86400, false );
		$newer = (int) get_option( AccountDueDate::OPTION );
		$this->write_settings_file( time() + 86400 );

		$this->assertTrue( $this->migration()->maybe_migrate() );
		$this->assertSame( $newer, ( new AccountDueDate() )->get() );
	}

	public function test_a_store_without_2_2_7_just_records_the_version(): void {
		delete_option( LegacyMigration::VERSION_OPTION );
		delete_option( AccountDueDate::OPTION );

		$this->assertTrue( $this->migration()->maybe_migrate() );
		$this->assertNull( ( new AccountDueDate() )->get() );
		$this->assertSame( LegacyMigration::DB_VERSION, get_option( LegacyMigration::VERSION_OPTION ) );
	}

	public function test_the_plugin_wires_the_migration_and_the_2_2_7_url(): void {
		$this->assertTrue( $this->has_callback_of( 'admin_init', LegacyMigration::class ) );
		$this->assertTrue( $this->has_callback_of( 'woocommerce_api_wc_payment_gateway_proxyapi_pvp', \PayViaProxyApi\Legacy\LegacyCallbackRoute::class ) );
		$this->assertTrue( $this->has_callback_of( 'woocommerce_cancel_unpaid_order', \PayViaProxyApi\Order\HoldStockGuard::class ) );
		$this->assertTrue( $this->has_callback_of( 'pvp_reconcile_attempt', \PayViaProxyApi\Reconciliation\ReconciliationJob::class ) );
		$this->assertTrue( $this->has_callback_of( 'proxyapi_pvp_payment_pending', \PayViaProxyApi\Reconciliation\ReconciliationScheduler::class ) );
	}

	private function has_callback_of( string $hook, string $class_name ): bool {
		global $wp_filter;
		foreach ( isset( $wp_filter[ $hook ] ) ? $wp_filter[ $hook ]->callbacks : array() as $callbacks ) {
			foreach ( $callbacks as $callback ) {
				if ( is_array( $callback['function'] ) && $callback['function'][0] instanceof $class_name ) {
					return true;
				}
			}
		}
		return false;
	}
}
