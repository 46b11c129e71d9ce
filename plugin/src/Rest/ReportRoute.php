<?php
/**
 * GET /pay-via-proxyapi/v1/admin/reports/payments (JSON or CSV), .../payments/summary and .../payments/cross-check.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Rest;

use PayViaProxyApi\Admin\ManagerPermission;
use PayViaProxyApi\Hookable;
use PayViaProxyApi\Reports\PaymentReport;
use PayViaProxyApi\Reports\ReportPeriod;
use PayViaProxyApi\Reports\ReportQuery;

/**
 * Thin adapter: validated arguments -> ReportQuery -> PaymentReport -> response. The CSV is streamed in
 * batches straight to the client (rest_pre_serve_request), so an export of any size never sits in memory.
 */
final class ReportRoute implements Hookable {

	public const NAMESPACE = 'pay-via-proxyapi/v1';

	public const ROUTE = '/admin/reports/payments';

	/**
	 * CSV exports waiting to be served, keyed by request object.
	 *
	 * @var array<int, ReportQuery>
	 */
	private array $exports = array();

	/**
	 * @param PaymentReport $report The report's data.
	 */
	public function __construct( private PaymentReport $report ) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
		add_filter( 'rest_pre_serve_request', array( $this, 'serve_csv' ), 10, 3 );
	}

	/**
	 * Registers the three routes.
	 */
	public function register_routes(): void {
		register_rest_route(
			self::NAMESPACE,
			self::ROUTE,
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'payments' ),
				'permission_callback' => array( ManagerPermission::class, 'check' ),
				'args'                => array_merge( self::period_args(), self::table_args() ),
			)
		);
		register_rest_route(
			self::NAMESPACE,
			self::ROUTE . '/summary',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'summary' ),
				'permission_callback' => array( ManagerPermission::class, 'check' ),
				'args'                => self::period_args(),
			)
		);
		register_rest_route(
			self::NAMESPACE,
			self::ROUTE . '/cross-check',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'cross_check' ),
				'permission_callback' => array( ManagerPermission::class, 'check' ),
				'args'                => self::period_args(),
			)
		);
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function payments( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		try {
			$query = new ReportQuery(
				self::period( $request ),
				(string) $request['status'],
				(string) $request['search'],
				(string) $request['orderby'],
				(string) $request['order'],
				(int) $request['page'],
				(int) $request['per_page']
			);
		} catch ( \InvalidArgumentException $e ) {
			return new \WP_Error( 'pvp_invalid_report_query', $e->getMessage(), array( 'status' => 400 ) );
		}
		if ( 'csv' === $request['format'] ) {
			$this->exports[ spl_object_id( $request ) ] = $query;
			$response = new \WP_REST_Response( null, 200 );
			$response->header( 'Content-Type', 'text/csv; charset=utf-8' );
			$response->header( 'Content-Disposition', 'attachment; filename="mpesa-payments-' . wp_date( 'Y-m-d' ) . '.csv"' );
			$response->header( 'Cache-Control', 'no-store' );
			return $response;
		}
		return new \WP_REST_Response( $this->report->page( $query, (bool) $request['summary'] ), 200 );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function summary( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		return $this->for_period( $request, fn ( ReportPeriod $period ): array => $this->report->summary( $period ) );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function cross_check( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		return $this->for_period( $request, fn ( ReportPeriod $period ): array => $this->report->cross_check( $period, get_current_user_id() ) );
	}

	/**
	 * @param \WP_REST_Request $request Request with period, after and before.
	 * @param \Closure         $answer  ReportPeriod -> the answer's data.
	 * @return \WP_REST_Response|\WP_Error 400 for an impossible range.
	 */
	private function for_period( \WP_REST_Request $request, \Closure $answer ): \WP_REST_Response|\WP_Error {
		try {
			$period = self::period( $request );
		} catch ( \InvalidArgumentException $e ) {
			return new \WP_Error( 'pvp_invalid_report_query', $e->getMessage(), array( 'status' => 400 ) );
		}
		return new \WP_REST_Response( $answer( $period ), 200 );
	}

	/**
	 * Streams a CSV export the payments route accepted.
	 *
	 * @param bool              $served  Whether the request was already served.
	 * @param \WP_HTTP_Response $result  The route's response.
	 * @param \WP_REST_Request  $request The request.
	 * @return bool
	 */
	public function serve_csv( $served, $result, $request ): bool {
		$key = $request instanceof \WP_REST_Request ? spl_object_id( $request ) : 0;
		if ( $served || ! isset( $this->exports[ $key ] ) || ! $result instanceof \WP_HTTP_Response || 200 !== $result->get_status() ) {
			return (bool) $served;
		}
		$query = $this->exports[ $key ];
		unset( $this->exports[ $key ] );
		// A large export may outlast the host's time limit; it streams, so memory stays bounded.
		wc_set_time_limit( 0 );
		$output = fopen( 'php://output', 'w' );
		if ( false === $output ) {
			return false;
		}
		$this->report->export( $query, $output );
		fclose( $output ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fclose -- php://output, not a file.
		return true;
	}

	/**
	 * @param \WP_REST_Request $request Request with period, after and before.
	 * @return ReportPeriod
	 * @throws \InvalidArgumentException For an impossible range.
	 */
	private static function period( \WP_REST_Request $request ): ReportPeriod {
		return ReportPeriod::named( (string) $request['period'], (string) $request['after'], (string) $request['before'], new \DateTimeImmutable( 'now', wp_timezone() ) );
	}

	/**
	 * @return array<string, array<string, mixed>> Arguments choosing the period.
	 */
	private static function period_args(): array {
		$day = array(
			'type'    => 'string',
			'default' => '',
			'pattern' => '^(\d{4}-\d{2}-\d{2})?$',
		);
		return array(
			'period' => array(
				'type'    => 'string',
				'enum'    => ReportPeriod::PERIODS,
				'default' => '30d',
			),
			'after'  => $day + array( 'description' => 'First day of a custom period (YYYY-MM-DD, store time).' ),
			'before' => $day + array( 'description' => 'Last day of a custom period (YYYY-MM-DD, store time).' ),
		);
	}

	/**
	 * @return array<string, array<string, mixed>> Arguments for the table: filter, search, sort, page, format.
	 */
	private static function table_args(): array {
		return array(
			'status'   => array(
				'type'    => 'string',
				'enum'    => array_keys( ReportQuery::STATUSES ),
				'default' => 'any',
			),
			'search'   => array(
				'type'              => 'string',
				'default'           => '',
				'maxLength'         => ReportQuery::MAX_SEARCH,
				'sanitize_callback' => 'sanitize_text_field',
			),
			'orderby'  => array(
				'type'    => 'string',
				'enum'    => array_keys( ReportQuery::ORDER_BY ),
				'default' => 'date',
			),
			'order'    => array(
				'type'    => 'string',
				'enum'    => array( 'asc', 'desc' ),
				'default' => 'desc',
			),
			'page'     => array(
				'type'    => 'integer',
				'minimum' => 1,
				'default' => 1,
			),
			'per_page' => array(
				'type'    => 'integer',
				'minimum' => 1,
				'maximum' => ReportQuery::MAX_PER_PAGE,
				'default' => 20,
			),
			'format'   => array(
				'type'    => 'string',
				'enum'    => array( 'json', 'csv' ),
				'default' => 'json',
			),
			'summary'  => array(
				'description' => 'Whether to add the period\'s summary (also at .../payments/summary).',
				'type'        => 'boolean',
				'default'     => true,
			),
		);
	}
}
