<?php
/**
 * One request for report rows: period, status, search, sorting and page, turned into SQL pieces.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Reports;

use PayViaProxyApi\Payment\AttemptStatus;
use PayViaProxyApi\Payment\PhoneNumber;

/**
 * Pure. Every value reaches SQL as a placeholder argument; column names and directions come only from the
 * allow-lists below. Each filter and sort is served by an index of the attempts table (see AttemptTable).
 */
final class ReportQuery {

	/** Status filter => attempt statuses it covers. */
	public const STATUSES = array(
		'any'       => array(),
		'paid'      => array( AttemptStatus::PAID ),
		'failed'    => array( AttemptStatus::FAILED ),
		'unpaid'    => array( AttemptStatus::STARTED, AttemptStatus::AWAITING ),
		'rejected'  => array( AttemptStatus::REJECTED ),
		'underpaid' => array( AttemptStatus::UNDERPAID ),
	);

	/**
	 * Sort key => columns, in the order of the index that serves them (AttemptTable), so a page is read in
	 * index order instead of sorting the whole period. The row id breaks ties, so pages never overlap.
	 */
	public const ORDER_BY = array(
		'date'   => array( 'created_at' ),
		'amount' => array( 'amount', 'created_at' ),
		'status' => array( 'status', 'created_at' ),
		'order'  => array( 'order_id' ),
	);

	public const MAX_PER_PAGE = 100;

	/** Longest search text accepted (a CheckoutRequestID is about 40 characters). */
	public const MAX_SEARCH = 64;

	/**
	 * @param ReportPeriod $period   Date range (ignored while searching: a receipt is looked for on every date).
	 * @param string       $status   A key of STATUSES.
	 * @param string       $search   Receipt, phone number, CheckoutRequestID or order number ('' = none).
	 * @param string       $orderby  A key of ORDER_BY.
	 * @param string       $order    asc or desc.
	 * @param int          $page     1-based page.
	 * @param int          $per_page Rows per page, 1..MAX_PER_PAGE.
	 * @throws \InvalidArgumentException For a value outside the allow-lists.
	 */
	public function __construct(
		public readonly ReportPeriod $period,
		public readonly string $status = 'any',
		public readonly string $search = '',
		public readonly string $orderby = 'date',
		public readonly string $order = 'desc',
		public readonly int $page = 1,
		public readonly int $per_page = 20
	) {
		if ( ! isset( self::STATUSES[ $status ] ) || ! isset( self::ORDER_BY[ $orderby ] ) || ! in_array( $order, array( 'asc', 'desc' ), true ) ) {
			throw new \InvalidArgumentException( 'Unknown status, sort column or sort direction.' );
		}
		if ( $page < 1 || $per_page < 1 || $per_page > self::MAX_PER_PAGE || mb_strlen( $search ) > self::MAX_SEARCH ) {
			throw new \InvalidArgumentException( 'Page, page size or search text out of range.' );
		}
	}

	/**
	 * @return array{0: string, 1: array<int, int|string>} The WHERE condition (never empty) and its arguments.
	 */
	public function where(): array {
		$term = trim( $this->search );
		if ( '' === $term ) {
			$conditions = array( 'created_at BETWEEN %d AND %d' );
			$args       = array( $this->period->from, $this->period->to );
		} else {
			[ $condition, $args ] = self::search_condition( $term );
			$conditions           = array( $condition );
		}
		$statuses = self::STATUSES[ $this->status ];
		if ( array() !== $statuses ) {
			$conditions[] = 'status IN (' . implode( ', ', array_fill( 0, count( $statuses ), '%s' ) ) . ')';
			$args         = array_merge( $args, $statuses );
		}
		return array( implode( ' AND ', $conditions ), $args );
	}

	/**
	 * @return string The ORDER BY clause body, from allow-listed names only.
	 */
	public function order_by(): string {
		$direction = 'asc' === $this->order ? 'ASC' : 'DESC';
		$columns   = array_merge( self::ORDER_BY[ $this->orderby ], array( 'id' ) );
		return implode( ', ', array_map( static fn ( string $column ): string => "{$column} {$direction}", $columns ) );
	}

	/**
	 * The rows after $last in this query's order, as a condition on the sort columns (keyset paging): an export
	 * walks the whole result in batches without OFFSET, which would make every batch slower than the last.
	 *
	 * @param array<string, int|string> $last The last row of the previous batch.
	 * @return array{0: string, 1: array<int, int|string>} The condition and its arguments.
	 */
	public function after( array $last ): array {
		$columns    = array_merge( self::ORDER_BY[ $this->orderby ], array( 'id' ) );
		$comparison = 'asc' === $this->order ? '>' : '<';
		$branches   = array();
		$args       = array();
		foreach ( $columns as $index => $column ) {
			$parts = array();
			foreach ( array_slice( $columns, 0, $index ) as $equal ) {
				$parts[] = "{$equal} = " . self::placeholder( $equal );
				$args[]  = $last[ $equal ];
			}
			$parts[]    = "{$column} {$comparison} " . self::placeholder( $column );
			$args[]     = $last[ $column ];
			$branches[] = '(' . implode( ' AND ', $parts ) . ')';
		}
		return array( '(' . implode( ' OR ', $branches ) . ')', $args );
	}

	/**
	 * @param string $column A sort column.
	 * @return string Its placeholder: the status is text, every other sort column a number.
	 */
	private static function placeholder( string $column ): string {
		return 'status' === $column ? '%s' : '%d';
	}

	/**
	 * @return int Rows to skip.
	 */
	public function offset(): int {
		return ( $this->page - 1 ) * $this->per_page;
	}

	/**
	 * @param int $total Rows matching the filters.
	 * @return int Pages needed to show them (at least 1).
	 */
	public function pages( int $total ): int {
		return max( 1, (int) ceil( $total / $this->per_page ) );
	}

	/**
	 * A phone number is matched exactly in its stored (normalised) form; an order number exactly; a receipt
	 * or CheckoutRequestID by prefix (the table's collation ignores case), so a partly typed id still finds its
	 * row through the index.
	 *
	 * @param string $term What the admin typed.
	 * @return array{0: string, 1: array<int, int|string>}
	 */
	private static function search_condition( string $term ): array {
		$phone = PhoneNumber::parse( $term );
		if ( null !== $phone ) {
			return array( 'phone = %s', array( $phone->msisdn() ) );
		}
		$prefix = addcslashes( $term, '_%\\' ) . '%';
		if ( ctype_digit( $term ) ) {
			return array( '(order_id = %d OR receipt LIKE %s OR checkout_request_id LIKE %s)', array( (int) $term, $prefix, $prefix ) );
		}
		return array( '(receipt LIKE %s OR checkout_request_id LIKE %s)', array( $prefix, $prefix ) );
	}
}
