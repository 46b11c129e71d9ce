<?php
/**
 * What a reconciliation check leads to.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Reconciliation;

/**
 * The verdict of ReconciliationPolicy::after_check(); the Reconciler carries it out.
 */
final class ReconcileStep {

	/** The provider gave a final result: settle it like a callback. */
	public const SETTLE = 'settle';

	/** No result yet: check again later. */
	public const RETRY = 'retry';

	/** No result after the last check: stop, leave the order unpaid, tell the admin once. */
	public const GIVE_UP = 'give_up';

	/**
	 * @param string $action   One of the constants above.
	 * @param int    $next_try For RETRY: the number of the next check.
	 * @param int    $delay    For RETRY: seconds until it.
	 */
	public function __construct(
		public readonly string $action,
		public readonly int $next_try = 0,
		public readonly int $delay = 0
	) {
	}
}
