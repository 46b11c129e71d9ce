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
	 * @param \WC_Order $order      The order.
	 * @param string    $request_id A RequestID.
	 * @return Attempt|null That attempt of the order.
	 */
	public function attempt( \WC_Order $order, string $request_id ): ?Attempt {
		foreach ( $this->attempts( $order ) as $attempt ) {
			if ( $attempt->request_id === $request_id ) {
				return $attempt;
			}
		}
		return null;
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
	 * Orders whose `checkout_request_id` is this one: the newest attempt's, or the one Pay via ProxyAPI 2.2.7
	 * stored. meta_key/meta_value work in both order stores (HPOS and posts), unlike 2.2.7's custom query var.
	 *
	 * @param string $checkout_request_id A CheckoutRequestID.
	 * @param int    $limit               Most ids returned.
	 * @return int[] Order ids.
	 */
	public function order_ids_with_checkout_request_id( string $checkout_request_id, int $limit = 2 ): array {
		return $this->order_ids_where( self::CHECKOUT_REQUEST_ID, $checkout_request_id, '=', $limit );
	}

	/**
	 * Whether any order already used a RequestID: as its newest attempt (or 2.2.7's `request_id`), or in its
	 * attempt list, where the id is a quoted string inside the stored array. The second look is a LIKE scan of
	 * one meta key, so callers ask only for ids they did not generate themselves.
	 *
	 * @param string $request_id A RequestID.
	 * @return bool
	 */
	public function request_id_in_use( string $request_id ): bool {
		return array() !== $this->order_ids_where( self::REQUEST_ID, $request_id, '=', 1 )
			|| array() !== $this->order_ids_where( self::ATTEMPTS, '"' . $request_id . '"', 'LIKE', 1 );
	}

	/**
	 * @param \WC_Order $order The order.
	 * @return array{request_id: string, checkout_request_id: string} What Pay via ProxyAPI 2.2.7 stored about its request.
	 */
	public function legacy_request( \WC_Order $order ): array {
		return array(
			'request_id'          => (string) $order->get_meta( self::REQUEST_ID, true ),
			'checkout_request_id' => (string) $order->get_meta( self::CHECKOUT_REQUEST_ID, true ),
		);
	}

	/**
	 * @param string $key     Meta key.
	 * @param string $value   Value to match.
	 * @param string $compare '=' or 'LIKE'.
	 * @param int    $limit   Most ids returned.
	 * @return int[] Order ids.
	 */
	private function order_ids_where( string $key, string $value, string $compare, int $limit ): array {
		$ids = wc_get_orders(
			array(
				'type'         => 'shop_order',
				'limit'        => $limit,
				'return'       => 'ids',
				'meta_key'     => $key, // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_key
				'meta_value'   => $value, // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_value
				'meta_compare' => $compare,
			)
		);
		$order_ids = array();
		// 'return' => 'ids' gives ids, whatever the stubs say wc_get_orders() returns.
		foreach ( is_array( $ids ) ? $ids : array() as $id ) {
			if ( is_numeric( $id ) ) {
				$order_ids[] = (int) $id;
			}
		}
		return $order_ids;
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
