<?php
/**
 * Where the plugin lives and which version it is.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi;

/**
 * Paths and URLs of the installed plugin, so no class needs __FILE__ tricks.
 */
final class Context {

	/**
	 * @param string $main_file Absolute path of pay-via-proxyapi.php.
	 * @param string $version   Plugin version, used to bust asset caches.
	 */
	public function __construct( private string $main_file, private string $version ) {
	}

	/**
	 * @return string Plugin version.
	 */
	public function version(): string {
		return $this->version;
	}

	/**
	 * @return string Absolute path of the main plugin file.
	 */
	public function main_file(): string {
		return $this->main_file;
	}

	/**
	 * @param string $relative Path inside the plugin directory.
	 * @return string Absolute path.
	 */
	public function path( string $relative = '' ): string {
		return plugin_dir_path( $this->main_file ) . ltrim( $relative, '/' );
	}

	/**
	 * @param string $relative Path inside the plugin directory.
	 * @return string Public URL.
	 */
	public function url( string $relative = '' ): string {
		return plugins_url( ltrim( $relative, '/' ), $this->main_file );
	}
}
