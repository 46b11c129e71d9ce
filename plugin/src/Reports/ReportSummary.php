<?php
/**
 * The report's headline figures for a period: paid orders and their KES total, failed, awaiting, success rate.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Reports;

/**
 * Pure arithmetic over per-outcome buckets (the repository groups orders by OrderOutcome). Money stays in
 * whole shillings as integers: M-Pesa charges whole shillings, so no float ever touches a total.
 */
final class ReportSummary {

	/**
	 * @param int        $paid_orders      Orders with a paid attempt.
	 * @param int        $paid_amount      KES received by paid attempts.
	 * @param int        $failed_orders    Orders whose attempts all failed or were refused.
	 * @param int        $awaiting_orders  Orders whose newest attempt has no result yet.
	 * @param int        $underpaid_orders Orders paid less than asked (on hold for the admin).
	 * @param int        $attempts         Attempts in the period.
	 * @param float|null $success_rate     Paid orders / orders with a result, 0..1; null when none has a result.
	 */
	public function __construct(
		public readonly int $paid_orders,
		public readonly int $paid_amount,
		public readonly int $failed_orders,
		public readonly int $awaiting_orders,
		public readonly int $underpaid_orders,
		public readonly int $attempts,
		public readonly ?float $success_rate
	) {
	}

	/**
	 * @param array<int, array{outcome: string, orders: int|string, attempts: int|string, amount: int|string|null}> $buckets One per order outcome.
	 * @return self
	 */
	public static function from_buckets( array $buckets ): self {
		$orders   = array_fill_keys( array( OrderOutcome::PAID, OrderOutcome::FAILED, OrderOutcome::AWAITING, OrderOutcome::UNDERPAID ), 0 );
		$amount   = 0;
		$attempts = 0;
		foreach ( $buckets as $bucket ) {
			$attempts += (int) $bucket['attempts'];
			if ( isset( $orders[ $bucket['outcome'] ] ) ) {
				$orders[ $bucket['outcome'] ] += (int) $bucket['orders'];
			}
			$amount += (int) ( $bucket['amount'] ?? 0 );
		}
		// Orders still waiting have no result yet, so they neither help nor hurt the rate.
		$decided = $orders[ OrderOutcome::PAID ] + $orders[ OrderOutcome::FAILED ] + $orders[ OrderOutcome::UNDERPAID ];
		return new self(
			$orders[ OrderOutcome::PAID ],
			$amount,
			$orders[ OrderOutcome::FAILED ],
			$orders[ OrderOutcome::AWAITING ],
			$orders[ OrderOutcome::UNDERPAID ],
			$attempts,
			0 === $decided ? null : round( $orders[ OrderOutcome::PAID ] / $decided, 4 )
		);
	}

	/**
	 * @return array<string, int|float|null> For the REST answer.
	 */
	public function to_array(): array {
		return get_object_vars( $this );
	}
}
