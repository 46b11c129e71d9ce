<?php
/**
 * Write wp-config.php from tools/store/templates/wp-config.php.in. Runs on every start (the ports may have
 * changed); the salts are generated once into a file of their own so sessions survive a restart.
 *
 * @package PayViaProxyAPI\LocalStore
 */

require __DIR__ . '/bootstrap.php';

$docroot    = rtrim( pvp_store_env( 'PVP_DOCROOT' ), '/' );
$salts_file = pvp_store_env( 'PVP_SALTS_FILE' );

if ( ! is_file( $salts_file ) ) {
	$alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#%()*+,-./:;<=>?@[]^_{|}~';
	$lines    = "<?php\n// Generated once by tools/store/store.sh for the local test store.\n";
	foreach ( array( 'AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT' ) as $name ) {
		$salt = '';
		for ( $i = 0; $i < 64; $i++ ) {
			$salt .= $alphabet[ random_int( 0, strlen( $alphabet ) - 1 ) ];
		}
		$lines .= 'define( ' . var_export( $name, true ) . ', ' . var_export( $salt, true ) . " );\n"; // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_var_export
	}
	file_put_contents( $salts_file . '.tmp', $lines );
	chmod( $salts_file . '.tmp', 0600 );
	rename( $salts_file . '.tmp', $salts_file );
}

$values = array(
	'DB_HOST'      => 'localhost:' . pvp_store_env( 'PVP_DB_SOCKET' ),
	'SALTS_FILE'   => $salts_file,
	'SITE_URL'     => pvp_store_env( 'PVP_SITE_URL' ),
	'API_BASE_URL' => pvp_store_env( 'PVP_API_BASE_URL' ),
	'DEBUG_LOG'    => pvp_store_env( 'PVP_DEBUG_LOG' ),
	'MAIL_LOG'     => pvp_store_env( 'PVP_MAIL_LOG' ),
);

$config = file_get_contents( dirname( __DIR__ ) . '/templates/wp-config.php.in' );
foreach ( $values as $key => $value ) {
	// var_export() gives a correctly quoted PHP string literal whatever the path contains.
	$config = str_replace( '@@' . $key . '@@', var_export( $value, true ), $config ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_var_export
}
if ( false !== strpos( $config, '@@' ) ) {
	pvp_store_fail( 'wp-config template has an unreplaced placeholder' );
}

$target = $docroot . '/wp-config.php';
if ( ! is_file( $target ) || file_get_contents( $target ) !== $config ) {
	file_put_contents( $target . '.tmp', $config );
	chmod( $target . '.tmp', 0640 );
	rename( $target . '.tmp', $target );
	pvp_store_say( 'wp-config.php written' );
} else {
	pvp_store_say( 'wp-config.php unchanged' );
}
pvp_store_done();
