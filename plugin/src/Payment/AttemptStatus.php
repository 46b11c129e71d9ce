<?php
/**
 * The states of one payment attempt and the moves allowed between them.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Payment;

/**
 * State machine of an attempt. Pure: no WordPress, no WooCommerce.
 */
final class AttemptStatus {

	/** The request is being sent; if the store dies now, the outcome is unknown until reconciled. */
	public const STARTED = 'started';

	/** The provider accepted the request: the prompt is on the shopper's phone. */
	public const AWAITING = 'awaiting';

	/** The provider refused the request; no prompt was sent. */
	public const REJECTED = 'rejected';

	/** M-Pesa reported the payment done. Terminal. */
	public const PAID = 'paid';

	/** M-Pesa reported the payment failed (cancelled, wrong PIN, ...). A late success may still pay it. */
	public const FAILED = 'failed';

	/** M-Pesa reported less money than was asked: the order waits for the admin. */
	public const UNDERPAID = 'underpaid';

	private const MOVES = array(
		self::STARTED   => array( self::AWAITING, self::REJECTED, self::PAID, self::FAILED, self::UNDERPAID ),
		self::AWAITING  => array( self::PAID, self::FAILED, self::UNDERPAID ),
		self::FAILED    => array( self::PAID, self::UNDERPAID ),
		self::REJECTED  => array(),
		self::PAID      => array(),
		self::UNDERPAID => array(),
	);

	/**
	 * @param string $from Current state.
	 * @param string $to   Wanted state.
	 * @return bool Whether the move is allowed.
	 */
	public static function can_move( string $from, string $to ): bool {
		return in_array( $to, self::MOVES[ $from ] ?? array(), true );
	}

	/**
	 * @param string $status A state.
	 * @return bool Whether no result has settled it yet, so a callback or reconciliation may still.
	 */
	public static function awaits_result( string $status ): bool {
		return self::STARTED === $status || self::AWAITING === $status;
	}

	/**
	 * @param string $status A state.
	 * @return bool Whether it is one of ours.
	 */
	public static function is_known( string $status ): bool {
		return array_key_exists( $status, self::MOVES );
	}
}
