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
use PayViaProxyApi\Order\OrderMeta;

/**
 * The single settlement path for callbacks (and, later, reconciliation). Under the order's lock it
 * re-reads the order, asks SettlementRules what to do, writes the outcome, and only after the lock is
 * released fires the action hooks, once per real state change.
 */
final class Settlement {

	/**
	 * @param OrderMeta       $meta   Order meta owner.
	 * @param OrderLock       $lock   Per-order lock.
	 * @param SettlementRules $rules  The money rules.
	 * @param Logger          $logger Redacting logger.
	 */
	public function __construct(
		private OrderMeta $meta,
		private OrderLock $lock,
		private SettlementRules $rules,
		private Logger $logger
	) {
	}

	/**
	 * @param int           $order_id   Order the result is for.
	 * @param string        $request_id RequestID of the attempt the caller authenticated.
	 * @param PaymentResult $result     What the provider reported.
	 * @return Decision What was done.
	 * @throws SettlementRefused When the result does not belong to that attempt.
	 */
	public function settle( int $order_id, string $request_id, PaymentResult $result ): Decision {
		$decision = $this->lock->with_lock(
			$order_id,
			fn (): Decision => $this->apply_locked( $order_id, $request_id, $result )
		);
		if ( $decision->changes_state() ) {
			$this->fire_hooks( $order_id, $decision, $result );
		}
		return $decision;
	}

	/**
	 * @param int           $order_id   Order.
	 * @param string        $request_id Attempt.
	 * @param PaymentResult $result     Result.
	 * @return Decision
	 * @throws SettlementRefused When the ids do not match.
	 */
	private function apply_locked( int $order_id, string $request_id, PaymentResult $result ): Decision {
		$order = wc_get_order( $order_id );
		if ( ! $order instanceof \WC_Order ) {
			throw new SettlementRefused( 'The order no longer exists.' );
		}
		$attempt = $this->matching_attempt( $order, $request_id, $result );
		$latest  = $this->meta->latest_attempt( $order );
		$facts   = new OrderFacts( $order->is_paid(), $order->get_status(), null !== $latest ? $latest->request_id : '' );

		$decision = $this->rules->decide( $attempt, $result, $facts );
		$updated  = $this->updated_attempt( $attempt, $result, $decision );
		$this->meta->save_attempt( $order, $updated );
		if ( $result->is_paid() ) {
			$this->meta->record_payer( $order, $result );
		}
		$this->apply_to_order( $order, $decision, $updated, $result );
		$this->logger->info(
			'Callback settled.',
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
	 * @return Attempt
	 * @throws SettlementRefused When the body's ids belong to another attempt.
	 */
	private function matching_attempt( \WC_Order $order, string $request_id, PaymentResult $result ): Attempt {
		foreach ( $this->meta->attempts( $order ) as $attempt ) {
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
		$updated = $attempt->with_event(
			$result->source,
			time(),
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
		switch ( $decision->action ) {
			case Decision::COMPLETE:
				/* translators: 1: M-Pesa receipt, 2: amount in KES. */
				$order->add_order_note( sprintf( __( 'M-Pesa payment received: receipt %1$s, KES %2$s.', 'pay-via-proxyapi' ), $result->receipt, number_format_i18n( $result->amount ?? $attempt->amount, 2 ) ) . $reason );
				$order->payment_complete( $result->receipt );
				return;
			case Decision::FAIL:
				/* translators: 1: M-Pesa's description, 2: result code. */
				$order->update_status( 'failed', sprintf( __( 'M-Pesa payment failed: %1$s (result code %2$s).', 'pay-via-proxyapi' ), self::clean( $result->result_desc ), $result->result_code ) );
				return;
			case Decision::HOLD_UNDERPAID:
				/* translators: %s: why the order is on hold. */
				$order->update_status( 'on-hold', sprintf( __( 'M-Pesa payment needs checking: %s', 'pay-via-proxyapi' ), $decision->reason ) . ' ' . sprintf( __( 'Receipt %s.', 'pay-via-proxyapi' ), $result->receipt ) );
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
	 * @param string $text Provider text (attacker-controllable).
	 * @return string Plain text for a note.
	 */
	private static function clean( string $text ): string {
		return sanitize_text_field( $text );
	}
}
