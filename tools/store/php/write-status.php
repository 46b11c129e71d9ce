<?php
/**
 * Write $PVP_STORE_DIR/status.json: what tests and people need to find their way around the running store
 * (URLs, logins, versions, product and page ids, HPOS state, simulator). Tests read the product id here.
 *
 * @package PayViaProxyAPI\LocalStore
 */

use Automattic\WooCommerce\Utilities\OrderUtil;

require __DIR__ . '/load-wordpress.php';

/**
 * A JSON environment variable, or a default.
 *
 * @param string $name    Variable name.
 * @param mixed  $fallback Value when unset or not JSON.
 * @return mixed
 */
function pvp_store_env_json( $name, $fallback ) {
	$raw = getenv( $name );
	if ( false === $raw || '' === $raw ) {
		return $fallback;
	}
	$value = json_decode( $raw, true );
	return null === $value ? $fallback : $value;
}

$site = untrailingslashit( pvp_store_env( 'PVP_SITE_URL' ) );
$sim  = untrailingslashit( pvp_store_env( 'PVP_SIM_URL' ) );

$product_id = (int) wc_get_product_id_by_sku( 'ACC-TEST-100' );
$product    = $product_id ? wc_get_product( $product_id ) : null;

$pages = array();
foreach ( array( 'shop', 'cart', 'checkout', 'myaccount' ) as $page ) {
	$pages[ $page ] = (int) wc_get_page_id( $page );
}

WC()->payment_gateways()->init();
$enabled = array();
foreach ( WC()->payment_gateways()->payment_gateways() as $id => $gateway ) {
	if ( 'yes' === $gateway->enabled ) {
		$enabled[] = $id;
	}
}

$slug        = pvp_store_env( 'PVP_PLUGIN_SLUG' );
$plugin_file = $slug . '/' . $slug . '.php';
$plugin      = array(
	'file'     => $plugin_file,
	'deployed' => is_file( WP_PLUGIN_DIR . '/' . $plugin_file ),
	'active'   => is_plugin_active( $plugin_file ),
	'version'  => null,
);
if ( $plugin['deployed'] ) {
	$data              = get_plugin_data( WP_PLUGIN_DIR . '/' . $plugin_file, false, false );
	$plugin['version'] = '' !== $data['Version'] ? $data['Version'] : null;
}

$theme  = wp_get_theme();
$status = array(
	'generated_at'     => gmdate( 'c' ),
	'url'              => $site,
	'shop_url'         => get_permalink( $pages['shop'] ),
	'urls'             => array(
		'home'       => $site . '/',
		'shop'       => get_permalink( $pages['shop'] ),
		'product'    => $product ? get_permalink( $product_id ) : null,
		'cart'       => get_permalink( $pages['cart'] ),
		'checkout'   => get_permalink( $pages['checkout'] ),
		'my_account' => get_permalink( $pages['myaccount'] ),
		'login'      => $site . '/wp-login.php',
		'admin'      => $site . '/wp-admin/',
		'orders'     => $site . '/wp-admin/admin.php?page=wc-orders',
		'store_api'  => $site . '/wp-json/wc/store/v1',
		'rest_api'   => $site . '/wp-json/',
	),
	'simulator_url'    => $sim,
	'simulator'        => array(
		'url'     => $sim,
		'health'  => $sim . '/__sim/health',
		'running' => 'running' === getenv( 'PVP_SIM_STATE' ),
		'state'   => (string) getenv( 'PVP_SIM_STATE' ),
	),
	'api_base_url'     => defined( 'PVP_API_BASE_URL' ) ? PVP_API_BASE_URL : null,
	'versions'         => array_merge(
		array(
			'wordpress'   => get_bloginfo( 'version' ),
			'woocommerce' => WC()->version,
			'php'         => PHP_VERSION,
			'mariadb'     => $GLOBALS['wpdb']->db_server_info(),
			'theme'       => $theme->get( 'Version' ),
			'plugin'      => $plugin['version'],
		),
		pvp_store_env_json( 'PVP_VERSIONS_JSON', array() )
	),
	'product_id'       => $product_id,
	'product'          => array(
		'id'    => $product_id,
		'sku'   => 'ACC-TEST-100',
		'name'  => $product ? $product->get_name() : null,
		'price' => $product ? $product->get_price() : null,
		'url'   => $product ? get_permalink( $product_id ) : null,
	),
	'pages'            => $pages,
	'hpos'             => array(
		'enabled' => OrderUtil::custom_orders_table_usage_is_enabled(),
		'sync'    => 'yes' === get_option( 'woocommerce_custom_orders_table_data_sync_enabled' ),
	),
	'currency'         => get_woocommerce_currency(),
	'base_country'     => get_option( 'woocommerce_default_country' ),
	'theme'            => $theme->get_stylesheet(),
	'gateways_enabled' => $enabled,
	'plugin'           => $plugin,
	'admin'            => array(
		'user'      => 'admin',
		'password'  => 'password',
		'email'     => 'admin@example.com',
		'login_url' => $site . '/wp-login.php',
	),
	'customer'         => array(
		'user'          => 'customer',
		'password'      => 'password',
		'email'         => 'customer@example.com',
		'billing_phone' => '+254708374149',
	),
	'paths'            => array(
		'store_dir' => pvp_store_env( 'PVP_STORE_DIR' ),
		'docroot'   => untrailingslashit( ABSPATH ),
		'logs'      => pvp_store_env( 'PVP_LOG_DIR' ),
		'debug_log' => pvp_store_env( 'PVP_DEBUG_LOG' ),
		'mail_log'  => pvp_store_env( 'PVP_MAIL_LOG' ),
	),
	'timings'          => pvp_store_env_json( 'PVP_TIMINGS_JSON', new stdClass() ),
);

$file = pvp_store_env( 'PVP_STATUS_FILE' );
file_put_contents( $file . '.tmp', wp_json_encode( $status, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES ) . "\n" );
rename( $file . '.tmp', $file );
pvp_store_say( "status written: $file" );
pvp_store_done();
