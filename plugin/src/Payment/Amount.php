<?php
/**
 * The amount M-Pesa is asked to charge, in whole Kenyan shillings.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Payment;

/**
 * M-Pesa charges whole shillings only. An order total with cents is rounded UP to the next shilling, so the
 * store is never paid less than the order total; the difference (under one shilling) is noted on the order.
 */
final class Amount {

	/** Smallest amount M-Pesa accepts for one payment (KES). */
	public const MINIMUM = 1;

	/** Largest amount M-Pesa accepts for one payment (KES), per Safaricom's 2024 limits. */
	public const MAXIMUM = 250000;

	/**
	 * @param int $shillings Whole shillings.
	 */
	private function __construct( private int $shillings ) {
	}

	/**
	 * @param string $total Order total as WooCommerce stores it (a decimal string such as "1499.50").
	 * @return self
	 * @throws \InvalidArgumentException When the total is not a non-negative decimal number.
	 */
	public static function from_order_total( string $total ): self {
		if ( 1 !== preg_match( '/^\d+(?:\.\d+)?$/D', trim( $total ) ) ) {
			throw new \InvalidArgumentException( 'The order total is not a valid amount.' );
		}
		[ $whole, $fraction ] = array_pad( explode( '.', trim( $total ) ), 2, '' );
		$shillings            = (int) $whole;
		// Any non-zero cents round up; compared as digits to avoid float error on large totals.
		if ( '' !== trim( $fraction, '0' ) ) {
			++$shillings;
		}
		return new self( $shillings );
	}

	/**
	 * @return int Whole shillings.
	 */
	public function shillings(): int {
		return $this->shillings;
	}

	/**
	 * @return bool Whether M-Pesa accepts this amount for a single payment.
	 */
	public function is_within_mpesa_limits(): bool {
		return $this->shillings >= self::MINIMUM && $this->shillings <= self::MAXIMUM;
	}

	/**
	 * @param float|int|string $paid Amount M-Pesa reports as paid.
	 * @return bool Whether the reported amount covers this one.
	 */
	public function is_covered_by( float|int|string $paid ): bool {
		return is_numeric( $paid ) && (float) $paid + 0.000001 >= $this->shillings;
	}
}
