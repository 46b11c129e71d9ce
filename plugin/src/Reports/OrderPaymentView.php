<?php
/**
 * What the order screen's M-Pesa panel shows: receipt, payer, amount paid against the total, every attempt.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Reports;

use PayViaProxyApi\Order\OrderMeta;
use PayViaProxyApi\Payment\Attempt;
use PayViaProxyApi\Payment\AttemptStatus;

/**
 * Reads the order meta (the truth, not the index) and returns plain data for the panel and its REST route.
 * Only listed fields leave: never the callback token's hash, never a full phone number unless the store
 * shows them in full. Texts from callbacks are passed as data; the browser renders them as text.
 */
final class OrderPaymentView {

	/** Event fields shown in the attempt history; anything else an event carries stays on the server. */
	private const EVENT_FIELDS = array( 'kind', 'at', 'result_code', 'decision', 'outcome' );

	/**
	 * @param OrderMeta   $meta   Order meta owner.
	 * @param LegacyOrder $legacy 2.2.7 orders' data.
	 * @param \Closure    $phones Returns the PhoneDisplay for the current setting.
	 */
	public function __construct( private OrderMeta $meta, private LegacyOrder $legacy, private \Closure $phones ) {
	}

	/**
	 * @param \WC_Order $order The order.
	 * @return array<string, mixed> The panel's data (mirrored by the OrderPayment type in TypeScript).
	 */
	public function for_order( \WC_Order $order ): array {
		$attempts = array_map( static fn ( Attempt $a ): array => $a->to_array(), $this->meta->attempts( $order ) );
		$legacy   = array() === $attempts ? $this->legacy->attempt( $order ) : null;
		$attempts = null !== $legacy ? array( $legacy ) : $attempts;
		$payer    = $this->meta->payer( $order );
		$phones   = ( $this->phones )();
		$paid     = array_sum( array_map( array( self::class, 'received' ), $attempts ) );
		return array(
			'order_id'       => $order->get_id(),
			'order_number'   => (string) $order->get_order_number(),
			'status'         => $order->get_status(),
			'status_label'   => wc_get_order_status_name( $order->get_status() ),
			'is_paid'        => $order->is_paid(),
			'currency'       => $order->get_currency(),
			'total'          => (string) $order->get_total( 'edit' ),
			'total_due'      => OrderTotal::shillings( (string) $order->get_total( 'edit' ) ),
			'amount_paid'    => round( $paid, 2 ),
			'receipt'        => (string) $order->get_transaction_id(),
			'legacy'         => null !== $legacy,
			'payer'          => array(
				'name'             => trim( $payer['first_name'] . ' ' . $payer['last_name'] ),
				'phone'            => $phones->show( $payer['phone'] ),
				'transaction_time' => $payer['transaction_time'],
			),
			'attempts'       => array_map( fn ( array $a ): array => $this->attempt( $a, $phones ), $attempts ),
			'can_reconcile'  => ! $order->is_paid() && array() !== $attempts,
			'phones_in_full' => $phones->is_full(),
		);
	}

	/**
	 * @param array<string, mixed> $attempt Attempt::to_array() (or a rebuilt 2.2.7 attempt).
	 * @param PhoneDisplay         $phones  Phone display.
	 * @return array<string, mixed>
	 */
	private function attempt( array $attempt, PhoneDisplay $phones ): array {
		$events = is_array( $attempt['events'] ?? null ) ? array_values( array_filter( $attempt['events'], 'is_array' ) ) : array();
		$status = (string) ( $attempt['status'] ?? '' );
		return array(
			'request_id'          => (string) ( $attempt['request_id'] ?? '' ),
			'merchant_request_id' => (string) ( $attempt['merchant_request_id'] ?? '' ),
			'checkout_request_id' => (string) ( $attempt['checkout_request_id'] ?? '' ),
			'phone'               => $phones->show( (string) ( $attempt['phone'] ?? '' ) ),
			'amount'              => (int) ( $attempt['amount'] ?? 0 ),
			'status'              => $status,
			'result_code'         => (string) ( $attempt['result_code'] ?? '' ),
			'result_desc'         => (string) ( $attempt['result_desc'] ?? '' ),
			'receipt'             => (string) ( $attempt['receipt'] ?? '' ),
			'created_at'          => (int) ( $attempt['created_at'] ?? 0 ),
			// Added to attempts by later versions; 0 when the attempt predates them.
			'accepted_at'         => (int) ( $attempt['accepted_at'] ?? 0 ),
			'settled_at'          => (int) ( $attempt['settled_at'] ?? 0 ),
			'reconciliation'      => ReconciliationState::of( $attempt ),
			'reconcile_runs'      => ReconciliationState::runs( $attempt ),
			'reconcile_next_at'   => (int) ( $attempt['reconcile_next_at'] ?? 0 ),
			'settled_by'          => (string) ( $attempt['settled_by'] ?? '' ),
			'amount_paid'         => is_numeric( $attempt['amount_paid'] ?? null ) ? (float) $attempt['amount_paid'] : null,
			'events'              => array_map( array( self::class, 'event' ), $events ),
		);
	}

	/**
	 * @param array<string, mixed> $attempt An attempt.
	 * @return float What M-Pesa reported received for it: the amount it reported when it did, else the amount
	 *               asked for a paid attempt, else nothing.
	 */
	private static function received( array $attempt ): float {
		$status = $attempt['status'] ?? '';
		if ( is_numeric( $attempt['amount_paid'] ?? null ) && in_array( $status, array( AttemptStatus::PAID, AttemptStatus::UNDERPAID ), true ) ) {
			return (float) $attempt['amount_paid'];
		}
		return AttemptStatus::PAID === $status ? (float) ( $attempt['amount'] ?? 0 ) : 0.0;
	}

	/**
	 * @param array<string, mixed> $event One callback or reconciliation run.
	 * @return array<string, int|string>
	 */
	private static function event( array $event ): array {
		$shown = array();
		foreach ( self::EVENT_FIELDS as $field ) {
			$value = $event[ $field ] ?? '';
			if ( 'at' === $field ) {
				$shown['at'] = (int) $value;
				continue;
			}
			$shown[ $field ] = is_scalar( $value ) ? mb_substr( (string) $value, 0, 200 ) : '';
		}
		return $shown;
	}
}
