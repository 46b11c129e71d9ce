<?php
/**
 * Point the gateway at the local simulator's test credentials and enable it. The settings are merged into
 * the existing option, so other keys (set in wp-admin or by the plugin itself) are kept.
 *
 * @package PayViaProxyAPI\LocalStore
 */

require __DIR__ . '/load-wordpress.php';

$option  = 'woocommerce_proxyapi_pvp_settings_settings';
$current = get_option( $option, array() );
$wanted  = array(
	'enabled'     => 'yes',
	'title'       => 'Lipa na M-Pesa',
	'description' => 'Pay with M-Pesa: you will get a prompt on your phone.',
	'api_key'     => '1700000000-LocalStoreSimulator1',
);
update_option( $option, array_merge( is_array( $current ) ? $current : array(), $wanted ) );

// Gateways instantiated before the option was written report a stale "enabled"; re-init them.
if ( function_exists( 'WC' ) ) {
	WC()->payment_gateways()->init();
	$gateways = WC()->payment_gateways()->payment_gateways();
	if ( isset( $gateways['proxyapi_pvp_settings'] ) ) {
		// A plugin may hand WooCommerce the same gateway object again; reload its settings from the option.
		$gateways['proxyapi_pvp_settings']->init_settings();
		pvp_store_say( 'gateway proxyapi_pvp_settings: enabled=' . $gateways['proxyapi_pvp_settings']->enabled );
	} else {
		pvp_store_say( 'WARNING: gateway proxyapi_pvp_settings is not registered (settings written anyway)' );
	}
}
pvp_store_done();
