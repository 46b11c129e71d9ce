<?php
/**
 * Stops one M-Pesa receipt from paying two orders.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Payment;

use PayViaProxyApi\Order\ReceiptRegistry;

/**
 * Settlement asks it, under the order's lock, before carrying out a decision that records money. The
 * receipt is claimed for the order in the registry (atomic UNIQUE insert); if another order already owns
 * it, the decision becomes "put on hold for the admin" with a note naming that order, and no completion
 * hook fires. A registry that cannot be read also holds the order: money code fails closed.
 */
final class ReceiptGuard {

	/** Decisions that record a payment against the order, so their receipt must be this order's alone. */
	private const RECORDS_MONEY = array( Decision::COMPLETE, Decision::HOLD_UNDERPAID );

	/**
	 * @param ReceiptRegistry $registry Receipt => order.
	 */
	public function __construct( private ReceiptRegistry $registry ) {
	}

	/**
	 * @param int           $order_id The order being settled (its lock is held).
	 * @param PaymentResult $result   What the provider reported.
	 * @param Decision      $decision What SettlementRules decided.
	 * @return Decision The decision, or a hold when the receipt belongs to another order.
	 */
	public function vet( int $order_id, PaymentResult $result, Decision $decision ): Decision {
		if ( ! in_array( $decision->action, self::RECORDS_MONEY, true ) || '' === $result->receipt ) {
			return $decision;
		}
		$owner = $this->registry->claim( $result->receipt, $order_id );
		if ( null === $owner ) {
			return $decision;
		}
		$reason = ReceiptRegistry::UNKNOWN_OWNER === $owner
			? 'The M-Pesa receipt could not be checked against other orders (the receipt registry is unavailable).'
			: sprintf( 'This M-Pesa receipt already paid order #%d; the same payment cannot pay two orders.', $owner );
		return new Decision( Decision::HOLD_UNDERPAID, trim( $reason . ' ' . $decision->reason ) );
	}
}
