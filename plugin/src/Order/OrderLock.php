<?php
/**
 * A database-level lock per order, so concurrent callbacks settle an order one at a time.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Order;

/**
 * Uses MariaDB/MySQL GET_LOCK: atomic, waits in the database instead of polling, and is released by the
 * server if the PHP process dies, so a crashed request can never leave an order locked.
 */
final class OrderLock {

	/** Longest a callback waits for another one on the same order (seconds). */
	private const WAIT_SECONDS = 15;

	/**
	 * @param \wpdb $wpdb WordPress database connection.
	 */
	public function __construct( private \wpdb $wpdb ) {
	}

	/**
	 * Runs $work while holding the order's lock.
	 *
	 * @template T
	 * @param int             $order_id Order to lock.
	 * @param callable(): T   $work     What to do under the lock.
	 * @return T What $work returned.
	 * @throws OrderLocked When the lock cannot be had in time.
	 */
	public function with_lock( int $order_id, callable $work ): mixed {
		$name     = $this->lock_name( $order_id );
		$acquired = $this->wpdb->get_var( $this->wpdb->prepare( 'SELECT GET_LOCK(%s, %d)', $name, self::WAIT_SECONDS ) );
		if ( '1' !== (string) $acquired ) {
			throw new OrderLocked( sprintf( 'Order %d is being updated by another request.', $order_id ) );
		}
		try {
			$this->forget_cached_order( $order_id );
			return $work();
		} finally {
			$this->wpdb->query( $this->wpdb->prepare( 'SELECT RELEASE_LOCK(%s)', $name ) );
		}
	}

	/**
	 * WooCommerce keeps orders and their meta in the request's object cache (under HPOS even wc_get_order()
	 * answers from it), so an order this request read before it got the lock, e.g. to check the callback
	 * token, would be read again as it was then. Dropping the cached copies makes every read under the lock
	 * come from the database, which is the point of taking the lock.
	 *
	 * @param int $order_id Order id.
	 */
	private function forget_cached_order( int $order_id ): void {
		if ( class_exists( \WC_Cache_Helper::class ) ) {
			\WC_Cache_Helper::invalidate_cache_group( 'object_' . $order_id );
		}
		if ( function_exists( 'wc_get_container' ) && class_exists( \Automattic\WooCommerce\Caches\OrderCache::class ) ) {
			wc_get_container()->get( \Automattic\WooCommerce\Caches\OrderCache::class )->remove( $order_id );
		}
		// Orders stored as posts (HPOS off).
		wp_cache_delete( $order_id, 'posts' );
		wp_cache_delete( $order_id, 'post_meta' );
	}

	/**
	 * @param int $order_id Order id.
	 * @return string At most 64 characters, as the server requires.
	 */
	private function lock_name( int $order_id ): string {
		return self::server_wide_name( $this->wpdb, 'order_' . $order_id );
	}

	/**
	 * Lock names are server-wide, so they include this site's database and table prefix.
	 *
	 * @param \wpdb  $wpdb Database of the site.
	 * @param string $what What is locked (short: the whole name must stay within 64 characters).
	 * @return string The lock's name.
	 */
	public static function server_wide_name( \wpdb $wpdb, string $what ): string {
		$database = defined( 'DB_NAME' ) ? (string) constant( 'DB_NAME' ) : '';
		return 'pvp_' . substr( md5( $database . '|' . $wpdb->prefix ), 0, 12 ) . '_' . $what;
	}
}
