<?php
/**
 * What settling one provider result does to an attempt and its order.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Payment;

/**
 * The verdict of SettlementRules; Settlement carries it out.
 */
final class Decision {

	/** Mark the order paid with the receipt and fire the completion hooks. */
	public const COMPLETE = 'complete';

	/** Mark the order failed and fire the failure hook. */
	public const FAIL = 'fail';

	/** Mark the attempt failed but leave the order alone: a newer attempt is still live. */
	public const FAIL_ATTEMPT_ONLY = 'fail_attempt_only';

	/** Put the order on hold: M-Pesa reports less money than was asked. */
	public const HOLD_UNDERPAID = 'hold_underpaid';

	/** Keep the facts, add a note, change no state (e.g. a failure after the order was paid). */
	public const NOTE_ONLY = 'note_only';

	/** A repeat of something already applied: keep any new details, no note, no hook. */
	public const DUPLICATE = 'duplicate';

	/**
	 * @param string $action One of the constants above.
	 * @param string $reason Why, in words for the order note (empty for duplicates).
	 */
	public function __construct( public readonly string $action, public readonly string $reason = '' ) {
	}

	/**
	 * @return bool Whether the attempt's state changes.
	 */
	public function changes_state(): bool {
		return in_array( $this->action, array( self::COMPLETE, self::FAIL, self::FAIL_ATTEMPT_ONLY, self::HOLD_UNDERPAID ), true );
	}
}
