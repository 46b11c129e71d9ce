<?php
/**
 * Refunds an M-Pesa order through a Daraja reversal (Daraja direct only).
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Refunds;

use PayViaProxyApi\Logging\Logger;
use PayViaProxyApi\Order\OrderLock;
use PayViaProxyApi\Order\OrderMeta;
use PayViaProxyApi\Payment\Attempt;
use PayViaProxyApi\Payment\AttemptStatus;
use PayViaProxyApi\Payment\CallbackToken;
use PayViaProxyApi\Provider\ProviderException;
use PayViaProxyApi\Provider\ProviderFactory;
use PayViaProxyApi\Settings\Settings;

/**
 * WooCommerce creates the refund, then asks the gateway to move the money. A reversal is asynchronous, so:
 * when M-Pesa accepts the request the refund stands, with a note saying the result is awaited; the result
 * (ReversalSettlement) confirms it with a note, or removes the refund again and says why. A request M-Pesa
 * refuses returns an error, and WooCommerce then deletes the refund itself: nothing changes.
 */
final class RefundService {

	/**
	 * @param ProviderFactory $providers Provider choice and the reversal client.
	 * @param OrderMeta       $meta      The order's payment attempts.
	 * @param OrderLock       $lock      Per-order lock shared with callbacks.
	 * @param ReversalStore   $store     The order's reversals.
	 * @param ReversalRules   $rules     When a reversal may be asked for.
	 * @param ReversalAddress $address   Result URL builder.
	 * @param Settings        $settings  Whether plain-HTTP result URLs are allowed (local development).
	 * @param Logger          $logger    Redacting logger.
	 */
	public function __construct(
		private ProviderFactory $providers,
		private OrderMeta $meta,
		private OrderLock $lock,
		private ReversalStore $store,
		private ReversalRules $rules,
		private ReversalAddress $address,
		private Settings $settings,
		private Logger $logger
	) {
	}

	/**
	 * @return bool Whether refunds go through M-Pesa: the configured provider's capability.
	 */
	public function is_offered(): bool {
		return $this->providers->payments()->supports_refunds();
	}

	/**
	 * @param int        $order_id Order.
	 * @param float|null $amount   Refund amount, as WooCommerce passes it.
	 * @return true|\WP_Error True once M-Pesa accepted the reversal (or may have); an error, with nothing changed, otherwise.
	 */
	public function refund( int $order_id, ?float $amount ): bool|\WP_Error {
		$order = wc_get_order( $order_id );
		if ( ! $order instanceof \WC_Order || ! $this->is_offered() ) {
			return self::error( __( 'Refunds through M-Pesa are available only with Daraja direct as the provider.', 'pay-via-proxyapi' ) );
		}
		$paid   = $this->paid_attempt( $order );
		$refund = null !== $amount ? $this->new_refund( $order, $amount ) : null;
		if ( null === $refund ) {
			return self::error( __( 'Start M-Pesa refunds from the order\'s Refund button, for the whole order.', 'pay-via-proxyapi' ) );
		}
		$refused = $this->rules->refusal( $paid->receipt ?? '', (float) $amount, (float) $order->get_total(), (float) $order->get_total_refunded() - (float) $amount, $this->store->all( $order ) );
		if ( null !== $refused || null === $paid ) {
			return self::error( self::refusal_message( $refused ?? ReversalRules::REFUSE_NO_PAYMENT, $order ) );
		}
		$token = $this->address->token();
		$url   = $this->address->url( $order_id, $refund->get_id(), $token );
		if ( ! str_starts_with( $url, 'https://' ) && ! $this->settings->allows_plain_http() ) {
			return self::error( __( 'M-Pesa can only send the refund result to a store on HTTPS.', 'pay-via-proxyapi' ) );
		}
		$record = new ReversalRecord( $refund->get_id(), CallbackToken::hash( $token ), $paid->amount, $paid->receipt, $order->get_status(), time() );
		$this->update( $order_id, $record->refund_id, static fn (): ReversalRecord => $record );
		/* translators: %s: order number. */
		return $this->send( $order_id, $record, $url, sprintf( __( 'Refund of order %s', 'pay-via-proxyapi' ), (string) $order->get_order_number() ) );
	}

	/**
	 * @param int            $order_id Order.
	 * @param ReversalRecord $record   The stored REQUESTING record.
	 * @param string         $url      Result URL.
	 * @param string         $remarks  What M-Pesa keeps with the reversal.
	 * @return true|\WP_Error
	 */
	private function send( int $order_id, ReversalRecord $record, string $url, string $remarks ): bool|\WP_Error {
		try {
			$accepted = $this->providers->reversals()->reverse( $record->receipt, $record->amount, $url, $remarks );
		} catch ( ProviderException $e ) {
			return $this->after_failure( $order_id, $record, $e );
		}
		$this->update(
			$order_id,
			$record->refund_id,
			static function ( ?ReversalRecord $stored ) use ( $record, $accepted ): ReversalRecord {
				$current = $stored ?? $record;
				return $current->with(
					array(
						'status'                     => $current->is_final() ? $current->status : ReversalRecord::REQUESTED,
						'originator_conversation_id' => $accepted->originator_conversation_id,
						'conversation_id'            => $accepted->conversation_id,
					)
				);
			},
			/* translators: 1: amount in KES, 2: M-Pesa receipt of the payment, 3: Daraja ConversationID. */
			sprintf( __( 'M-Pesa reversal requested: KES %1$s of payment %2$s goes back to the shopper once Safaricom confirms it (ConversationID %3$s). The result will be noted here.', 'pay-via-proxyapi' ), number_format_i18n( $record->amount ), $record->receipt, $accepted->conversation_id )
		);
		$this->logger->info( 'Reversal requested.', array( 'order_id' => $order_id, 'refund_id' => $record->refund_id ) );
		return true;
	}

	/**
	 * A refusal changes nothing (WooCommerce deletes its refund); a lost answer keeps the refund and waits.
	 *
	 * @param int               $order_id Order.
	 * @param ReversalRecord    $record   The stored REQUESTING record.
	 * @param ProviderException $e        Why.
	 * @return true|\WP_Error
	 */
	private function after_failure( int $order_id, ReversalRecord $record, ProviderException $e ): bool|\WP_Error {
		$this->logger->warning( 'Reversal not requested.', array( 'order_id' => $order_id, 'kind' => $e->kind, 'reason' => $e->getMessage() ) );
		if ( $e->outcome_unknown() ) {
			$this->update(
				$order_id,
				$record->refund_id,
				static fn ( ?ReversalRecord $stored ): ReversalRecord => ( $stored ?? $record )->with( array( 'status' => ReversalRecord::REQUESTED ) ),
				/* translators: 1: M-Pesa receipt, 2: what went wrong. */
				sprintf( __( 'M-Pesa\'s answer to the reversal of payment %1$s was lost (%2$s). Its result will be noted here; if none arrives within an hour, check the M-Pesa portal and delete this refund if the money was not returned.', 'pay-via-proxyapi' ), $record->receipt, $e->getMessage() )
			);
			return true;
		}
		$this->update( $order_id, $record->refund_id, static fn ( ?ReversalRecord $stored ): ReversalRecord => ( $stored ?? $record )->with( array( 'status' => ReversalRecord::FAILED, 'result_desc' => $e->getMessage(), 'settled_at' => time() ) ) );
		/* translators: %s: the reason, e.g. Daraja's error message and code. */
		return self::error( sprintf( __( 'M-Pesa did not accept the refund, so nothing was refunded: %s', 'pay-via-proxyapi' ), $e->getMessage() ) );
	}

	/**
	 * Writes the record under the order lock (the result route may be writing the same record).
	 *
	 * @param int         $order_id  Order.
	 * @param int         $refund_id Refund.
	 * @param \Closure    $change    fn( ?ReversalRecord $stored ): ReversalRecord; null only for the first write.
	 * @param string|null $note      Order note to add in the same save.
	 */
	private function update( int $order_id, int $refund_id, \Closure $change, ?string $note = null ): void {
		$this->lock->with_lock(
			$order_id,
			function () use ( $order_id, $refund_id, $change, $note ): void {
				$order = wc_get_order( $order_id );
				if ( ! $order instanceof \WC_Order ) {
					return;
				}
				$this->store->save( $order, $change( $this->store->find( $order, $refund_id ) ) );
				if ( null !== $note ) {
					$order->add_order_note( $note );
				}
				$order->save();
			}
		);
	}

	/**
	 * @param \WC_Order $order Order.
	 * @return Attempt|null The attempt that paid it, with its receipt.
	 */
	private function paid_attempt( \WC_Order $order ): ?Attempt {
		foreach ( array_reverse( $this->meta->attempts( $order ) ) as $attempt ) {
			if ( AttemptStatus::PAID === $attempt->status && '' !== $attempt->receipt ) {
				return $attempt;
			}
		}
		return null;
	}

	/**
	 * WooCommerce saved the refund just before asking the gateway, and does not say which it is: the newest
	 * refund of the order, for this amount, that has no reversal yet.
	 *
	 * @param \WC_Order $order  Order.
	 * @param float     $amount Refund amount.
	 * @return \WC_Order_Refund|null
	 */
	private function new_refund( \WC_Order $order, float $amount ): ?\WC_Order_Refund {
		$ids = wc_get_orders(
			array(
				'type'   => 'shop_order_refund',
				'parent' => $order->get_id(),
				'limit'  => -1,
				'return' => 'ids',
			)
		);
		// 'return' => 'ids' gives ints; the stubs type every result as orders.
		$ids    = array_map( static fn ( $id ): int => $id instanceof \WC_Abstract_Order ? $id->get_id() : (int) $id, is_array( $ids ) ? $ids : array() );
		$id     = array() !== $ids ? max( $ids ) : 0;
		$refund = $id > 0 ? wc_get_order( $id ) : null;
		if ( ! $refund instanceof \WC_Order_Refund || abs( (float) $refund->get_amount() - $amount ) > 0.005 || null !== $this->store->find( $order, $id ) ) {
			return null;
		}
		return $refund;
	}

	/**
	 * @param string    $code  ReversalRules::REFUSE_*.
	 * @param \WC_Order $order Order.
	 * @return string For the store owner.
	 */
	private static function refusal_message( string $code, \WC_Order $order ): string {
		switch ( $code ) {
			case ReversalRules::REFUSE_NO_PAYMENT:
				return __( 'This order has no M-Pesa payment with a receipt to reverse.', 'pay-via-proxyapi' );
			case ReversalRules::REFUSE_IN_PROGRESS:
				return __( 'An M-Pesa reversal of this payment is already waiting for Safaricom\'s result.', 'pay-via-proxyapi' );
			case ReversalRules::REFUSE_REVERSED:
				return __( 'This M-Pesa payment has already been reversed.', 'pay-via-proxyapi' );
			default:
				/* translators: %s: order total in KES. */
				return sprintf( __( 'M-Pesa reverses a payment in full only: refund the whole order (KES %s) in one refund, or record a partial refund manually and pay it back another way.', 'pay-via-proxyapi' ), number_format_i18n( (float) $order->get_total(), 2 ) );
		}
	}

	/**
	 * @param string $message For the store owner.
	 * @return \WP_Error
	 */
	private static function error( string $message ): \WP_Error {
		return new \WP_Error( 'pvp_refund_refused', $message );
	}
}
