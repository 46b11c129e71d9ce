<?php
/**
 * Reads what a Pay via ProxyAPI 2.2.7 order kept, for orders paid or started before the upgrade.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Reports;

use PayViaProxyApi\Order\OrderMeta;

/**
 * 2.2.7 stored no attempt list, only the latest request's ids, the payer and the receipt (as the order's
 * transaction id). OrderMeta reads them; this class only gathers them for LegacyAttempt.
 */
final class LegacyOrder {

	/**
	 * @param OrderMeta $meta Order meta owner.
	 */
	public function __construct( private OrderMeta $meta ) {
	}

	/**
	 * @param \WC_Order $order An order.
	 * @return array<string, mixed>|null Its 2.2.7 attempt in Attempt::to_array() shape; null if it has attempts
	 *                                   of ours (those are the record) or no 2.2.7 request.
	 */
	public function attempt( \WC_Order $order ): ?array {
		if ( array() !== $this->meta->attempts( $order ) ) {
			return null;
		}
		$created = $order->get_date_created();
		$paid    = $order->get_date_paid();
		$request = $this->meta->legacy_request( $order );
		return LegacyAttempt::from_order(
			array(
				'request_id'          => $request['request_id'],
				'checkout_request_id' => $request['checkout_request_id'],
				'receipt'             => (string) $order->get_transaction_id(),
				'phone'               => $this->meta->payer( $order )['phone'],
				'total'               => (string) $order->get_total( 'edit' ),
				'created_at'          => null !== $created ? $created->getTimestamp() : 0,
				'paid_at'             => null !== $paid ? $paid->getTimestamp() : 0,
				'order_status'        => $order->get_status(),
				'is_paid'             => $order->is_paid(),
			)
		);
	}
}
