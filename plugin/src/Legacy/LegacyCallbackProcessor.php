<?php
/**
 * Settles a callback posted to the Pay via ProxyAPI 2.2.7 URL, when it belongs to a payment 2.2.7 started.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Legacy;

use PayViaProxyApi\Callback\CallbackParser;
use PayViaProxyApi\Callback\MalformedCallback;
use PayViaProxyApi\Logging\Logger;
use PayViaProxyApi\Order\OrderLocked;
use PayViaProxyApi\Order\OrderMeta;
use PayViaProxyApi\Payment\Attempt;
use PayViaProxyApi\Payment\PaymentResult;
use PayViaProxyApi\Payment\Settlement;
use PayViaProxyApi\Payment\SettlementRefused;

/**
 * Parses the body with the same parser as the REST route, finds the order by CheckoutRequestID (as 2.2.7
 * did, but HPOS-safe), checks LegacyCallbackRules and hands the result to Settlement with the rebuilt 2.2.7
 * attempt. Anything refused changes nothing and is logged.
 */
final class LegacyCallbackProcessor {

	/** The outcome when the callback does not parse. */
	public const MALFORMED = 'malformed';

	/** The outcome when no single order has the body's CheckoutRequestID. */
	public const NO_ORDER = 'no_order';

	/** The outcome when Settlement refused the ids or the order was busy. */
	public const NOT_SETTLED = 'not_settled';

	/**
	 * @param CallbackParser $parser     Body parser.
	 * @param OrderMeta      $meta       Order meta owner.
	 * @param Settlement     $settlement The one settlement path.
	 * @param string         $gateway_id This gateway's id (2.2.7 used the same one).
	 * @param Logger         $logger     Redacting logger.
	 */
	public function __construct(
		private CallbackParser $parser,
		private OrderMeta $meta,
		private Settlement $settlement,
		private string $gateway_id,
		private Logger $logger
	) {
	}

	/**
	 * @param string $raw The request body.
	 * @return string A Decision action when settled, else a refusal (MALFORMED, NO_ORDER, NOT_SETTLED or a
	 *                LegacyCallbackRules constant).
	 */
	public function process( string $raw ): string {
		try {
			$result = $this->parser->parse( $raw );
		} catch ( MalformedCallback $e ) {
			return $this->refused( self::MALFORMED, 0, $e->getMessage() );
		}
		$ids = $this->meta->order_ids_with_checkout_request_id( $result->checkout_request_id, 2 );
		if ( 1 !== count( $ids ) ) {
			return $this->refused( self::NO_ORDER, 0, sprintf( '%d orders have its CheckoutRequestID.', count( $ids ) ) );
		}
		$order = wc_get_order( $ids[0] );
		if ( ! $order instanceof \WC_Order ) {
			return $this->refused( self::NO_ORDER, $ids[0], 'The order could not be read.' );
		}
		$facts   = $this->facts( $order );
		$refusal = LegacyCallbackRules::refusal( $facts, $result->checkout_request_id, time() );
		if ( null !== $refusal ) {
			return $this->refused( $refusal, $order->get_id(), '' );
		}
		return $this->settle( $order->get_id(), $result, LegacyCallbackRules::attempt( $facts ) );
	}

	/**
	 * @param int           $order_id Order.
	 * @param PaymentResult $result   Parsed callback.
	 * @param Attempt       $attempt  The rebuilt 2.2.7 attempt.
	 * @return string The Decision action, or NOT_SETTLED.
	 */
	private function settle( int $order_id, PaymentResult $result, Attempt $attempt ): string {
		try {
			$decision = $this->settlement->settle( $order_id, $attempt->request_id, $result, $attempt );
		} catch ( SettlementRefused | OrderLocked $e ) {
			return $this->refused( self::NOT_SETTLED, $order_id, $e->getMessage() );
		}
		$this->logger->info( 'Callback on the 2.2.7 URL settled.', array( 'order_id' => $order_id, 'decision' => $decision->action ) );
		return $decision->action;
	}

	/**
	 * @param \WC_Order $order The order.
	 * @return LegacyOrder
	 */
	private function facts( \WC_Order $order ): LegacyOrder {
		$legacy  = $this->meta->legacy_request( $order );
		$created = $order->get_date_created();
		return new LegacyOrder(
			$this->gateway_id === $order->get_payment_method(),
			$legacy['request_id'],
			$legacy['checkout_request_id'],
			count( array_filter( $this->meta->attempts( $order ), static fn ( Attempt $a ): bool => Attempt::ORIGIN_LEGACY !== $a->origin ) ),
			(string) $order->get_total( 'edit' ),
			(string) $order->get_billing_phone(),
			null !== $created ? $created->getTimestamp() : 0
		);
	}

	/**
	 * @param string $reason   Refusal code.
	 * @param int    $order_id Order, 0 when none was found.
	 * @param string $detail   Safe detail for the log.
	 * @return string The reason.
	 */
	private function refused( string $reason, int $order_id, string $detail ): string {
		$this->logger->warning( trim( 'Callback on the 2.2.7 URL refused (' . $reason . '). ' . $detail ), array( 'order_id' => $order_id ) );
		return $reason;
	}
}
