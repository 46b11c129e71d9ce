<?php
/**
 * Fills the attempts index from existing orders, in batches through Action Scheduler.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Reports;

use PayViaProxyApi\Hookable;
use PayViaProxyApi\Order\OrderMeta;

/**
 * Runs after the table is created (and on demand from WooCommerce › Status › Tools): each job indexes one
 * page of orders that carry attempts or 2.2.7 payment ids, then queues the next page, so a store of any size
 * is indexed without a long request. New payments are indexed live meanwhile (AttemptIndexer).
 */
final class AttemptBackfill implements Hookable {

	public const HOOK = 'pvp_attempts_backfill';

	public const GROUP = 'pay-via-proxyapi';

	/** Orders per job: small enough for a shared host's 30-second request limit. */
	public const BATCH = 100;

	public const TOOL = 'pvp_rebuild_attempts_index';

	/**
	 * @param AttemptIndexer    $indexer    Indexes one order.
	 * @param AttemptRepository $repository The index table (emptied by a rebuild).
	 */
	public function __construct( private AttemptIndexer $indexer, private AttemptRepository $repository ) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( self::HOOK, array( $this, 'run' ) );
		add_filter( 'woocommerce_debug_tools', array( $this, 'add_tool' ) );
	}

	/**
	 * Queues the first batch unless a backfill is already queued.
	 */
	public function schedule(): void {
		if ( ! function_exists( 'as_enqueue_async_action' ) || ! function_exists( 'as_has_scheduled_action' ) ) {
			return;
		}
		if ( ! as_has_scheduled_action( self::HOOK, null, self::GROUP ) ) {
			as_enqueue_async_action( self::HOOK, array( 'page' => 1 ), self::GROUP );
		}
	}

	/**
	 * Indexes one page of orders and queues the next one while pages are full.
	 *
	 * @param int|string $page 1-based page of orders, oldest first.
	 * @return int Orders indexed.
	 */
	public function run( $page = 1 ): int {
		$page = max( 1, (int) $page );
		$ids  = wc_get_orders(
			array(
				'limit'      => self::BATCH,
				'paged'      => $page,
				'orderby'    => 'ID',
				'order'      => 'ASC',
				'return'     => 'ids',
				// Orders that tried M-Pesa, even if they were finally paid another way (HPOS-safe meta query).
				'meta_query' => array( // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_query -- a background job, one page at a time.
					'relation' => 'OR',
					array(
						'key'     => OrderMeta::ATTEMPTS,
						'compare' => 'EXISTS',
					),
					array(
						'key'     => OrderMeta::CHECKOUT_REQUEST_ID,
						'compare' => 'EXISTS',
					),
				),
			)
		);
		$ids = is_array( $ids ) ? $ids : array();
		foreach ( $ids as $id ) {
			$order = wc_get_order( $id );
			if ( $order instanceof \WC_Order ) {
				$this->indexer->sync( $order );
			}
		}
		if ( self::BATCH === count( $ids ) && function_exists( 'as_enqueue_async_action' ) ) {
			as_enqueue_async_action( self::HOOK, array( 'page' => $page + 1 ), self::GROUP );
		}
		return count( $ids );
	}

	/**
	 * @param array<string, mixed> $tools WooCommerce › Status › Tools entries.
	 * @return array<string, mixed>
	 */
	public function add_tool( array $tools ): array {
		$tools[ self::TOOL ] = array(
			'name'     => __( 'Rebuild the M-Pesa payments index', 'pay-via-proxyapi' ),
			'button'   => __( 'Rebuild index', 'pay-via-proxyapi' ),
			'desc'     => __( 'Rebuilds the M-Pesa report\'s index from the orders, in the background. The report is incomplete until it finishes. Orders are not changed.', 'pay-via-proxyapi' ),
			'callback' => array( $this, 'rebuild' ),
		);
		return $tools;
	}

	/**
	 * @return string What was done, for the Tools screen.
	 */
	public function rebuild(): string {
		if ( function_exists( 'as_unschedule_all_actions' ) ) {
			as_unschedule_all_actions( self::HOOK, array(), self::GROUP );
		}
		$this->repository->clear();
		$this->schedule();
		return __( 'The M-Pesa payments index is being rebuilt in the background.', 'pay-via-proxyapi' );
	}
}
