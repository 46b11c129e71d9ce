<?php
/**
 * The M-Pesa report's data: a page of attempts with the period's summary, the ProxyAPI cross-check, the CSV.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Reports;

use PayViaProxyApi\Provider\ProviderException;
use PayViaProxyApi\Provider\ProxyApiReport;

/**
 * Reads only the indexed table, so a page costs the same with 100 orders or 100,000. No HTTP, no output
 * formatting beyond what the CSV needs; phone numbers leave here already shown or masked per the setting.
 */
final class PaymentReport {

	/** Rows fetched per query while exporting. */
	private const EXPORT_BATCH = 500;

	/** Most of the store's paid attempts compared with ProxyAPI's list in one cross-check. */
	private const CROSS_CHECK_LIMIT = 2000;

	/**
	 * @param AttemptRepository $repository The index table.
	 * @param \Closure          $phones     Returns the PhoneDisplay for the current setting.
	 * @param \Closure          $provider   Returns the ProxyApiReport, or null when another provider is in use.
	 */
	public function __construct( private AttemptRepository $repository, private \Closure $phones, private \Closure $provider ) {
	}

	/**
	 * @param ReportQuery $query        Filters, sorting and page.
	 * @param bool        $with_summary Whether to add the period's summary (the screen asks for it once per
	 *                                  period instead of with every page: over a long period it is the dearest part).
	 * @return array{summary: array<string, int|float|null>|null, rows: array<int, array<string, int|string>>, total: int, pages: int, page: int, per_page: int}
	 */
	public function page( ReportQuery $query, bool $with_summary = true ): array {
		$page = $this->repository->page( $query );
		return array(
			'summary'  => $with_summary ? $this->summary( $query->period ) : null,
			'rows'     => array_map( array( $this, 'present' ), $page['rows'] ),
			'total'    => $page['total'],
			'pages'    => $query->pages( $page['total'] ),
			'page'     => $query->page,
			'per_page' => $query->per_page,
		);
	}

	/**
	 * @param ReportPeriod $period Date range.
	 * @return array<string, int|float|null> The period's figures (ReportSummary).
	 */
	public function summary( ReportPeriod $period ): array {
		return ReportSummary::from_buckets( $this->repository->summary_buckets( $period ) )->to_array();
	}

	/**
	 * @param ReportPeriod $period  Which of the store's payments to compare.
	 * @param int          $user_id The WordPress user asking (ProxyAPI's UserID).
	 * @return array<string, mixed> available, reason, message, listed, matched, window_start, items.
	 */
	public function cross_check( ReportPeriod $period, int $user_id ): array {
		$source = ( $this->provider )();
		if ( ! $source instanceof ProxyApiReport ) {
			return self::unavailable( 'other_provider', '' );
		}
		try {
			$remote = $source->rows( $user_id );
		} catch ( ProviderException $e ) {
			return self::unavailable( $e->kind, $e->getMessage() );
		}
		$local  = $this->repository->by_checkout_ids( array_map( static fn ( $row ): string => $row->checkout_request_id, $remote ) );
		$result = CrossCheck::compare( $remote, $local, $this->repository->paid_between( $period, self::CROSS_CHECK_LIMIT ) );
		$phones = ( $this->phones )();
		foreach ( $result['items'] as $index => $item ) {
			$result['items'][ $index ]['phone'] = $phones->show( (string) $item['phone'] );
		}
		return array_merge(
			array(
				'available' => true,
				'reason'    => '',
				'message'   => '',
			),
			$result
		);
	}

	/**
	 * Writes every row matching the query (all pages) as CSV.
	 *
	 * @param ReportQuery $query  Filters and sorting.
	 * @param resource    $stream Where to write.
	 */
	public function export( ReportQuery $query, $stream ): void {
		$csv = new CsvWriter( $stream );
		$csv->start( array( 'Date', 'Order', 'Receipt', 'Phone', 'Amount (KES)', 'Status', 'Result code', 'Result description', 'CheckoutRequestID', 'Reconciliation' ) );
		$this->repository->each(
			$query,
			self::EXPORT_BATCH,
			function ( array $rows ) use ( $csv ): void {
				foreach ( array_map( array( $this, 'present' ), $rows ) as $row ) {
					$csv->row( array( wp_date( 'Y-m-d H:i:s', (int) $row['created_at'] ), $row['order_number'], $row['receipt'], $row['phone'], $row['amount'], $row['status'], $row['result_code'], $row['result_desc'], $row['checkout_request_id'], $row['reconciliation'] ) );
				}
			}
		);
	}

	/**
	 * @param array<string, int|string> $row An index row.
	 * @return array<string, int|string> The row as staff may see it.
	 */
	public function present( array $row ): array {
		$row['phone'] = ( $this->phones )()->show( (string) $row['phone'] );
		unset( $row['id'] );
		return $row;
	}

	/**
	 * @param string $reason  Why: other_provider, or a ProviderException kind.
	 * @param string $message ProxyAPI's own words, if any.
	 * @return array<string, mixed>
	 */
	private static function unavailable( string $reason, string $message ): array {
		return array(
			'available'    => false,
			'reason'       => $reason,
			'message'      => $message,
			'listed'       => 0,
			'matched'      => 0,
			'window_start' => 0,
			'items'        => array(),
		);
	}
}
