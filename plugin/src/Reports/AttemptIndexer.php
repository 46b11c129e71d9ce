<?php
/**
 * Keeps the attempts index in step with the orders: every attempt change, deletion, trashing and restore.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Reports;

use PayViaProxyApi\Hookable;
use PayViaProxyApi\Order\OrderMeta;
use PayViaProxyApi\Payment\Attempt;

/**
 * Listens to pvp_attempt_saved (fired by OrderMeta on every attempt change) and re-indexes the whole order,
 * because one attempt's change can change the order's outcome that every row of the order carries. Orders
 * have a handful of attempts, so this costs one small upsert. Trashed and deleted orders leave the report.
 */
final class AttemptIndexer implements Hookable {

	/**
	 * @param AttemptRepository $repository The index table.
	 * @param OrderMeta         $meta       Order meta owner.
	 * @param LegacyOrder       $legacy     2.2.7 orders' data.
	 */
	public function __construct( private AttemptRepository $repository, private OrderMeta $meta, private LegacyOrder $legacy ) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( 'pvp_attempt_saved', array( $this, 'attempt_saved' ), 10, 2 );
		// CRUD deletions and trashing, for HPOS and posts storage alike.
		add_action( 'woocommerce_delete_order', array( $this, 'forget' ) );
		add_action( 'woocommerce_trash_order', array( $this, 'forget' ) );
		add_action( 'woocommerce_untrash_order', array( $this, 'restore' ) );
		// The legacy (posts) orders screen trashes and deletes through WordPress's post functions instead.
		add_action( 'deleted_post', array( $this, 'post_deleted' ), 10, 2 );
		add_action( 'trashed_post', array( $this, 'post_trashed' ) );
		add_action( 'untrashed_post', array( $this, 'post_restored' ) );
	}

	/**
	 * @param \WC_Order $order   The order, with the attempt already in its (unsaved) meta.
	 * @param Attempt   $attempt The attempt (unused: the whole order is re-indexed).
	 */
	public function attempt_saved( \WC_Order $order, Attempt $attempt ): void {
		unset( $attempt );
		$this->sync( $order );
	}

	/**
	 * Re-indexes one order from its meta, the source of truth.
	 *
	 * @param \WC_Order $order The order.
	 */
	public function sync( \WC_Order $order ): void {
		$attempts = array_map( static fn ( Attempt $a ): array => $a->to_array(), $this->meta->attempts( $order ) );
		$legacy   = array() === $attempts ? $this->legacy->attempt( $order ) : null;
		$rows     = IndexRows::for_order( $order->get_id(), (string) $order->get_order_number(), null !== $legacy ? array( $legacy ) : $attempts, null !== $legacy );
		$this->repository->replace_order( $order->get_id(), $rows );
	}

	/**
	 * @param int|string $order_id A deleted or trashed order.
	 */
	public function forget( $order_id ): void {
		$this->repository->delete_order( (int) $order_id );
	}

	/**
	 * @param int|string $order_id A restored order.
	 */
	public function restore( $order_id ): void {
		$order = wc_get_order( (int) $order_id );
		if ( $order instanceof \WC_Order ) {
			$this->sync( $order );
		}
	}

	/**
	 * @param int|string    $post_id A deleted post.
	 * @param \WP_Post|null $post    The post as it was.
	 */
	public function post_deleted( $post_id, $post = null ): void {
		// HPOS keeps order ids unique through placeholder posts, which are deleted with their orders.
		if ( $post instanceof \WP_Post && in_array( $post->post_type, array( 'shop_order', 'shop_order_placehold' ), true ) ) {
			$this->forget( $post_id );
		}
	}

	/**
	 * @param int|string $post_id A trashed post.
	 */
	public function post_trashed( $post_id ): void {
		if ( 'shop_order' === get_post_type( (int) $post_id ) ) {
			$this->forget( $post_id );
		}
	}

	/**
	 * @param int|string $post_id A restored post.
	 */
	public function post_restored( $post_id ): void {
		if ( 'shop_order' === get_post_type( (int) $post_id ) ) {
			$this->restore( $post_id );
		}
	}
}
