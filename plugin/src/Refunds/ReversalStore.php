<?php
/**
 * Keeps the M-Pesa reversals of an order, on the order itself.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Refunds;

/**
 * The reversal records live on the parent order, not on the refund objects, because a failed reversal
 * removes its refund and the record (token hash, outcome) must outlive it. Written through WooCommerce's
 * order CRUD (HPOS-safe); the caller saves the order.
 */
final class ReversalStore {

	/** Order meta key: refund id => ReversalRecord as an array. */
	public const META_KEY = '_pvp_reversals';

	/**
	 * @param \WC_Order $order The order.
	 * @return ReversalRecord[] Keyed by refund id, oldest first.
	 */
	public function all( \WC_Order $order ): array {
		$stored  = $order->get_meta( self::META_KEY, true );
		$records = array();
		foreach ( is_array( $stored ) ? $stored : array() as $data ) {
			if ( is_array( $data ) ) {
				$record                        = ReversalRecord::from_array( $data );
				$records[ $record->refund_id ] = $record;
			}
		}
		return $records;
	}

	/**
	 * @param \WC_Order $order     The order.
	 * @param int       $refund_id Refund id.
	 * @return ReversalRecord|null The reversal asked for that refund.
	 */
	public function find( \WC_Order $order, int $refund_id ): ?ReversalRecord {
		return $this->all( $order )[ $refund_id ] ?? null;
	}

	/**
	 * @param \WC_Order      $order  The order (saved by the caller).
	 * @param ReversalRecord $record Added, or replacing the one of the same refund.
	 */
	public function save( \WC_Order $order, ReversalRecord $record ): void {
		$records                       = $this->all( $order );
		$records[ $record->refund_id ] = $record;
		$order->update_meta_data( self::META_KEY, array_map( static fn ( ReversalRecord $r ): array => $r->to_array(), $records ) );
	}
}
