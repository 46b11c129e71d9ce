<?php
/**
 * The money rules: what a provider result may do to an attempt and its order.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Payment;

/**
 * Pure decisions, so every path from a callback to an order state is unit-tested without WordPress.
 *
 * Rules:
 * - a result for an attempt that already reached that state is a duplicate: nothing happens twice;
 * - a paid attempt or a paid order is never downgraded; a later failure is only noted (once);
 * - a success pays the order only if the reported amount (when reported) covers what was asked;
 * - a success after a failure (late payment) still pays: the money is real;
 * - a failure of an older attempt does not fail the order while a newer attempt is live.
 */
final class SettlementRules {

	/**
	 * @param Attempt       $attempt The attempt the result is about (already matched by its ids).
	 * @param PaymentResult $result  What the provider reported.
	 * @param OrderFacts    $order   The order, read under its lock.
	 * @return Decision
	 */
	public function decide( Attempt $attempt, PaymentResult $result, OrderFacts $order ): Decision {
		if ( $result->is_paid() ) {
			return $this->decide_success( $attempt, $result, $order );
		}
		return $this->decide_failure( $attempt, $result, $order );
	}

	/**
	 * @param Attempt       $attempt The attempt.
	 * @param PaymentResult $result  A paid result.
	 * @param OrderFacts    $order   The order.
	 * @return Decision
	 */
	private function decide_success( Attempt $attempt, PaymentResult $result, OrderFacts $order ): Decision {
		if ( in_array( $attempt->status, array( AttemptStatus::PAID, AttemptStatus::UNDERPAID ), true ) ) {
			return new Decision( Decision::DUPLICATE );
		}
		if ( null !== $result->amount && $result->amount + 0.000001 < $attempt->amount ) {
			return new Decision(
				Decision::HOLD_UNDERPAID,
				sprintf( 'M-Pesa reports KES %s paid but KES %d was requested.', self::format_amount( $result->amount ), $attempt->amount )
			);
		}
		if ( $order->is_paid ) {
			return new Decision( Decision::NOTE_ONLY, 'M-Pesa reports a second payment for an order that was already paid: check whether to refund it.' );
		}
		if ( in_array( $order->status, array( 'failed', 'cancelled' ), true ) || AttemptStatus::FAILED === $attempt->status ) {
			return new Decision( Decision::COMPLETE, sprintf( 'Late M-Pesa payment: the order was %s when the payment arrived.', $order->status ) );
		}
		return new Decision( Decision::COMPLETE );
	}

	/**
	 * @param Attempt       $attempt The attempt.
	 * @param PaymentResult $result  A failed result.
	 * @param OrderFacts    $order   The order.
	 * @return Decision
	 */
	private function decide_failure( Attempt $attempt, PaymentResult $result, OrderFacts $order ): Decision {
		if ( AttemptStatus::FAILED === $attempt->status && $attempt->result_code === $result->result_code ) {
			return new Decision( Decision::DUPLICATE );
		}
		if ( in_array( $attempt->status, array( AttemptStatus::PAID, AttemptStatus::UNDERPAID ), true ) || $order->is_paid ) {
			if ( self::has_event_with_code( $attempt, $result->result_code ) ) {
				return new Decision( Decision::DUPLICATE );
			}
			return new Decision( Decision::NOTE_ONLY, 'A failure report arrived after the payment was recorded; the order stays paid.' );
		}
		if ( AttemptStatus::FAILED === $attempt->status ) {
			return new Decision( Decision::DUPLICATE );
		}
		if ( $attempt->request_id !== $order->latest_request_id ) {
			return new Decision( Decision::FAIL_ATTEMPT_ONLY, 'An earlier M-Pesa prompt failed; a newer one is still waiting.' );
		}
		return new Decision( Decision::FAIL );
	}

	/**
	 * @param Attempt $attempt The attempt.
	 * @param string  $code    A ResultCode.
	 * @return bool Whether a callback with that code was already recorded.
	 */
	private static function has_event_with_code( Attempt $attempt, string $code ): bool {
		foreach ( $attempt->events as $event ) {
			if ( ( $event['result_code'] ?? null ) === $code ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @param float $amount An amount.
	 * @return string It with no needless decimals.
	 */
	private static function format_amount( float $amount ): string {
		return rtrim( rtrim( number_format( $amount, 2, '.', '' ), '0' ), '.' );
	}
}
