<?php
/**
 * Activate WooCommerce in a process of its own: WooCommerce is not loaded at plugins_loaded here, so its
 * activation hook (WC_Install::install(): tables, pages, roles) runs on a clean slate.
 *
 * @package PayViaProxyAPI\LocalStore
 */

require __DIR__ . '/load-wordpress.php';

wp_set_current_user( 1 );
$plugin = 'woocommerce/woocommerce.php';
if ( is_plugin_active( $plugin ) ) {
	pvp_store_say( 'WooCommerce already active' );
	pvp_store_done();
}
$result = activate_plugin( $plugin );
if ( is_wp_error( $result ) ) {
	pvp_store_fail( 'WooCommerce activation: ' . $result->get_error_message() );
}
pvp_store_say( 'WooCommerce activated' );
pvp_store_done();
