<?php
/**
 * Loads the running local store (tools/store) for the integration suite: real WordPress, WooCommerce,
 * MariaDB and this plugin as deployed. tests/e2e/run.sh starts the store and sets PVP_STORE_DIR/URL.
 *
 * @package PayViaProxyApi\Tests
 */

declare( strict_types=1 );

$pvp_store_dir = getenv( 'PVP_STORE_DIR' );
$pvp_store_url = getenv( 'PVP_STORE_URL' );
if ( ! $pvp_store_dir || ! $pvp_store_url || ! is_readable( $pvp_store_dir . '/www/wp-load.php' ) ) {
	fwrite( STDERR, "The integration suite needs the local store: run it through tests/e2e/run.sh.\n" );
	exit( 1 );
}

$pvp_url_parts              = parse_url( $pvp_store_url );
$_SERVER['HTTP_HOST']       = $pvp_url_parts['host'] . ':' . $pvp_url_parts['port'];
$_SERVER['SERVER_NAME']     = $pvp_url_parts['host'];
$_SERVER['SERVER_PORT']     = (string) $pvp_url_parts['port'];
$_SERVER['REQUEST_URI']     = '/';
$_SERVER['REQUEST_METHOD']  = 'GET';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REMOTE_ADDR']     = '127.0.0.1';

define( 'DISABLE_WP_CRON', true );
require $pvp_store_dir . '/www/wp-load.php';
