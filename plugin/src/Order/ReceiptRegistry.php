<?php
/**
 * Which order each M-Pesa receipt paid: the table {prefix}pvp_receipts with a UNIQUE key on the receipt.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Order;

use PayViaProxyApi\Hookable;
use PayViaProxyApi\Storage\VersionedTable;

/**
 * "The same M-Pesa receipt can never pay two orders." Settlement claims a receipt under the order's lock
 * before it completes the order. The claim is one INSERT against a UNIQUE key, so it is atomic across
 * orders (two settlements of two different orders hold two different order locks): the database lets
 * exactly one order own a receipt. Claiming again for the same order is a no-op, because one payment
 * arrives twice (stkCallback and pvpCallback) and a settlement may be retried.
 *
 * Created when pvp_receipts_db_version is older than VERSION (Storage\VersionedTable). Receipts settled before the table existed are not in it; the
 * upgrade from 2.2.7 can claim them with claim().
 */
final class ReceiptRegistry implements Hookable {

	/** Table name without the site prefix. */
	public const NAME = 'pvp_receipts';

	/** Schema version; raise it with every schema change. */
	public const VERSION = '1';

	public const VERSION_OPTION = 'pvp_receipts_db_version';

	/** Returned by claim() when the registry cannot answer: the caller must not treat the receipt as free. */
	public const UNKNOWN_OWNER = 0;

	/** The table (created when its version is behind). */
	private VersionedTable $table;

	/**
	 * @param \wpdb $wpdb Database.
	 */
	public function __construct( private \wpdb $wpdb ) {
		$this->table = new VersionedTable( $wpdb, self::NAME, self::VERSION, self::VERSION_OPTION, 'receipt varchar(32) NOT NULL, order_id bigint(20) unsigned NOT NULL, created_at bigint(20) unsigned NOT NULL DEFAULT 0, PRIMARY KEY (receipt), KEY order_id (order_id)' );
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( 'init', array( $this->table, 'maybe_install' ), 5 );
	}

	/**
	 * @return string The full table name.
	 */
	public function name(): string {
		return $this->table->name();
	}

	/**
	 * Records that $receipt paid $order_id, unless another order already owns it.
	 *
	 * @param string $receipt  M-Pesa receipt (already validated by the parser: A-Z and 0-9).
	 * @param int    $order_id The order it would pay.
	 * @return int|null Null when the receipt now belongs to $order_id (newly or already); otherwise the id
	 *                  of the order that owns it, or UNKNOWN_OWNER when the registry could not be read.
	 */
	public function claim( string $receipt, int $order_id ): ?int {
		// INSERT IGNORE: a duplicate key is an answer here, not an error worth a log line.
		$inserted = $this->wpdb->query(
			$this->wpdb->prepare( "INSERT IGNORE INTO {$this->name()} (receipt, order_id, created_at) VALUES (%s, %d, %d)", $receipt, $order_id, time() ) // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the table name is ours.
		);
		if ( 1 === $inserted ) {
			return null;
		}
		$owner = $this->owner( $receipt );
		if ( null === $owner ) {
			return self::UNKNOWN_OWNER;
		}
		return $owner === $order_id ? null : $owner;
	}

	/**
	 * @param string $receipt M-Pesa receipt.
	 * @return int|null The order that owns it, or null when none does.
	 */
	public function owner( string $receipt ): ?int {
		$owner = $this->wpdb->get_var( $this->wpdb->prepare( "SELECT order_id FROM {$this->name()} WHERE receipt = %s", $receipt ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the table name is ours.
		return null === $owner ? null : (int) $owner;
	}
}
