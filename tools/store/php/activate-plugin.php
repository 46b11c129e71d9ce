<?php
/**
 * Activate the plugin under test in a process of its own, after WooCommerce is installed and configured:
 * its activation hook then sees WooCommerce loaded, and "Requires Plugins: woocommerce" is satisfied.
 * Skipped when already active.
 *
 * @package PayViaProxyAPI\LocalStore
 */

require __DIR__ . '/load-wordpress.php';

$slug   = pvp_store_env( 'PVP_PLUGIN_SLUG' );
$plugin = $slug . '/' . $slug . '.php';
if ( ! is_file( WP_PLUGIN_DIR . '/' . $plugin ) ) {
	// Fall back to the first file with a plugin header in that folder.
	$found  = array_keys( get_plugins( '/' . $slug ) );
	$plugin = $found ? $slug . '/' . $found[0] : '';
}
if ( '' === $plugin ) {
	pvp_store_fail( "no plugin found in wp-content/plugins/$slug" );
}

wp_set_current_user( 1 );
if ( is_plugin_active( $plugin ) ) {
	pvp_store_say( "$plugin already active" );
	pvp_store_done();
}
$result = activate_plugin( $plugin );
if ( is_wp_error( $result ) && 'unexpected_output' === $result->get_error_code() && is_plugin_active( $plugin ) ) {
	// Activated, but the plugin printed something while activating: worth fixing, not worth stopping for.
	pvp_store_say( "WARNING: $plugin printed output while activating: " . trim( wp_strip_all_tags( (string) $result->get_error_data() ) ) );
} elseif ( is_wp_error( $result ) ) {
	pvp_store_fail( "$plugin activation: " . $result->get_error_message() );
}
if ( ! is_plugin_active( $plugin ) ) {
	pvp_store_fail( "$plugin is not active after activate_plugin()" );
}
pvp_store_say( "$plugin activated" );
pvp_store_done();
