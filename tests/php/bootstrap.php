<?php
/**
 * PHPUnit bootstrap.
 *
 * The unit suite loads only the plugin's autoloader: domain classes must not need WordPress.
 * The integration suite loads the local store (PVP_STORE_DIR) through tests/php/Integration/bootstrap-store.php.
 *
 * @package PayViaProxyApi\Tests
 */

declare( strict_types=1 );

error_reporting( E_ALL );

spl_autoload_register(
	static function ( string $class_name ): void {
		$prefix = 'PayViaProxyApi\\Tests\\';
		if ( 0 === strpos( $class_name, $prefix ) ) {
			$file = __DIR__ . '/' . str_replace( '\\', '/', substr( $class_name, strlen( $prefix ) ) ) . '.php';
			if ( is_readable( $file ) ) {
				require_once $file;
			}
		}
	}
);

if ( getenv( 'PVP_PHPUNIT_SUITE' ) === 'integration' ) {
	require __DIR__ . '/Integration/bootstrap-store.php';
} else {
	require dirname( __DIR__, 2 ) . '/plugin/src/autoload.php';
}
