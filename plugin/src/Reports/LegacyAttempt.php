<?php
/**
 * The one attempt a Pay via ProxyAPI 2.2.7 order had, rebuilt from the order's 2.2.7 meta.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Reports;

use PayViaProxyApi\Payment\AttemptStatus;

/**
 * Pure. 2.2.7 kept only the latest request's ids, the receipt (as the transaction id) and the payer, so the
 * status is inferred from the order: paid with a receipt, failed or cancelled, or still waiting.
 */
final class LegacyAttempt {

	/**
	 * @param array{request_id: string, checkout_request_id: string, receipt: string, phone: string, total: string, created_at: int, paid_at: int, order_status: string, is_paid: bool} $facts What the order holds.
	 * @return array<string, mixed>|null An attempt in Attempt::to_array() shape; null when the order has no 2.2.7 request.
	 */
	public static function from_order( array $facts ): ?array {
		if ( '' === $facts['checkout_request_id'] && '' === $facts['request_id'] ) {
			return null;
		}
		$paid = $facts['is_paid'] && '' !== $facts['receipt'];
		if ( $paid ) {
			$status = AttemptStatus::PAID;
		} elseif ( in_array( $facts['order_status'], array( 'failed', 'cancelled' ), true ) ) {
			$status = AttemptStatus::FAILED;
		} else {
			$status = AttemptStatus::AWAITING;
		}
		return array(
			'request_id'          => $facts['request_id'],
			'phone'               => $facts['phone'],
			'amount'              => OrderTotal::shillings( $facts['total'] ),
			'created_at'          => $facts['created_at'],
			'status'              => $status,
			'merchant_request_id' => '',
			'checkout_request_id' => $facts['checkout_request_id'],
			'result_code'         => $paid ? '0' : '',
			'result_desc'         => '',
			'receipt'             => $paid ? $facts['receipt'] : '',
			'events'              => array(),
			'settled_at'          => $paid ? $facts['paid_at'] : 0,
		);
	}
}
