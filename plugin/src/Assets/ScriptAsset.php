<?php
/**
 * Registers a built script (and its stylesheet) from build/<entry>.js and its dependency manifest.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Assets;

use PayViaProxyApi\Context;

/**
 * The one place assets are registered: dependencies and version come from the build's *.asset.php, so
 * React, WordPress and WooCommerce packages are loaded by WordPress, never bundled.
 */
final class ScriptAsset {

	/**
	 * @param Context $context Plugin paths.
	 */
	public function __construct( private Context $context ) {
	}

	/**
	 * @param string $entry Webpack entry name, e.g. checkout-block.
	 * @return string Its script (and style) handle.
	 */
	public static function handle( string $entry ): string {
		return 'pay-via-proxyapi-' . $entry;
	}

	/**
	 * @param string $entry Webpack entry name, e.g. checkout-block.
	 * @return string The script handle, pay-via-proxyapi-<entry>; '' when the build is missing.
	 */
	public function register( string $entry ): string {
		$handle   = self::handle( $entry );
		$manifest = $this->context->path( "build/{$entry}.asset.php" );
		if ( wp_script_is( $handle, 'registered' ) ) {
			return $handle;
		}
		if ( ! is_readable( $manifest ) ) {
			return '';
		}
		$asset = require $manifest;
		wp_register_script( $handle, $this->context->url( "build/{$entry}.js" ), $asset['dependencies'] ?? array(), $asset['version'] ?? $this->context->version(), true );
		wp_set_script_translations( $handle, 'pay-via-proxyapi', $this->context->path( 'languages' ) );
		if ( is_readable( $this->context->path( "build/{$entry}.css" ) ) ) {
			wp_register_style( $handle, $this->context->url( "build/{$entry}.css" ), array(), $asset['version'] ?? $this->context->version() );
		}
		return $handle;
	}
}
