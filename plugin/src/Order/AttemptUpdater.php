<?php
/**
 * Changes one stored attempt under its order's lock.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Order;

use PayViaProxyApi\Payment\Attempt;

/**
 * The attempt list is one meta value, so every writer must re-read it under the order lock or a callback
 * settling at the same moment would be overwritten. Settlement and PaymentService do this themselves; the
 * reconciliation code uses this class.
 */
final class AttemptUpdater {

	/**
	 * @param OrderMeta $meta Order meta owner.
	 * @param OrderLock $lock Per-order lock.
	 */
	public function __construct( private OrderMeta $meta, private OrderLock $lock ) {
	}

	/**
	 * @param int                                   $order_id   Order.
	 * @param string                                $request_id Attempt.
	 * @param callable(Attempt, \WC_Order): ?Attempt $change     Given the attempt and the order as they are now,
	 *                                                          returns the changed attempt (it may also add notes
	 *                                                          to the order), or null to change nothing.
	 * @return Attempt|null The attempt as saved, or null when nothing was saved.
	 * @throws OrderLocked When the lock cannot be had in time.
	 */
	public function update( int $order_id, string $request_id, callable $change ): ?Attempt {
		return $this->lock->with_lock(
			$order_id,
			function () use ( $order_id, $request_id, $change ): ?Attempt {
				$order   = wc_get_order( $order_id );
				$attempt = $order instanceof \WC_Order ? $this->meta->attempt( $order, $request_id ) : null;
				if ( null === $attempt ) {
					return null;
				}
				$changed = $change( $attempt, $order );
				if ( null === $changed ) {
					return null;
				}
				$this->meta->save_attempt( $order, $changed );
				$order->save();
				return $changed;
			}
		);
	}
}
