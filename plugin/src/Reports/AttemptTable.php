<?php
/**
 * The report's index of payment attempts: the table {prefix}pvp_attempts, its schema and its upgrades.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Reports;

use PayViaProxyApi\Hookable;

/**
 * Attempts live serialised in order meta, which SQL cannot filter, sort or search. This table is an indexed
 * copy, one row per attempt; the order meta stays the truth and the table can be rebuilt from it at any time.
 * Created with dbDelta when pvp_attempts_db_version is older than VERSION (a new install, or an update that
 * changes the schema), checked on every request because plugin updates do not run activation hooks.
 */
final class AttemptTable implements Hookable {

	/** Table name without the site prefix. */
	public const NAME = 'pvp_attempts';

	/** Schema version; raise it with every schema change (2: the summary's covering index). */
	public const VERSION = '2';

	public const VERSION_OPTION = 'pvp_attempts_db_version';

	/**
	 * @param \wpdb           $wpdb     Database.
	 * @param AttemptBackfill $backfill Fills the table from existing orders after it is created.
	 */
	public function __construct( private \wpdb $wpdb, private AttemptBackfill $backfill ) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		// After Action Scheduler has initialised (init, priority 1), so the backfill can be queued.
		add_action( 'init', array( $this, 'maybe_upgrade' ), 20 );
	}

	/**
	 * @return string The full table name.
	 */
	public function name(): string {
		return $this->wpdb->prefix . self::NAME;
	}

	/**
	 * Creates or updates the table when its schema version is behind, then queues the backfill.
	 */
	public function maybe_upgrade(): void {
		if ( self::VERSION === get_option( self::VERSION_OPTION ) ) {
			return;
		}
		$this->install();
		// Autoloaded: read on every request by the check above.
		update_option( self::VERSION_OPTION, self::VERSION, true );
		$this->backfill->schedule();
	}

	/**
	 * Creates the table or brings it to the current schema (dbDelta only adds; it never drops data).
	 */
	public function install(): void {
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		dbDelta( $this->schema() );
	}

	/**
	 * One index per way the report reads: period and date order (created_at), status and amount order within a
	 * period, exact or prefix search by receipt, phone and CheckoutRequestID, and the summary, whose index holds
	 * every column it reads so counting a year of attempts never touches the rows. dbDelta needs this exact
	 * layout (one column per line, two spaces after PRIMARY KEY).
	 *
	 * @return string CREATE TABLE statement.
	 */
	public function schema(): string {
		$charset = $this->wpdb->get_charset_collate();
		return "CREATE TABLE {$this->name()} (
id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
order_id bigint(20) unsigned NOT NULL,
order_number varchar(40) NOT NULL DEFAULT '',
request_id varchar(64) NOT NULL DEFAULT '',
merchant_request_id varchar(64) NOT NULL DEFAULT '',
checkout_request_id varchar(64) NOT NULL DEFAULT '',
receipt varchar(32) NOT NULL DEFAULT '',
phone varchar(32) NOT NULL DEFAULT '',
amount bigint(20) unsigned NOT NULL DEFAULT 0,
status varchar(16) NOT NULL DEFAULT '',
result_code varchar(32) NOT NULL DEFAULT '',
result_desc varchar(255) NOT NULL DEFAULT '',
created_at bigint(20) unsigned NOT NULL DEFAULT 0,
settled_at bigint(20) unsigned NOT NULL DEFAULT 0,
reconciliation varchar(16) NOT NULL DEFAULT '',
order_outcome varchar(16) NOT NULL DEFAULT '',
legacy tinyint(1) unsigned NOT NULL DEFAULT 0,
PRIMARY KEY  (id),
UNIQUE KEY order_request (order_id,request_id),
KEY created_at (created_at),
KEY status_created (status,created_at),
KEY amount_created (amount,created_at),
KEY summary (created_at,order_outcome,order_id,status,amount),
KEY checkout_request_id (checkout_request_id),
KEY receipt (receipt),
KEY phone (phone)
) {$charset};";
	}
}
