<?php
/**
 * Applies a provider result to its attempt and order, exactly once.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Payment;

use PayViaProxyApi\Logging\Logger;
use PayViaProxyApi\Order\OrderLock;
use PayViaProxyApi\Order\OrderLocked;
use PayViaProxyApi\Order\OrderMeta;
use PayViaProxyApi\Settings\AccountDueDate;

/**
 * The single settlement path for callbacks, reconciliation and the 2.2.7 callback URL. Under the order's
 * lock it re-reads the order, asks SettlementRules what to do, writes the outcome, and only after the lock
 * is released fires the action hooks, once per real state change.
 */
final class Settlement {

	/**
	 * @param OrderMeta       $meta   Order meta owner.
	 * @param OrderLock       $lock   Per-order lock.
	 * @param SettlementRules $rules  The money rules.
	 * @param Logger          $logger Redacting logger.
	 * @param AccountDueDate  $due    Where pvpCallbacks' DueDate is kept.
	 * @param ReceiptGuard    $receipts One receipt pays one order (claimed under the lock).
	 */
	public function __construct(
		private OrderMeta $meta,
		private OrderLock $lock,
		private SettlementRules $rules,
		private Logger $logger,
		private AccountDueDate $due,
		private ReceiptGuard $receipts
	) {
	}

	/**
	 * @param int           $order_id   Order the result is for.
	 * @param string        $request_id RequestID of the attempt the caller authenticated.
	 * @param PaymentResult $result     What the provider reported.
	 * @param Attempt|null  $legacy     A Pay via ProxyAPI 2.2.7 attempt rebuilt from the order, stored on first use;
	 *                                  accepted only while the order has no attempt of this plugin.
	 * @return Decision What was done.
	 * @throws SettlementRefused When the result does not belong to that attempt.
	 * @throws OrderLocked When another request holds the order's lock too long (nothing was changed).
	 */
	public function settle( int $order_id, string $request_id, PaymentResult $result, ?Attempt $legacy = null ): Decision {
		$decision = $this->lock->with_lock(
			$order_id,
			fn (): Decision => $this->apply_locked( $order_id, $request_id, $result, $legacy )
		);
		if ( null !== $result->due_date ) {
			$this->due->record( $result->due_date, time() );
		}
		if ( $decision->changes_state() ) {
			$this->fire_hooks( $order_id, $decision, $result );
		}
		return $decision;
	}

	/**
	 * Checks, without the lock and without changing anything, that $result is about attempt $request_id of the
	 * order, so a callback about another payment request is refused before it is accepted. settle() checks
	 * again under the lock.
	 *
	 * @param int           $order_id   Order.
	 * @param string        $request_id Attempt the caller authenticated.
	 * @param PaymentResult $result     Result.
	 * @throws SettlementRefused When it is not.
	 */
	public function vouch( int $order_id, string $request_id, PaymentResult $result ): void {
		$order = wc_get_order( $order_id );
		if ( ! $order instanceof \WC_Order ) {
			throw new SettlementRefused( 'The order no longer exists.' );
		}
		$this->matching_attempt( $order, $request_id, $result, null );
	}

	/**
	 * @param int           $order_id   Order.
	 * @param string        $request_id Attempt.
	 * @param PaymentResult $result     Result.
	 * @param Attempt|null  $legacy     Rebuilt 2.2.7 attempt, if any.
	 * @return Decision
	 * @throws SettlementRefused When the ids do not match.
	 */
	private function apply_locked( int $order_id, string $request_id, PaymentResult $result, ?Attempt $legacy ): Decision {
		$order = wc_get_order( $order_id );
		if ( ! $order instanceof \WC_Order ) {
			throw new SettlementRefused( 'The order no longer exists.' );
		}
		$attempt = $this->matching_attempt( $order, $request_id, $result, $legacy );
		$latest  = $this->meta->latest_attempt( $order );
		// With nothing stored yet (a rebuilt 2.2.7 attempt), the matched attempt is the order's only one.
		$facts = new OrderFacts( $order->is_paid(), $order->get_status(), null !== $latest ? $latest->request_id : $attempt->request_id );

		$decision = $this->receipts->vet( $order_id, $result, $this->rules->decide( $attempt, $result, $facts ) );
		$updated  = $this->updated_attempt( $attempt, $result, $decision );
		$this->meta->save_attempt( $order, $updated );
		if ( $result->is_paid() ) {
			$this->meta->record_payer( $order, $result );
		}
		$this->apply_to_order( $order, $decision, $updated, $result );
		$this->logger->info(
			'Payment result settled.',
			array(
				'order_id'    => $order_id,
				'source'      => $result->source,
				'result_code' => $result->result_code,
				'decision'    => $decision->action,
			)
		);
		return $decision;
	}

	/**
	 * @param \WC_Order     $order      Order.
	 * @param string        $request_id RequestID the token belongs to.
	 * @param PaymentResult $result     Result.
	 * @param Attempt|null  $legacy     Rebuilt 2.2.7 attempt, used when none is stored yet.
	 * @return Attempt
	 * @throws SettlementRefused When the body's ids belong to another attempt.
	 */
	private function matching_attempt( \WC_Order $order, string $request_id, PaymentResult $result, ?Attempt $legacy ): Attempt {
		$attempts = $this->meta->attempts( $order );
		if ( null !== $legacy ) {
			// Re-checked under the lock: a payment this plugin started makes the tokenless 2.2.7 URL useless for the order.
			foreach ( $attempts as $attempt ) {
				if ( Attempt::ORIGIN_LEGACY !== $attempt->origin ) {
					throw new SettlementRefused( 'The order has a payment attempt of this plugin; the 2.2.7 callback URL cannot settle it.' );
				}
			}
			if ( $legacy->request_id === $request_id ) {
				$attempts[] = $legacy;
			}
		}
		foreach ( $attempts as $attempt ) {
			if ( $attempt->request_id !== $request_id ) {
				continue;
			}
			// Before the provider's answer is stored (a callback can beat it), the token alone vouches for the attempt.
			$ids_match = ( '' === $attempt->checkout_request_id || hash_equals( $attempt->checkout_request_id, $result->checkout_request_id ) )
				&& ( '' === $result->merchant_request_id || '' === $attempt->merchant_request_id || hash_equals( $attempt->merchant_request_id, $result->merchant_request_id ) )
				&& ( '' === $result->request_id || hash_equals( $attempt->request_id, $result->request_id ) );
			if ( ! $ids_match ) {
				throw new SettlementRefused( 'The callback is about another payment request.' );
			}
			return $attempt;
		}
		throw new SettlementRefused( 'No such payment attempt on this order.' );
	}

	/**
	 * @param Attempt       $attempt  Before.
	 * @param PaymentResult $result   Result.
	 * @param Decision      $decision Verdict.
	 * @return Attempt After: every callback is recorded, the state changes only on a real change.
	 */
	private function updated_attempt( Attempt $attempt, PaymentResult $result, Decision $decision ): Attempt {
		$now     = time();
		$updated = $attempt->with_event(
			$result->source,
			$now,
			array(
				'result_code' => $result->result_code,
				'decision'    => $decision->action,
			)
		);
		$status = array(
			Decision::COMPLETE          => AttemptStatus::PAID,
			Decision::FAIL              => AttemptStatus::FAILED,
			Decision::FAIL_ATTEMPT_ONLY => AttemptStatus::FAILED,
			Decision::HOLD_UNDERPAID    => AttemptStatus::UNDERPAID,
		)[ $decision->action ] ?? null;
		if ( Decision::NOTE_ONLY === $decision->action && $result->is_paid() ) {
			// A second payment for a paid order: the order stays as it is, but this attempt's money is real, and
			// marking it paid makes a repeat of the same result a duplicate instead of a second note.
			$status = AttemptStatus::PAID;
		}
		if ( null === $status || ! AttemptStatus::can_move( $attempt->status, $status ) ) {
			return $updated;
		}
		return $updated->with(
			array(
				'status'              => $status,
				'result_code'         => $result->result_code,
				'result_desc'         => $result->result_desc,
				'receipt'             => $result->receipt,
				'checkout_request_id' => '' !== $attempt->checkout_request_id ? $attempt->checkout_request_id : $result->checkout_request_id,
				'settled_at'          => $now,
				'settled_by'          => $result->source,
				'amount_paid'         => $result->amount ?? $attempt->amount_paid,
				// Settled: any scheduled reconciliation run has nothing left to do.
				'reconcile_next_at'   => 0,
			)
		);
	}

	/**
	 * @param \WC_Order     $order    Order (saved here).
	 * @param Decision      $decision Verdict.
	 * @param Attempt       $attempt  Updated attempt.
	 * @param PaymentResult $result   Result.
	 */
	private function apply_to_order( \WC_Order $order, Decision $decision, Attempt $attempt, PaymentResult $result ): void {
		$reason = '' !== $decision->reason ? ' ' . $decision->reason : '';
		$via    = $decision->changes_state() ? self::via( $attempt, $result ) : '';
		switch ( $decision->action ) {
			case Decision::COMPLETE:
				/* translators: 1: M-Pesa receipt, 2: amount in KES. */
				$order->add_order_note( sprintf( __( 'M-Pesa payment received: receipt %1$s, KES %2$s.', 'pay-via-proxyapi' ), $result->receipt, number_format_i18n( $result->amount ?? $attempt->amount, 2 ) ) . $reason . $via );
				$order->payment_complete( $result->receipt );
				return;
			case Decision::FAIL:
				/* translators: 1: M-Pesa's description, 2: result code. */
				self::move_to( $order, 'failed', sprintf( __( 'M-Pesa payment failed: %1$s (result code %2$s).', 'pay-via-proxyapi' ), self::clean( $result->result_desc ), $result->result_code ) . $via );
				return;
			case Decision::HOLD_UNDERPAID:
				/* translators: %s: why the order is on hold. */
				self::move_to( $order, 'on-hold', sprintf( __( 'M-Pesa payment needs checking: %s', 'pay-via-proxyapi' ), $decision->reason ) . ' ' . sprintf( __( 'Receipt %s.', 'pay-via-proxyapi' ), $result->receipt ) . $via );
				return;
			case Decision::FAIL_ATTEMPT_ONLY:
			case Decision::NOTE_ONLY:
				/* translators: 1: M-Pesa's description, 2: result code. */
				$order->add_order_note( trim( $decision->reason . ' ' . sprintf( __( 'M-Pesa said: %1$s (result code %2$s).', 'pay-via-proxyapi' ), self::clean( $result->result_desc ), $result->result_code ) ) );
				$order->save();
				return;
			default:
				$order->save();
		}
	}

	/**
	 * @param int           $order_id Order.
	 * @param Decision      $decision Verdict that changed state.
	 * @param PaymentResult $result   Result.
	 */
	private function fire_hooks( int $order_id, Decision $decision, PaymentResult $result ): void {
		if ( Decision::COMPLETE === $decision->action ) {
			/**
			 * Fires once when an M-Pesa payment completes an order.
			 *
			 * @since 2.0.0 (Pay via ProxyAPI)
			 * @param int $order_id Order id.
			 */
			do_action( 'proxyapi_pvp_payment_completed', $order_id );
			/**
			 * Alias of proxyapi_pvp_payment_completed, under the name the original announcement used.
			 *
			 * @since 3.0.0
			 * @param int $order_id Order id.
			 */
			do_action( 'pvp_on_payment_complete', $order_id );
			return;
		}
		if ( Decision::FAIL === $decision->action ) {
			/**
			 * Fires once when M-Pesa reports an order's payment failed.
			 *
			 * @since 2.0.0 (Pay via ProxyAPI)
			 * @param int    $order_id    Order id.
			 * @param string $result_code M-Pesa ResultCode (e.g. "1032" cancelled by the shopper).
			 * @param string $result_desc M-Pesa's description.
			 */
			do_action( 'proxyapi_pvp_payment_failed', $order_id, $result->result_code, $result->result_desc );
		}
	}

	/**
	 * WooCommerce writes a status note only when the status changes; an order already in that status (a 2.2.7
	 * order waits "on hold") must still get the note.
	 *
	 * @param \WC_Order $order  Order (saved here).
	 * @param string    $status Wanted status.
	 * @param string    $note   Why.
	 */
	private static function move_to( \WC_Order $order, string $status, string $note ): void {
		if ( ! $order->has_status( $status ) ) {
			$order->update_status( $status, $note );
			return;
		}
		$order->add_order_note( $note );
		$order->save();
	}

	/**
	 * @param Attempt       $attempt The attempt.
	 * @param PaymentResult $result  Result that changes its state.
	 * @return string How the result reached the store, when not by an ordinary callback ('' otherwise).
	 */
	private static function via( Attempt $attempt, PaymentResult $result ): string {
		if ( Attempt::ORIGIN_LEGACY === $attempt->origin ) {
			return ' ' . __( 'Settled through the Pay via ProxyAPI 2.2.7 callback URL.', 'pay-via-proxyapi' );
		}
		if ( ! in_array( $result->source, array( PaymentResult::SOURCE_STK, PaymentResult::SOURCE_PVP ), true ) ) {
			/* translators: %s: where the result was found, e.g. "report". */
			return ' ' . sprintf( __( 'No callback reached the store; reconciliation found this result (%s).', 'pay-via-proxyapi' ), $result->source );
		}
		return '';
	}

	/**
	 * @param string $text Provider text (attacker-controllable).
	 * @return string Plain text for a note.
	 */
	private static function clean( string $text ): string {
		return sanitize_text_field( $text );
	}
}
