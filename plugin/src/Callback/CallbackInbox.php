<?php
/**
 * Accepted callbacks, kept until settled: the table {prefix}pvp_callback_inbox.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Callback;

use PayViaProxyApi\Hookable;
use PayViaProxyApi\Payment\PaymentResult;
use PayViaProxyApi\Storage\VersionedTable;

/**
 * A callback is written here, authenticated and parsed, before the provider hears "accepted"; settling it
 * can then happen after the answer and be repeated after a crash without ever losing the payment. Rows stay
 * after settling, with the outcome and times, as a record of every callback the store accepted; the result
 * itself (payer's number and name) is dropped once the order holds it.
 *
 * Created when pvp_callback_inbox_db_version is older than VERSION (Storage\VersionedTable).
 */
final class CallbackInbox implements Hookable {

	/** Table name without the site prefix. */
	public const NAME = 'pvp_callback_inbox';

	/** Schema version; raise it with every schema change. */
	public const VERSION = '1';

	public const VERSION_OPTION = 'pvp_callback_inbox_db_version';

	/** Outcome of an entry the settlement refused (it belongs to no attempt any more): never retried. */
	public const REFUSED = 'refused';

	/** Outcome of a row that cannot be read back: kept for a person to look at, never retried. */
	public const DAMAGED = 'damaged';

	/** The table (created when its version is behind). */
	private VersionedTable $table;

	/**
	 * @param \wpdb $wpdb Database.
	 */
	public function __construct( private \wpdb $wpdb ) {
		// "pending" serves the drain (oldest unsettled first), "order_pending" the reconciliation of one order.
		$this->table = new VersionedTable( $wpdb, self::NAME, self::VERSION, self::VERSION_OPTION, "id bigint(20) unsigned NOT NULL AUTO_INCREMENT, order_id bigint(20) unsigned NOT NULL, request_id varchar(64) NOT NULL, result longtext NOT NULL, received_at bigint(20) unsigned NOT NULL DEFAULT 0, settled_at bigint(20) unsigned NOT NULL DEFAULT 0, outcome varchar(32) NOT NULL DEFAULT '', tries smallint(5) unsigned NOT NULL DEFAULT 0, PRIMARY KEY (id), KEY pending (settled_at,id), KEY order_pending (order_id,settled_at)" );
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
	 * @param int           $order_id   Order from the URL.
	 * @param string        $request_id Attempt the token vouched for.
	 * @param PaymentResult $result     Parsed body.
	 * @param int           $now        Epoch seconds.
	 * @return InboxEntry The entry as written.
	 * @throws \RuntimeException When the row could not be written: the caller must not answer "accepted".
	 */
	public function add( int $order_id, string $request_id, PaymentResult $result, int $now ): InboxEntry {
		$written = $this->wpdb->insert(
			$this->name(),
			array(
				'order_id'    => $order_id,
				'request_id'  => $request_id,
				'result'      => (string) wp_json_encode( $result->to_array() ),
				'received_at' => $now,
			),
			array( '%d', '%s', '%s', '%d' )
		);
		if ( 1 !== $written ) {
			throw new \RuntimeException( 'The callback could not be recorded.' );
		}
		return new InboxEntry( (int) $this->wpdb->insert_id, $order_id, $request_id, $result );
	}

	/**
	 * @param int $after     Only rows with a larger id (the drain's cursor).
	 * @param int $max_tries Leave out rows tried this often.
	 * @param int $limit     How many.
	 * @return list<object> Unsettled rows, oldest first (raw: read them with entry()).
	 */
	public function pending_after( int $after, int $max_tries, int $limit ): array {
		return $this->rows( $this->wpdb->prepare( "SELECT * FROM {$this->name()} WHERE settled_at = 0 AND id > %d AND tries < %d ORDER BY id LIMIT %d", $after, $max_tries, $limit ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
	}

	/**
	 * @param int $order_id Order.
	 * @return list<object> The order's unsettled rows, oldest first.
	 */
	public function pending_for_order( int $order_id ): array {
		return $this->rows( $this->wpdb->prepare( "SELECT * FROM {$this->name()} WHERE order_id = %d AND settled_at = 0 ORDER BY id", $order_id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
	}

	/**
	 * @param object $row A row of this table.
	 * @return InboxEntry
	 * @throws \InvalidArgumentException When the stored result cannot be read.
	 */
	public static function entry( object $row ): InboxEntry {
		$fields = json_decode( (string) $row->result, true );
		if ( ! is_array( $fields ) ) {
			throw new \InvalidArgumentException( 'A stored callback is not readable.' );
		}
		return new InboxEntry( (int) $row->id, (int) $row->order_id, (string) $row->request_id, PaymentResult::from_array( $fields ) );
	}

	/**
	 * @param int    $id      Entry id.
	 * @param string $outcome Decision action, REFUSED or DAMAGED.
	 * @param int    $now     Epoch seconds.
	 */
	public function mark_settled( int $id, string $outcome, int $now ): void {
		// The order now holds what the result said; the payer's number and name are not kept twice. A damaged row
		// keeps its text for a person to read.
		$fields = array(
			'settled_at' => max( 1, $now ),
			'outcome'    => $outcome,
		);
		if ( self::DAMAGED !== $outcome ) {
			$fields['result'] = '';
		}
		$this->wpdb->update( $this->name(), $fields, array( 'id' => $id ), null, array( '%d' ) );
	}

	/**
	 * Counts a try that could not settle (the order was locked too long); the entry stays pending.
	 *
	 * @param int $id Entry id.
	 */
	public function mark_tried( int $id ): void {
		$this->wpdb->query( $this->wpdb->prepare( "UPDATE {$this->name()} SET tries = tries + 1 WHERE id = %d", $id ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table name.
	}

	/**
	 * @param string|null $sql Prepared query.
	 * @return list<object>
	 */
	private function rows( ?string $sql ): array {
		$rows = null === $sql ? null : $this->wpdb->get_results( $sql ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.DirectDatabaseQuery -- prepared by the caller; a queue.
		return is_array( $rows ) ? array_values( $rows ) : array();
	}
}
