<?php
/**
 * The only place that knows this plugin's order meta keys.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Order;

use PayViaProxyApi\Payment\Attempt;
use PayViaProxyApi\Payment\PaymentResult;

/**
 * Typed reads and writes of M-Pesa data on a WC_Order, through WooCommerce's CRUD only (HPOS-safe).
 *
 * The public keys of Pay via ProxyAPI 2.2.7 are kept so upgraded stores keep showing old orders' data.
 * Writers change the order object; the caller saves it once.
 */
final class OrderMeta {

	public const REQUEST_ID          = 'request_id';
	public const CHECKOUT_REQUEST_ID = 'checkout_request_id';
	public const TRANSACTION_TIME    = 'mpesa_transaction_time';
	public const SENDER_MSISDN       = 'sender_msisdn';
	public const SENDER_FIRST_NAME   = 'sender_first_name';
	public const SENDER_LAST_NAME    = 'sender_last_name';
	public const MERCHANT_REQUEST_ID = '_pvp_merchant_request_id';
	public const ATTEMPTS            = '_pvp_attempts';
	public const PAYMENT_METADATA    = '_pvp_payment_metadata';

	/**
	 * @param \WC_Order $order The order.
	 * @return Attempt[] Oldest first.
	 */
	public function attempts( \WC_Order $order ): array {
		$stored = $order->get_meta( self::ATTEMPTS, true );
		if ( ! is_array( $stored ) ) {
			return array();
		}
		return array_map( array( Attempt::class, 'from_array' ), array_values( array_filter( $stored, 'is_array' ) ) );
	}

	/**
	 * @param \WC_Order $order The order.
	 * @return Attempt|null The newest attempt.
	 */
	public function latest_attempt( \WC_Order $order ): ?Attempt {
		$attempts = $this->attempts( $order );
		return $attempts ? end( $attempts ) : null;
	}

	/**
	 * Adds a new attempt or replaces the one with the same RequestID, and mirrors the newest attempt's ids
	 * into the 2.2.7 keys that other code may read.
	 *
	 * @param \WC_Order $order   The order.
	 * @param Attempt   $attempt The attempt to store.
	 */
	public function save_attempt( \WC_Order $order, Attempt $attempt ): void {
		$attempts = $this->attempts( $order );
		$replaced = false;
		foreach ( $attempts as $index => $existing ) {
			if ( $existing->request_id === $attempt->request_id ) {
				$attempts[ $index ] = $attempt;
				$replaced           = true;
			}
		}
		if ( ! $replaced ) {
			$attempts[] = $attempt;
		}
		$order->update_meta_data( self::ATTEMPTS, array_map( static fn ( Attempt $a ): array => $a->to_array(), $attempts ) );

		$latest = end( $attempts );
		$order->update_meta_data( self::REQUEST_ID, $latest->request_id );
		$order->update_meta_data( self::CHECKOUT_REQUEST_ID, $latest->checkout_request_id );
		$order->update_meta_data( self::MERCHANT_REQUEST_ID, $latest->merchant_request_id );

		/**
		 * Fires when an attempt is added or changed on an order (the order itself is saved by the caller).
		 * The report's attempt index listens to keep its indexed copy current.
		 *
		 * @since 3.0.0
		 * @param \WC_Order $order   The order.
		 * @param Attempt   $attempt The attempt as stored.
		 */
		do_action( 'pvp_attempt_saved', $order, $attempt );
	}

	/**
	 * Keeps what M-Pesa told us about the payer. The first value received wins, as in 2.2.7, so a later,
	 * poorer callback (e.g. a masked number) never overwrites a richer one.
	 *
	 * @param \WC_Order     $order  The order.
	 * @param PaymentResult $result A paid result.
	 */
	public function record_payer( \WC_Order $order, PaymentResult $result ): void {
		$fields = array(
			self::TRANSACTION_TIME  => $result->transaction_time,
			self::SENDER_MSISDN     => $result->payer_phone,
			self::SENDER_FIRST_NAME => $result->payer_first_name,
			self::SENDER_LAST_NAME  => $result->payer_last_name,
		);
		foreach ( $fields as $key => $value ) {
			if ( '' !== $value && '' === (string) $order->get_meta( $key, true ) ) {
				$order->update_meta_data( $key, $value );
			}
		}
		$metadata = $order->get_meta( self::PAYMENT_METADATA, true );
		$metadata = is_array( $metadata ) ? $metadata : array();
		$order->update_meta_data( self::PAYMENT_METADATA, array_merge( $result->metadata, $metadata ) );
	}

	/**
	 * @param \WC_Order $order The order.
	 * @return array<string, string> The payer facts, as stored.
	 */
	public function payer( \WC_Order $order ): array {
		return array(
			'transaction_time' => (string) $order->get_meta( self::TRANSACTION_TIME, true ),
			'phone'            => (string) $order->get_meta( self::SENDER_MSISDN, true ),
			'first_name'       => (string) $order->get_meta( self::SENDER_FIRST_NAME, true ),
			'last_name'        => (string) $order->get_meta( self::SENDER_LAST_NAME, true ),
		);
	}
}
