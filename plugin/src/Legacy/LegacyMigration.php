<?php
/**
 * One-time upgrade steps from Pay via ProxyAPI 2.2.7.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Legacy;

use PayViaProxyApi\Hookable;
use PayViaProxyApi\Logging\Logger;
use PayViaProxyApi\Settings\AccountDueDate;

/**
 * Runs on the first admin page load after an install or upgrade, recorded in the option `pvp_db_version`.
 * The gateway settings need nothing (same gateway id, same option); order meta needs nothing (same keys).
 * Only 2.2.7's due-date file moves, into the option `pvp_account_due_date`. The file itself stays where
 * it is: it belongs to the 2.2.7 plugin directory, which WordPress removes when 2.2.7 is deleted.
 */
final class LegacyMigration implements Hookable {

	public const VERSION_OPTION = 'pvp_db_version';

	/** Bump when a new upgrade step is added. */
	public const DB_VERSION = '3.0.0';

	/**
	 * @param AccountDueDate $due         Due date option owner.
	 * @param string         $plugins_dir Where 2.2.7 may be installed (WP_PLUGIN_DIR).
	 * @param Logger         $logger      Redacting logger.
	 */
	public function __construct( private AccountDueDate $due, private string $plugins_dir, private Logger $logger ) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( 'admin_init', array( $this, 'maybe_migrate' ) );
	}

	/**
	 * @return bool Whether the steps ran now.
	 */
	public function maybe_migrate(): bool {
		if ( version_compare( (string) get_option( self::VERSION_OPTION, '0' ), self::DB_VERSION, '>=' ) ) {
			return false;
		}
		$this->migrate_due_date();
		update_option( self::VERSION_OPTION, self::DB_VERSION );
		return true;
	}

	/**
	 * Keeps the latest date found (AccountDueDate never moves it back).
	 */
	private function migrate_due_date(): void {
		foreach ( LegacySettingsFile::find( $this->plugins_dir ) as $path ) {
			$due = LegacySettingsFile::read_due_date( $path );
			if ( null !== $due && $this->due->record( $due, time() ) ) {
				$this->logger->info( 'ProxyAPI due date migrated from Pay via ProxyAPI 2.2.7.', array( 'file' => basename( dirname( $path ) ) . '/' . LegacySettingsFile::NAME ) );
			}
		}
	}
}
