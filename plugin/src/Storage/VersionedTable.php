<?php
/**
 * One of the plugin's own tables, created on first use and recreated when its schema version moves on.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Storage;

/**
 * Plugin updates do not run activation hooks, so the schema version (an autoloaded option) is checked on every
 * request and the table created when it is behind. CREATE TABLE IF NOT EXISTS, because two requests may race
 * here; a later schema version adds its own ALTER TABLE.
 */
final class VersionedTable {

	/**
	 * @param \wpdb  $wpdb           Database.
	 * @param string $name           Table name without the site prefix.
	 * @param string $version        Schema version; raise it with every schema change.
	 * @param string $version_option Option that holds the installed version.
	 * @param string $definition     What goes between the parentheses of CREATE TABLE (fixed SQL, no input).
	 */
	public function __construct(
		private \wpdb $wpdb,
		private string $name,
		private string $version,
		private string $version_option,
		private string $definition
	) {
	}

	/**
	 * @return string The full table name.
	 */
	public function name(): string {
		return $this->wpdb->prefix . $this->name;
	}

	/**
	 * Creates the table when its schema version is behind.
	 */
	public function maybe_install(): void {
		if ( $this->version === get_option( $this->version_option ) ) {
			return;
		}
		$charset = $this->wpdb->get_charset_collate();
		$this->wpdb->query( "CREATE TABLE IF NOT EXISTS {$this->name()} ( {$this->definition} ) {$charset}" ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- fixed SQL of this plugin.
		// Autoloaded: read on every request by the check above.
		update_option( $this->version_option, $this->version, true );
	}
}
