<?php
/**
 * When reconciliation asks the provider again, and when it stops asking.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Reconciliation;

use PayViaProxyApi\Payment\Attempt;

/**
 * Pure rules, unit-tested without WordPress.
 *
 * The first check runs FIRST_DELAY seconds after the provider accepted the request (5 minutes by default:
 * the prompt is gone after about 90 s and callbacks normally arrive within seconds, so 5 minutes means the
 * callback is lost rather than late). Each later check waits twice as long as the one before: 5, 10, 20 and
 * 40 minutes, so a slow provider is asked 4 times over 75 minutes and then left for a person to check.
 */
final class ReconciliationPolicy {

	/** Default wait before the first check, in seconds. */
	public const DEFAULT_FIRST_DELAY = 300;

	/** Scheduled checks per attempt. */
	public const MAX_TRIES = 4;

	/** Shortest first delay a site may configure: sooner, the shopper may still be typing the PIN. */
	public const MIN_FIRST_DELAY = 60;

	/** Longest first delay a site may configure. */
	public const MAX_FIRST_DELAY = 86400;

	private int $first_delay;

	/**
	 * @param int $first_delay Seconds before the first check (clamped to MIN_FIRST_DELAY..MAX_FIRST_DELAY).
	 */
	public function __construct( int $first_delay = self::DEFAULT_FIRST_DELAY ) {
		$this->first_delay = max( self::MIN_FIRST_DELAY, min( self::MAX_FIRST_DELAY, $first_delay ) );
	}

	/**
	 * @param int $try 1 for the first check.
	 * @return int Seconds to wait before that check, counted from the previous one (or from acceptance).
	 */
	public function delay_before( int $try ): int {
		return $this->first_delay * ( 2 ** max( 0, min( $try, self::MAX_TRIES ) - 1 ) );
	}

	/**
	 * @param Attempt|null $attempt The attempt a scheduled check is for, as stored now.
	 * @return bool Whether the check has anything to do: a callback may have settled it meanwhile.
	 */
	public function should_check( ?Attempt $attempt ): bool {
		return null !== $attempt && $attempt->awaits_result() && 0 === $attempt->reconcile_gave_up_at;
	}

	/**
	 * @param int  $try        The check just made (1..MAX_TRIES).
	 * @param bool $has_result Whether the provider gave a final result.
	 * @return ReconcileStep
	 */
	public function after_check( int $try, bool $has_result ): ReconcileStep {
		if ( $has_result ) {
			return new ReconcileStep( ReconcileStep::SETTLE );
		}
		if ( $try < self::MAX_TRIES ) {
			return new ReconcileStep( ReconcileStep::RETRY, $try + 1, $this->delay_before( $try + 1 ) );
		}
		return new ReconcileStep( ReconcileStep::GIVE_UP );
	}
}
