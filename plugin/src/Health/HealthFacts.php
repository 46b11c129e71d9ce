<?php
/**
 * Gathers what the Site Health tests judge: scheduler backlog, unreconciled attempts, HTTP blocking and the
 * callback route's answer to a loopback request.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Health;

use PayViaProxyApi\Order\OrderMeta;
use PayViaProxyApi\Payment\AttemptStatus;
use PayViaProxyApi\Payment\CallbackAddress;
use PayViaProxyApi\Provider\ProviderFactory;
use PayViaProxyApi\Settings\Settings;

/**
 * WordPress reads only; every query is bounded so Site Health stays fast on a large store.
 */
final class HealthFacts {

	/** Action Scheduler group of the plugin's jobs (reconciliation). */
	public const SCHEDULER_GROUP = 'pay-via-proxyapi';

	/** At most this many pending orders are read for the oldest-attempt test (oldest first). */
	private const ORDER_LIMIT = 50;

	/**
	 * @param Settings  $settings Typed settings.
	 * @param OrderMeta $meta     Reads attempts from orders.
	 */
	public function __construct( private Settings $settings, private OrderMeta $meta ) {
	}

	/**
	 * @return ProviderFactory The provider chosen in the settings now.
	 */
	public function providers(): ProviderFactory {
		return new ProviderFactory( $this->settings );
	}

	/**
	 * @return string The selected provider's host: ProxyAPI's or Safaricom's (or the simulator's).
	 */
	public function provider_host(): string {
		return (string) wp_parse_url( $this->providers()->service_url(), PHP_URL_HOST );
	}

	/**
	 * @return bool Whether WP_HTTP_BLOCK_EXTERNAL stops requests to the provider (WP_ACCESSIBLE_HOSTS honoured).
	 */
	public function provider_blocked(): bool {
		return ( new \WP_Http() )->block_request( $this->providers()->service_url() . '/' );
	}

	/**
	 * @return bool Whether the key has the shape ProxyAPI issues.
	 */
	public function key_well_formed(): bool {
		return 1 === preg_match( '/^\d{10}-\w{20}$/D', $this->settings->api_key() );
	}

	/**
	 * @param string $group Only this group ('' for every group).
	 * @param int    $late  Seconds past due.
	 * @return int|null Pending actions due more than $late seconds ago; null without Action Scheduler.
	 */
	public function late_jobs( string $group, int $late ): ?int {
		if ( ! class_exists( \ActionScheduler::class ) || ! \ActionScheduler::is_initialized() ) {
			return null;
		}
		$query = array(
			'status'       => 'pending',
			'date'         => gmdate( 'Y-m-d H:i:s', time() - $late ),
			'date_compare' => '<=',
		);
		if ( '' !== $group ) {
			$query['group'] = $group;
		}
		return (int) \ActionScheduler::store()->query_actions( $query, 'count' );
	}

	/**
	 * @param int $now Unix time.
	 * @return array{oldest_age: int|null, count: int} Age of the oldest attempt still waiting for M-Pesa, and how
	 *                                                 many wait longer than HealthRules::UNRECONCILED_AFTER.
	 */
	public function unreconciled( int $now ): array {
		$orders = wc_get_orders(
			array(
				'status'     => array( 'pending' ),
				'limit'      => self::ORDER_LIMIT,
				'orderby'    => 'date',
				'order'      => 'ASC',
				'type'       => 'shop_order',
				// HPOS and posts storage both understand meta_query on wc_get_orders().
				'meta_query' => array( // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_query -- bounded, Site Health only.
					array(
						'key'     => OrderMeta::ATTEMPTS,
						'compare' => 'EXISTS',
					),
				),
			)
		);
		$oldest = null;
		$count  = 0;
		foreach ( is_array( $orders ) ? $orders : array() as $order ) {
			if ( ! $order instanceof \WC_Order ) {
				continue;
			}
			foreach ( $this->meta->attempts( $order ) as $attempt ) {
				if ( ! in_array( $attempt->status, array( AttemptStatus::STARTED, AttemptStatus::AWAITING ), true ) ) {
					continue;
				}
				$age    = max( 0, $now - $attempt->created_at );
				$oldest = max( $oldest ?? 0, $age );
				$count += $age >= HealthRules::UNRECONCILED_AFTER ? 1 : 0;
			}
		}
		return array(
			'oldest_age' => $oldest,
			'count'      => $count,
		);
	}

	/**
	 * POSTs an empty body to the callback route with a token no attempt has, from the server to itself.
	 *
	 * @return array{status: int|null, code: string, error: string}
	 */
	public function callback_loopback(): array {
		$url      = rest_url( CallbackAddress::REST_NAMESPACE . '/callbacks/0/' . str_repeat( '0', 64 ) );
		$response = wp_remote_post(
			$url,
			array(
				'timeout'     => 10,
				'redirection' => 0,
				'headers'     => array( 'Content-Type' => 'application/json' ),
				'body'        => '{}',
				// The site calling itself: the same TLS leniency core's own loopback tests use.
				'sslverify'   => apply_filters( 'https_local_ssl_verify', false ), // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedHooknameFound -- core's filter.
			)
		);
		if ( is_wp_error( $response ) ) {
			return array(
				'status' => null,
				'code'   => '',
				'error'  => $response->get_error_message(),
			);
		}
		$body = json_decode( (string) wp_remote_retrieve_body( $response ), true );
		return array(
			'status' => (int) wp_remote_retrieve_response_code( $response ),
			'code'   => is_array( $body ) && is_string( $body['code'] ?? null ) ? $body['code'] : '',
			'error'  => '',
		);
	}
}
