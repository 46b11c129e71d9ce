<?php
/**
 * What one reconciliation check did.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Reconciliation;

/**
 * Returned to the admin route (and logged for scheduled checks); the words for people are chosen there.
 */
final class ReconcileOutcome {

	/** The provider had a final result; Settlement applied it (see $decision). */
	public const SETTLED = 'settled';

	/** The provider has no final result yet. */
	public const NO_RESULT = 'no_result';

	/** The provider could not be asked (unreachable, refused, unreadable). */
	public const PROVIDER_ERROR = 'provider_error';

	/** The last scheduled check found nothing: the admin was told to look in the provider's portal. */
	public const GAVE_UP = 'gave_up';

	/** Nothing to check: no attempt awaits a result (a callback settled it, or there was none). */
	public const NOTHING_TO_CHECK = 'nothing_to_check';

	/** The order was being updated by another request; the check will run again shortly. */
	public const BUSY = 'busy';

	/**
	 * @param string $outcome  One of the constants above.
	 * @param string $decision For SETTLED: the Decision action Settlement took.
	 */
	public function __construct( public readonly string $outcome, public readonly string $decision = '' ) {
	}
}
