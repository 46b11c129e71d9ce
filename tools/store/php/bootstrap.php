<?php
/**
 * Shared start of every setup script: read the environment store.sh passes, fake the request globals so
 * WordPress sees the real site, and offer small helpers. Each setup step runs in its own PHP process
 * (see tools/store/README.md for why).
 *
 * @package PayViaProxyAPI\LocalStore
 */

if ( PHP_SAPI !== 'cli' ) {
	exit( 1 );
}

/**
 * A required environment variable.
 *
 * @param string $name Variable name.
 * @return string
 */
function pvp_store_env( $name ) {
	$value = getenv( $name );
	if ( false === $value || '' === $value ) {
		pvp_store_fail( "environment variable $name is not set" );
	}
	return $value;
}

/**
 * Print one line of progress.
 *
 * @param string $message Message.
 */
function pvp_store_say( $message ) {
	fwrite( STDOUT, $message . "\n" );
}

/**
 * Stop with an error (store.sh shows it and fails the step).
 *
 * @param string $message Message.
 */
function pvp_store_fail( $message ) {
	fwrite( STDERR, 'ERROR: ' . $message . "\n" );
	exit( 1 );
}

/**
 * The step finished. store.sh requires this marker: WordPress's own fatal paths (wp_die, dead_db) can end
 * the process with exit status 0, so a zero status alone proves nothing.
 */
function pvp_store_done() {
	fwrite( STDOUT, "PVP-STORE-OK\n" );
	exit( 0 );
}

/**
 * parse_url() for the site URL, before WordPress is loaded.
 *
 * @param string $url URL like http://127.0.0.1:8889.
 * @return array{host:string,port:int}
 */
function pvp_store_parse_url( $url ) {
	$parts = parse_url( $url ); // phpcs:ignore WordPress.WP.AlternativeFunctions.parse_url_parse_url -- WordPress is not loaded yet.
	if ( ! is_array( $parts ) || empty( $parts['host'] ) ) {
		pvp_store_fail( "bad site URL: $url" );
	}
	return array(
		'host' => $parts['host'],
		'port' => isset( $parts['port'] ) ? (int) $parts['port'] : 80,
	);
}
