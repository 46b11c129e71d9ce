<?php
/**
 * Load WordPress for a CLI setup step. Include this from a script's top level, never from inside a function:
 * wp-settings.php and plugin main files expect their top-level variables to be globals.
 *
 * Set $pvp_store_installing = true before including it for the install step (WP_INSTALLING).
 *
 * @package PayViaProxyAPI\LocalStore
 */

require_once __DIR__ . '/bootstrap.php';

$pvp_store_url = pvp_store_parse_url( pvp_store_env( 'PVP_SITE_URL' ) );

// wp_guess_url(), the rewrite code and WooCommerce read these; make them describe the real site.
$_SERVER['HTTP_HOST']       = $pvp_store_url['host'] . ':' . $pvp_store_url['port'];
$_SERVER['SERVER_NAME']     = $pvp_store_url['host'];
$_SERVER['SERVER_PORT']     = (string) $pvp_store_url['port'];
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['REQUEST_METHOD']  = 'GET';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REMOTE_ADDR']     = '127.0.0.1';
$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['PHP_SELF']        = '/index.php';

if ( ! empty( $pvp_store_installing ) ) {
	define( 'WP_INSTALLING', true );
}
// This process must not fire loopback cron requests; the web server runs cron.
define( 'DISABLE_WP_CRON', true );

require_once rtrim( pvp_store_env( 'PVP_DOCROOT' ), '/' ) . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
