<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Integration;

/**
 * WooCommerce reads its report list on every order save to delete each report's transient; the M-Pesa tab
 * has none, so it is listed only where the Reports page is: in wp-admin.
 */
final class ReportTabListTest extends StoreTestCase {

	protected function tearDown(): void {
		unset( $GLOBALS['current_screen'] );
		parent::tearDown();
	}

	public function test_the_mpesa_tab_is_listed_in_wp_admin(): void {
		$this->load_admin_screen_api();
		set_current_screen( 'dashboard' );

		$reports = apply_filters( 'woocommerce_admin_reports', array() );

		$this->assertArrayHasKey( 'mpesa_payments', $reports['mpesa']['reports'] ?? array() );
	}

	public function test_an_order_saved_outside_wp_admin_deletes_no_mpesa_transient(): void {
		$deleted = array(
			'wc_admin_report'          => 0,
			'wc_report_mpesa_payments' => 0,
		);
		$watch   = static function ( string $transient ) use ( &$deleted ): void {
			++$deleted[ $transient ];
		};
		foreach ( array_keys( $deleted ) as $transient ) {
			add_action( "delete_transient_{$transient}", $watch );
		}
		$order = $this->new_order();
		$order->set_status( 'processing' );
		$order->save();
		foreach ( array_keys( $deleted ) as $transient ) {
			remove_action( "delete_transient_{$transient}", $watch );
		}

		$this->assertGreaterThan( 0, $deleted['wc_admin_report'], 'WooCommerce cleared its report caches' );
		$this->assertSame( 0, $deleted['wc_report_mpesa_payments'] );
	}
}
