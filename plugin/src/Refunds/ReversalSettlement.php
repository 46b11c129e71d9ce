<?php
/**
 * Applies a reversal result to its refund and order, exactly once.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Refunds;

use PayViaProxyApi\Logging\Logger;
use PayViaProxyApi\Order\OrderLock;

/**
 * Under the order's lock: re-reads the record, asks ReversalRules, writes the outcome and the note. A
 * success confirms the refund. A failure removes the refund (as WooCommerce's own "delete refund" does, so
 * order totals and analytics follow) and puts the order back in the status it had, because the shopper did
 * not get the money. Hooks fire after the lock is released, once per outcome.
 */
final class ReversalSettlement {

	/**
	 * @param ReversalStore $store  The order's reversals.
	 * @param OrderLock     $lock   Per-order lock.
	 * @param ReversalRules $rules  What a result does.
	 * @param Logger        $logger Redacting logger.
	 */
	public function __construct( private ReversalStore $store, private OrderLock $lock, private ReversalRules $rules, private Logger $logger ) {
	}

	/**
	 * @param int            $order_id  Order.
	 * @param int            $refund_id Refund the URL named (its token was checked).
	 * @param ReversalResult $result    What M-Pesa posted.
	 * @return string The ReversalRules decision.
	 * @throws ReversalRefused When the result is about another reversal.
	 */
	public function receive( int $order_id, int $refund_id, ReversalResult $result ): string {
		[ $action, $record ] = $this->lock->with_lock(
			$order_id,
			function () use ( $order_id, $refund_id, $result ): array {
				[ $order, $record ] = $this->load( $order_id, $refund_id );
				$action             = $this->rules->on_result( $record, $result, time() );
				if ( ReversalRules::MISMATCH === $action ) {
					throw new ReversalRefused( 'The result is about another reversal.' );
				}
				if ( in_array( $action, array( ReversalRules::HOLD, ReversalRules::CONFIRM, ReversalRules::FAIL ), true ) ) {
					$record = $record->with( self::result_fields( $result ) );
				}
				return array( $action, $this->apply( $order, $record, $action, $result ) );
			}
		);
		$this->fire_hooks( $order_id, $action, $record );
		$this->logger->info( 'Reversal result received.', array( 'order_id' => $order_id, 'refund_id' => $refund_id, 'result_code' => $result->result_code, 'decision' => $action ) );
		return $action;
	}

	/**
	 * WooCommerce has finished recording the refund: a result that arrived meanwhile is applied now.
	 *
	 * @param int $order_id  Order.
	 * @param int $refund_id Refund.
	 */
	public function woocommerce_done( int $order_id, int $refund_id ): void {
		$outcome = $this->lock->with_lock(
			$order_id,
			function () use ( $order_id, $refund_id ): ?array {
				$order  = wc_get_order( $order_id );
				$record = $order instanceof \WC_Order ? $this->store->find( $order, $refund_id ) : null;
				if ( null === $record ) {
					return null;
				}
				$record = $record->with( array( 'woocommerce_done' => true ) );
				// Nothing held: only the flag is saved (HOLD applies no outcome).
				$action = $this->rules->on_woocommerce_done( $record ) ?? ReversalRules::HOLD;
				return array( $action, $this->apply( $order, $record, $action, null ) );
			}
		);
		if ( null !== $outcome ) {
			$this->fire_hooks( $order_id, $outcome[0], $outcome[1] );
		}
	}

	/**
	 * @param int $order_id  Order.
	 * @param int $refund_id Refund.
	 * @return array{0: \WC_Order, 1: ReversalRecord}
	 * @throws ReversalRefused When there is no such reversal.
	 */
	private function load( int $order_id, int $refund_id ): array {
		$order  = wc_get_order( $order_id );
		$record = $order instanceof \WC_Order ? $this->store->find( $order, $refund_id ) : null;
		if ( ! $order instanceof \WC_Order || null === $record ) {
			throw new ReversalRefused( 'No such reversal on this order.' );
		}
		return array( $order, $record );
	}

	/**
	 * @param ReversalResult $result What M-Pesa posted.
	 * @return array<string, mixed> The record fields it fills.
	 */
	private static function result_fields( ReversalResult $result ): array {
		return array(
			'result_code'      => $result->result_code,
			'result_desc'      => $result->result_desc,
			'reversal_receipt' => $result->reversal_receipt,
		);
	}

	/**
	 * @param \WC_Order           $order  Order (saved here).
	 * @param ReversalRecord      $record The record with the result filled in.
	 * @param string              $action ReversalRules decision.
	 * @param ReversalResult|null $result The result just received (for conflict notes).
	 * @return ReversalRecord As stored.
	 */
	private function apply( \WC_Order $order, ReversalRecord $record, string $action, ?ReversalResult $result ): ReversalRecord {
		if ( ReversalRules::CONFIRM === $action ) {
			$record = $record->with( array( 'status' => ReversalRecord::CONFIRMED, 'settled_at' => time() ) );
			/* translators: 1: amount in KES, 2: the reversal's M-Pesa receipt, 3: the payment's receipt. */
			$order->add_order_note( sprintf( __( 'M-Pesa reversal confirmed: KES %1$s returned to the shopper (reversal receipt %2$s, payment %3$s).', 'pay-via-proxyapi' ), number_format_i18n( $record->amount ), '' !== $record->reversal_receipt ? $record->reversal_receipt : '-', $record->receipt ) );
		} elseif ( ReversalRules::FAIL === $action ) {
			$record = $record->with( array( 'status' => ReversalRecord::FAILED, 'settled_at' => time() ) );
			$this->undo_refund( $order, $record );
		} elseif ( ReversalRules::CONFLICT === $action && null !== $result ) {
			/* translators: 1: the payment's receipt, 2: M-Pesa's description, 3: result code. */
			$order->add_order_note( sprintf( __( 'M-Pesa sent a different result for the reversal of payment %1$s after the first one (%2$s, result code %3$s). It was not applied: check the M-Pesa portal.', 'pay-via-proxyapi' ), $record->receipt, $result->result_desc, $result->result_code ) );
		}
		if ( ReversalRules::DUPLICATE !== $action ) {
			$this->store->save( $order, $record );
			$order->save();
		}
		return $record;
	}

	/**
	 * The money did not go back: remove the refund and restore the order's status, and say so.
	 *
	 * @param \WC_Order      $order  Order.
	 * @param ReversalRecord $record The failed reversal.
	 */
	private function undo_refund( \WC_Order $order, ReversalRecord $record ): void {
		$refund = wc_get_order( $record->refund_id );
		if ( $refund instanceof \WC_Order_Refund && $refund->get_parent_id() === $order->get_id() ) {
			$refund->delete( true );
			/** This action is documented in WooCommerce's WC_AJAX::delete_refund(). */
			do_action( 'woocommerce_refund_deleted', $record->refund_id, $order->get_id() );
		}
		/* translators: 1: M-Pesa's description, 2: result code, 3: amount in KES. */
		$note     = sprintf( __( 'M-Pesa reversal failed: %1$s (result code %2$s). The shopper did not get the money back, so the KES %3$s refund was removed from the order. Fix the cause and refund again, or refund another way; items restocked with the refund stay in stock.', 'pay-via-proxyapi' ), '' !== $record->result_desc ? $record->result_desc : '-', $record->result_code, number_format_i18n( $record->amount ) );
		$previous = $record->previous_status;
		if ( 'refunded' === $order->get_status() && '' !== $previous && 'refunded' !== $previous ) {
			$order->update_status( $previous, $note );
			return;
		}
		$order->add_order_note( $note );
	}

	/**
	 * @param int            $order_id Order.
	 * @param string         $action   ReversalRules decision.
	 * @param ReversalRecord $record   As stored.
	 */
	private function fire_hooks( int $order_id, string $action, ReversalRecord $record ): void {
		if ( ReversalRules::CONFIRM === $action ) {
			/**
			 * Fires once when M-Pesa confirms a refund's reversal: the money went back to the shopper.
			 *
			 * @since 3.0.0
			 * @param int    $order_id         Order id.
			 * @param int    $refund_id        WooCommerce refund id.
			 * @param string $reversal_receipt The reversal's M-Pesa receipt.
			 */
			do_action( 'pvp_reversal_completed', $order_id, $record->refund_id, $record->reversal_receipt );
		} elseif ( ReversalRules::FAIL === $action ) {
			/**
			 * Fires once when M-Pesa reports a refund's reversal failed; the refund has been removed.
			 *
			 * @since 3.0.0
			 * @param int    $order_id    Order id.
			 * @param int    $refund_id   The removed refund's id.
			 * @param string $result_code M-Pesa ResultCode (e.g. "2001" initiator credentials, "R000002" unknown receipt).
			 * @param string $result_desc M-Pesa's description.
			 */
			do_action( 'pvp_reversal_failed', $order_id, $record->refund_id, $record->result_code, $record->result_desc );
		}
	}
}
