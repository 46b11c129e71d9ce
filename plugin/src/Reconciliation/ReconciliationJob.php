<?php
/**
 * The Action Scheduler job `pvp_reconcile_attempt`.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Reconciliation;

use PayViaProxyApi\Hookable;

/**
 * Thin adapter: Action Scheduler passes the action's args (order_id, request_id, try) positionally.
 */
final class ReconciliationJob implements Hookable {

	/**
	 * @param Reconciler $reconciler Does the check.
	 */
	public function __construct( private Reconciler $reconciler ) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( ReconciliationScheduler::HOOK, array( $this, 'run' ), 10, 3 );
	}

	/**
	 * @param int|string $order_id    Order.
	 * @param string     $request_id  Attempt.
	 * @param int|string $attempt_try Check number.
	 */
	public function run( $order_id, $request_id, $attempt_try ): void {
		$this->reconciler->run_scheduled( (int) $order_id, (string) $request_id, max( 1, (int) $attempt_try ) );
	}
}
