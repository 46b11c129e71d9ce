<?php
/**
 * Where an attempt stands with reconciliation: settled by a callback, settled by a check, still being checked,
 * waiting, or given up.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Reports;

use PayViaProxyApi\Payment\AttemptStatus;
use PayViaProxyApi\Payment\Decision;

/**
 * Pure, read from the attempt's stored fields (settled_by, reconcile_*), falling back to its events for
 * attempts stored before those fields existed. Callbacks are events of kind stk or pvp; every other kind
 * (report, query, ...) is a reconciliation run, so a new provider's checks count without a change here.
 */
final class ReconciliationState {

	/** The result came in a callback; nothing to reconcile. */
	public const CALLBACK = 'callback';

	/** The result came from a reconciliation run (no callback settled it). */
	public const RECONCILED = 'reconciled';

	/** No result yet and no check run yet. */
	public const WAITING = 'waiting';

	/** No result yet; checked at least once, and checks go on. */
	public const CHECKING = 'checking';

	/** No result, and reconciliation stopped asking: the admin has to look (the order has a note). */
	public const GAVE_UP = 'gave_up';

	/** The provider refused the request: no prompt, nothing to reconcile. */
	public const NONE = 'none';

	private const CALLBACK_KINDS = array( 'stk', 'pvp' );

	private const SETTLING = array( Decision::COMPLETE, Decision::FAIL, Decision::FAIL_ATTEMPT_ONLY, Decision::HOLD_UNDERPAID );

	/**
	 * @param array<string, mixed> $attempt Attempt::to_array() (fields may be missing on old attempts).
	 * @return string One of the constants.
	 */
	public static function of( array $attempt ): string {
		$status = (string) ( $attempt['status'] ?? '' );
		$events = is_array( $attempt['events'] ?? null ) ? $attempt['events'] : array();
		if ( AttemptStatus::REJECTED === $status ) {
			return self::NONE;
		}
		if ( AttemptStatus::awaits_result( $status ) ) {
			if ( (int) ( $attempt['reconcile_gave_up_at'] ?? 0 ) > 0 ) {
				return self::GAVE_UP;
			}
			return self::runs( $attempt ) > 0 ? self::CHECKING : self::WAITING;
		}
		$settled_by = (string) ( $attempt['settled_by'] ?? '' );
		if ( '' !== $settled_by ) {
			return in_array( $settled_by, self::CALLBACK_KINDS, true ) ? self::CALLBACK : self::RECONCILED;
		}
		foreach ( self::checks( $events ) as $check ) {
			if ( in_array( $check['decision'] ?? '', self::SETTLING, true ) ) {
				return self::RECONCILED;
			}
		}
		return self::CALLBACK;
	}

	/**
	 * @param array<string, mixed> $attempt Attempt::to_array().
	 * @return int How many reconciliation runs the attempt had.
	 */
	public static function runs( array $attempt ): int {
		$events = is_array( $attempt['events'] ?? null ) ? $attempt['events'] : array();
		return max( (int) ( $attempt['reconcile_tries'] ?? 0 ), count( self::checks( $events ) ) );
	}

	/**
	 * @param array<int|string, mixed> $events The attempt's events.
	 * @return array<int, array<string, mixed>> The reconciliation runs among them.
	 */
	private static function checks( array $events ): array {
		return array_values( array_filter( $events, static fn ( $event ): bool => is_array( $event ) && ! in_array( $event['kind'] ?? '', self::CALLBACK_KINDS, true ) ) );
	}
}
