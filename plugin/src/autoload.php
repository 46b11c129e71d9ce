<?php
/**
 * PSR-4 autoloader for the PayViaProxyApi\ namespace, so the shipped plugin needs no Composer at run time.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

spl_autoload_register(
	static function ( string $class_name ): void {
		$prefix = 'PayViaProxyApi\\';
		if ( 0 !== strpos( $class_name, $prefix ) ) {
			return;
		}
		$relative = str_replace( '\\', '/', substr( $class_name, strlen( $prefix ) ) );
		$file     = __DIR__ . '/' . $relative . '.php';
		if ( is_readable( $file ) ) {
			require_once $file;
		}
	}
);
