<?php
/**
 * Puts reconciliation checks in WooCommerce's Action Scheduler and takes them out when a callback won.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Reconciliation;

use PayViaProxyApi\Hookable;
use PayViaProxyApi\Logging\Logger;
use PayViaProxyApi\Order\AttemptUpdater;
use PayViaProxyApi\Order\OrderMeta;
use PayViaProxyApi\Payment\Attempt;

/**
 * Action Scheduler, not bare WP-Cron: its actions are stored rows that survive a missed cron tick, are
 * retried and logged, and show in WooCommerce › Status › Scheduled Actions (group "pay-via-proxyapi").
 *
 * Every accepted attempt gets its first check when `proxyapi_pvp_payment_pending` fires; each check that
 * finds nothing schedules the next (see ReconciliationPolicy). The attempt keeps the time of its next check
 * (`reconcile_next_at`), so the admin panel and the hold-stock guard need not query the scheduler.
 */
final class ReconciliationScheduler implements Hookable {

	/** The Action Scheduler hook; its args are order_id, request_id and try (1-based). */
	public const HOOK = 'pvp_reconcile_attempt';

	public const GROUP = 'pay-via-proxyapi';

	/** Action Scheduler's status of an action not run yet (ActionScheduler_Store::STATUS_PENDING). */
	private const PENDING = 'pending';

	/** Filter: seconds before the first check (default 300); later checks back off from it. */
	public const DELAY_FILTER = 'pvp_reconciliation_delay';

	/**
	 * @param OrderMeta      $meta     Order meta owner.
	 * @param AttemptUpdater $attempts Locked attempt writer.
	 * @param Logger         $logger   Redacting logger.
	 */
	public function __construct( private OrderMeta $meta, private AttemptUpdater $attempts, private Logger $logger ) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		// Early, so a site's own listener that fails cannot keep the check from being scheduled.
		add_action( 'proxyapi_pvp_payment_pending', array( $this, 'schedule_first' ), 5, 2 );
		add_action( 'proxyapi_pvp_payment_completed', array( $this, 'unschedule_settled' ) );
		add_action( 'proxyapi_pvp_payment_failed', array( $this, 'unschedule_settled' ) );
	}

	/**
	 * Read on every use, not at boot: a theme's functions.php adds its filters after plugins load.
	 *
	 * @return ReconciliationPolicy
	 */
	public function policy(): ReconciliationPolicy {
		/**
		 * Seconds between the provider accepting an M-Pesa prompt and the first reconciliation check, if no
		 * final callback arrived. Later checks wait twice as long each time (4 checks in all).
		 *
		 * @since 3.0.0
		 * @param int $seconds Default 300 (5 minutes); clamped to 60..86400.
		 */
		return new ReconciliationPolicy( (int) apply_filters( self::DELAY_FILTER, ReconciliationPolicy::DEFAULT_FIRST_DELAY ) );
	}

	/**
	 * @param int|string $order_id   Order (hook argument).
	 * @param string     $request_id The accepted attempt.
	 */
	public function schedule_first( $order_id, $request_id ): void {
		$order_id   = (int) $order_id;
		$request_id = (string) $request_id;
		$due        = time() + $this->policy()->delay_before( 1 );
		if ( ! $this->enqueue( $order_id, $request_id, 1, $due ) ) {
			return;
		}
		$this->attempts->update(
			$order_id,
			$request_id,
			static fn ( Attempt $attempt ): ?Attempt => $attempt->awaits_result() ? $attempt->with( array( 'reconcile_next_at' => $due ) ) : null
		);
	}

	/**
	 * Adds one check to the queue (once: the same check is never queued twice).
	 *
	 * @param int    $order_id   Order.
	 * @param string $request_id Attempt.
	 * @param int    $try        Number of the check.
	 * @param int    $due        Unix time it should run.
	 * @return bool Whether it is queued.
	 */
	public function enqueue( int $order_id, string $request_id, int $try, int $due ): bool {
		if ( ! function_exists( 'as_schedule_single_action' ) || ! function_exists( 'as_get_scheduled_actions' ) ) {
			$this->logger->error( 'Reconciliation not scheduled: Action Scheduler is not available.', array( 'order_id' => $order_id ) );
			return false;
		}
		$args = self::args( $order_id, $request_id, $try );
		// Pending only: as_has_scheduled_action() also counts the running check, which may re-queue itself.
		$queued = as_get_scheduled_actions(
			array(
				'hook'     => self::HOOK,
				'args'     => $args,
				'group'    => self::GROUP,
				'status'   => self::PENDING,
				'per_page' => 1,
			),
			'ids'
		);
		if ( array() === $queued ) {
			as_schedule_single_action( $due, self::HOOK, $args, self::GROUP );
		}
		return true;
	}

	/**
	 * Once a result settled an attempt, its pending checks have nothing to do: they would find that out
	 * themselves, but removing them keeps the scheduled-actions screen honest.
	 *
	 * @param int|string $order_id Order (hook argument).
	 */
	public function unschedule_settled( $order_id ): void {
		$order = wc_get_order( (int) $order_id );
		if ( ! $order instanceof \WC_Order || ! function_exists( 'as_unschedule_action' ) ) {
			return;
		}
		foreach ( $this->pending( $order->get_id() ) as $args ) {
			$attempt = $this->meta->attempt( $order, $args['request_id'] );
			if ( null === $attempt || ! $attempt->awaits_result() ) {
				as_unschedule_action( self::HOOK, $args, self::GROUP );
			}
		}
	}

	/**
	 * @param int $order_id Order.
	 * @return array<int, array{order_id: int, request_id: string, try: int}> Args of the order's pending checks.
	 */
	public function pending( int $order_id ): array {
		if ( ! function_exists( 'as_get_scheduled_actions' ) ) {
			return array();
		}
		// Args are stored as JSON; the trailing comma keeps order 12 from matching order 123.
		$actions = as_get_scheduled_actions(
			array(
				'hook'     => self::HOOK,
				'group'    => self::GROUP,
				'status'   => self::PENDING,
				'search'   => '"order_id":' . $order_id . ',',
				'per_page' => 50,
			)
		);
		$pending = array();
		foreach ( $actions as $action ) {
			$args = is_object( $action ) && method_exists( $action, 'get_args' ) ? (array) $action->get_args() : array();
			if ( (int) ( $args['order_id'] ?? 0 ) === $order_id ) {
				$pending[] = self::args( $order_id, (string) ( $args['request_id'] ?? '' ), (int) ( $args['try'] ?? 0 ) );
			}
		}
		return $pending;
	}

	/**
	 * @param int    $order_id   Order.
	 * @param string $request_id Attempt.
	 * @param int    $try        Check number.
	 * @return array{order_id: int, request_id: string, try: int} Named, so the stored action reads well.
	 */
	private static function args( int $order_id, string $request_id, int $try ): array {
		return array(
			'order_id'   => $order_id,
			'request_id' => $request_id,
			'try'        => $try,
		);
	}
}
