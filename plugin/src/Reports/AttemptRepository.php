<?php
/**
 * Every SQL statement on the attempts index table.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Reports;

/**
 * The one class that knows the table's SQL. Values always go through $wpdb->prepare(); column names and
 * sort directions come from allow-lists (IndexRows' keys, ReportQuery::ORDER_BY).
 *
 * phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the table name is ours, never input.
 * phpcs:disable WordPress.DB.DirectDatabaseQuery -- an index table of our own; WordPress has no API for it.
 */
final class AttemptRepository {

	/** Columns a report row carries, in table order. */
	private const COLUMNS = array( 'order_id', 'order_number', 'request_id', 'merchant_request_id', 'checkout_request_id', 'receipt', 'phone', 'amount', 'status', 'result_code', 'result_desc', 'created_at', 'settled_at', 'reconciliation', 'order_outcome', 'legacy' );

	private const INTEGER_COLUMNS = array( 'order_id', 'amount', 'created_at', 'settled_at', 'legacy' );

	/** Largest IN (...) list sent in one statement. */
	private const IN_BATCH = 500;

	/**
	 * @param \wpdb  $wpdb  Database.
	 * @param string $table Full table name (AttemptTable::name()).
	 */
	public function __construct( private \wpdb $wpdb, private string $table ) {
	}

	/**
	 * Makes the order's rows exactly the given ones: upserts each (keyed by order and RequestID) and removes
	 * rows of attempts the order no longer has.
	 *
	 * @param int                                   $order_id Order.
	 * @param array<int, array<string, int|string>> $rows     IndexRows::for_order() output.
	 */
	public function replace_order( int $order_id, array $rows ): void {
		$keep = array_map( static fn ( array $row ): string => (string) $row['request_id'], $rows );
		if ( array() === $keep ) {
			$this->delete_order( $order_id );
			return;
		}
		$this->wpdb->query( $this->wpdb->prepare( "DELETE FROM {$this->table} WHERE order_id = %d AND request_id NOT IN (" . self::placeholders( $keep, '%s' ) . ')', array_merge( array( $order_id ), $keep ) ) );

		$values = array();
		$args   = array();
		foreach ( $rows as $row ) {
			$formats = array();
			foreach ( self::COLUMNS as $column ) {
				$formats[] = in_array( $column, self::INTEGER_COLUMNS, true ) ? '%d' : '%s';
				$args[]    = $row[ $column ];
			}
			$values[] = '(' . implode( ', ', $formats ) . ')';
		}
		$updates = implode( ', ', array_map( static fn ( string $column ): string => "{$column} = VALUES({$column})", self::COLUMNS ) );
		$this->wpdb->query( $this->wpdb->prepare( "INSERT INTO {$this->table} (" . implode( ', ', self::COLUMNS ) . ') VALUES ' . implode( ', ', $values ) . " ON DUPLICATE KEY UPDATE {$updates}", $args ) );
	}

	/**
	 * @param int $order_id A deleted order.
	 */
	public function delete_order( int $order_id ): void {
		$this->wpdb->query( $this->wpdb->prepare( "DELETE FROM {$this->table} WHERE order_id = %d", $order_id ) );
	}

	/**
	 * Empties the table (a rebuild refills it from the orders).
	 */
	public function clear(): void {
		$this->wpdb->query( "DELETE FROM {$this->table}" );
	}

	/**
	 * @param ReportQuery $query Filters, sorting and page.
	 * @return array{rows: array<int, array<string, int|string>>, total: int}
	 */
	public function page( ReportQuery $query ): array {
		[ $where, $args ] = $query->where();
		$total            = (int) $this->wpdb->get_var( $this->wpdb->prepare( "SELECT COUNT(*) FROM {$this->table} WHERE {$where}", $args ) );
		return array(
			'rows'  => $this->select( $where, $args, $query->order_by(), $query->per_page, $query->offset() ),
			'total' => $total,
		);
	}

	/**
	 * Calls $each with successive batches of every row matching the query (all pages), so a CSV export of
	 * any size runs in bounded memory and time proportional to its size.
	 *
	 * @param ReportQuery $query Filters and sorting (its page is ignored).
	 * @param int         $batch Rows per batch.
	 * @param callable    $each  Receives array<int, array<string, int|string>>.
	 */
	public function each( ReportQuery $query, int $batch, callable $each ): void {
		[ $where, $args ] = $query->where();
		$rows             = $this->select( $where, $args, $query->order_by(), $batch, 0 );
		while ( array() !== $rows ) {
			$each( $rows );
			if ( count( $rows ) < $batch ) {
				return;
			}
			// Continue after the last row by its sort key, not by OFFSET: each batch costs the same.
			[ $after, $after_args ] = $query->after( end( $rows ) );
			$rows                   = $this->select( "{$where} AND {$after}", array_merge( $args, $after_args ), $query->order_by(), $batch, 0 );
		}
	}

	/**
	 * Orders per outcome in the period, attempts, and KES received by paid attempts. An order counts once
	 * (all its rows carry the same outcome).
	 *
	 * @param ReportPeriod $period Date range.
	 * @return array<int, array{outcome: string, orders: int|string, attempts: int|string, amount: int|string|null}>
	 */
	public function summary_buckets( ReportPeriod $period ): array {
		$sql = "SELECT order_outcome AS outcome, COUNT(DISTINCT order_id) AS orders, COUNT(*) AS attempts,
			SUM(CASE WHEN status = 'paid' THEN amount ELSE 0 END) AS amount
			FROM {$this->table} WHERE created_at BETWEEN %d AND %d GROUP BY order_outcome";
		/** @var array<int, array{outcome: string, orders: int|string, attempts: int|string, amount: int|string|null}> $rows */
		$rows = (array) $this->wpdb->get_results( $this->wpdb->prepare( $sql, $period->from, $period->to ), 'ARRAY_A' );
		return $rows;
	}

	/**
	 * @param string[] $checkout_request_ids CheckoutRequestIDs.
	 * @return array<string, array<string, int|string>> The rows with those ids, keyed by id.
	 */
	public function by_checkout_ids( array $checkout_request_ids ): array {
		$found = array();
		foreach ( array_chunk( array_values( array_unique( array_filter( $checkout_request_ids ) ) ), self::IN_BATCH ) as $ids ) {
			foreach ( $this->select( 'checkout_request_id IN (' . self::placeholders( $ids, '%s' ) . ')', $ids, 'id ASC', count( $ids ) * 2, 0 ) as $row ) {
				$found[ (string) $row['checkout_request_id'] ] = $row;
			}
		}
		return $found;
	}

	/**
	 * @param ReportPeriod $period Date range.
	 * @param int          $limit  Most rows returned.
	 * @return array<int, array<string, int|string>> Paid attempts in the period, newest first.
	 */
	public function paid_between( ReportPeriod $period, int $limit ): array {
		return $this->select( "status = 'paid' AND created_at BETWEEN %d AND %d", array( $period->from, $period->to ), 'created_at DESC, id DESC', $limit, 0 );
	}

	/**
	 * @param int $order_id Order.
	 * @return array<int, array<string, int|string>> Its rows, oldest first.
	 */
	public function for_order( int $order_id ): array {
		return $this->select( 'order_id = %d', array( $order_id ), 'created_at ASC, id ASC', 1000, 0 );
	}

	/**
	 * @param string                $where   Condition with placeholders.
	 * @param array<int, int|string> $args    Its arguments.
	 * @param string                $order   ORDER BY body from an allow-list.
	 * @param int                   $limit   Rows.
	 * @param int                   $offset  Rows skipped.
	 * @return array<int, array<string, int|string>> Rows with integer columns as integers.
	 */
	private function select( string $where, array $args, string $order, int $limit, int $offset ): array {
		// The page's ids are found from the indexes alone, then only those rows are read: with a plain
		// LIMIT … OFFSET the database would read every skipped row in full, so deep pages would slow down.
		$sql  = 'SELECT id, ' . implode( ', ', self::COLUMNS ) . " FROM {$this->table}
			INNER JOIN ( SELECT id AS page_id FROM {$this->table} WHERE {$where} ORDER BY {$order} LIMIT %d OFFSET %d ) page ON page.page_id = id
			ORDER BY {$order}";
		$rows = $this->wpdb->get_results( $this->wpdb->prepare( $sql, array_merge( $args, array( $limit, $offset ) ) ), 'ARRAY_A' );
		return array_map( array( self::class, 'typed' ), is_array( $rows ) ? $rows : array() );
	}

	/**
	 * @param array<string, mixed> $row A row as MySQL returns it (every value a string).
	 * @return array<string, int|string>
	 */
	private static function typed( array $row ): array {
		foreach ( $row as $column => $value ) {
			$row[ $column ] = 'id' === $column || in_array( $column, self::INTEGER_COLUMNS, true ) ? (int) $value : (string) $value;
		}
		return $row;
	}

	/**
	 * @param array<int, mixed> $values Values.
	 * @param string            $format %s or %d.
	 * @return string "%s, %s, ..." for each value.
	 */
	private static function placeholders( array $values, string $format ): string {
		return implode( ', ', array_fill( 0, count( $values ), $format ) );
	}
}
