<?php
/**
 * Asks the provider about an attempt that never got its final callback, and settles what it says.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Reconciliation;

use PayViaProxyApi\Callback\InboxSettler;
use PayViaProxyApi\Logging\Logger;
use PayViaProxyApi\Order\AttemptUpdater;
use PayViaProxyApi\Order\OrderLocked;
use PayViaProxyApi\Order\OrderMeta;
use PayViaProxyApi\Payment\Attempt;
use PayViaProxyApi\Payment\PaymentResult;
use PayViaProxyApi\Payment\Settlement;
use PayViaProxyApi\Payment\SettlementRefused;
use PayViaProxyApi\Provider\PaymentProvider;
use PayViaProxyApi\Provider\ProviderException;

/**
 * Talks only to the PaymentProvider interface (ProxyAPI's report today, Daraja's STK Push Query tomorrow)
 * and hands any final result to the same Settlement as callbacks, so every money rule applies unchanged.
 * A check that finds nothing leaves an event on the attempt and schedules the next one; after the last, the
 * order stays unpaid with one note for the admin.
 */
final class Reconciler {

	/** Kind of the event a check without a settling result leaves on the attempt (the report reads it as a check). */
	public const CHECK_EVENT = 'report';

	/** A check that found the order locked runs again this much later, without counting as a try. */
	private const BUSY_RETRY_SECONDS = 60;

	/**
	 * @param \Closure                $providers  Returns the PaymentProvider to use now.
	 * @param Settlement              $settlement The one settlement path.
	 * @param OrderMeta               $meta       Order meta owner.
	 * @param AttemptUpdater          $attempts   Locked attempt writer.
	 * @param ReconciliationScheduler $scheduler  Action Scheduler access and the policy.
	 * @param Logger                  $logger     Redacting logger.
	 * @param InboxSettler            $inbox      Settles callbacks the store accepted but has not applied yet
	 *                                            (looked at before the provider is asked).
	 */
	public function __construct(
		private \Closure $providers,
		private Settlement $settlement,
		private OrderMeta $meta,
		private AttemptUpdater $attempts,
		private ReconciliationScheduler $scheduler,
		private Logger $logger,
		private InboxSettler $inbox
	) {
	}

	/**
	 * One scheduled check. A callback that settled the attempt first makes it a no-op.
	 *
	 * @param int    $order_id   Order.
	 * @param string $request_id Attempt.
	 * @param int    $try        Check number, 1-based.
	 * @return ReconcileOutcome
	 */
	public function run_scheduled( int $order_id, string $request_id, int $try ): ReconcileOutcome {
		$this->inbox->settle_order( $order_id );
		$attempt = $this->stored( $order_id, $request_id );
		if ( ! $this->scheduler->policy()->should_check( $attempt ) ) {
			return $this->logged( $order_id, $try, new ReconcileOutcome( ReconcileOutcome::NOTHING_TO_CHECK ) );
		}
		$checked = $this->check( $order_id, $attempt );
		$outcome = match ( $checked->outcome ) {
			ReconcileOutcome::SETTLED => $checked,
			ReconcileOutcome::BUSY    => $this->retry_soon( $order_id, $request_id, $try ),
			default                   => $this->after_empty_check( $order_id, $request_id, $try, $checked ),
		};
		return $this->logged( $order_id, $try, $outcome );
	}

	/**
	 * "Check status with M-Pesa now" from the order screen: the newest attempt still waiting for a result,
	 * even one reconciliation gave up on. It neither uses up a scheduled try nor moves the schedule.
	 *
	 * @param int $order_id Order.
	 * @return ReconcileOutcome
	 */
	public function check_now( int $order_id ): ReconcileOutcome {
		$this->inbox->settle_order( $order_id );
		$order   = wc_get_order( $order_id );
		$waiting = $order instanceof \WC_Order ? array_filter( $this->meta->attempts( $order ), static fn ( Attempt $a ): bool => $a->awaits_result() ) : array();
		$attempt = $waiting ? end( $waiting ) : null;
		if ( null === $attempt ) {
			return new ReconcileOutcome( ReconcileOutcome::NOTHING_TO_CHECK );
		}
		$checked = $this->check( $order_id, $attempt );
		if ( in_array( $checked->outcome, array( ReconcileOutcome::NO_RESULT, ReconcileOutcome::PROVIDER_ERROR ), true ) ) {
			$this->attempts->update(
				$order_id,
				$attempt->request_id,
				static fn ( Attempt $stored ): ?Attempt => $stored->awaits_result() ? $stored->with_event( self::CHECK_EVENT, time(), array( 'manual' => true, 'outcome' => $checked->outcome ) ) : null
			);
		}
		return $this->logged( $order_id, 0, $checked );
	}

	/**
	 * Asks the provider and settles a final result.
	 *
	 * @param int     $order_id Order.
	 * @param Attempt $attempt  Attempt awaiting a result.
	 * @return ReconcileOutcome SETTLED, BUSY, NO_RESULT or PROVIDER_ERROR.
	 */
	private function check( int $order_id, Attempt $attempt ): ReconcileOutcome {
		try {
			/** @var PaymentProvider $provider */
			$provider = ( $this->providers )();
			$result   = $provider->query_result( $attempt );
		} catch ( ProviderException $e ) {
			$this->logger->warning( 'Reconciliation could not ask the provider: ' . $e->getMessage(), array( 'order_id' => $order_id, 'kind' => $e->kind ) );
			return new ReconcileOutcome( ReconcileOutcome::PROVIDER_ERROR );
		}
		if ( ! $result instanceof PaymentResult ) {
			return new ReconcileOutcome( ReconcileOutcome::NO_RESULT );
		}
		try {
			return new ReconcileOutcome( ReconcileOutcome::SETTLED, $this->settlement->settle( $order_id, $attempt->request_id, $result )->action );
		} catch ( SettlementRefused $e ) {
			// The provider's answer does not fit the attempt: not a result we may apply.
			$this->logger->warning( 'Reconciliation result refused: ' . $e->getMessage(), array( 'order_id' => $order_id ) );
			return new ReconcileOutcome( ReconcileOutcome::PROVIDER_ERROR );
		} catch ( OrderLocked $e ) {
			return new ReconcileOutcome( ReconcileOutcome::BUSY );
		}
	}

	/**
	 * @param int              $order_id   Order.
	 * @param string           $request_id Attempt.
	 * @param int              $try        Check number.
	 * @param ReconcileOutcome $checked    NO_RESULT or PROVIDER_ERROR (both count as a try).
	 * @return ReconcileOutcome
	 */
	private function after_empty_check( int $order_id, string $request_id, int $try, ReconcileOutcome $checked ): ReconcileOutcome {
		$step = $this->scheduler->policy()->after_check( $try, false );
		try {
			$outcome = $this->record_check( $order_id, $request_id, $try, $checked, $step );
		} catch ( OrderLocked $e ) {
			return $this->retry_soon( $order_id, $request_id, $try );
		}
		if ( ReconcileStep::RETRY === $step->action && ReconcileOutcome::NOTHING_TO_CHECK !== $outcome->outcome ) {
			$this->scheduler->enqueue( $order_id, $request_id, $step->next_try, time() + $step->delay );
		}
		return $outcome;
	}

	/**
	 * @param int    $order_id   Order.
	 * @param string $request_id Attempt.
	 * @param int    $try        The check that found the order locked; it runs again, not counted.
	 * @return ReconcileOutcome BUSY.
	 */
	private function retry_soon( int $order_id, string $request_id, int $try ): ReconcileOutcome {
		$this->scheduler->enqueue( $order_id, $request_id, $try, time() + self::BUSY_RETRY_SECONDS );
		return new ReconcileOutcome( ReconcileOutcome::BUSY );
	}

	/**
	 * Leaves the check on the attempt; after the last one, tells the admin once.
	 *
	 * @param int              $order_id   Order.
	 * @param string           $request_id Attempt.
	 * @param int              $try        Check number.
	 * @param ReconcileOutcome $checked    NO_RESULT or PROVIDER_ERROR.
	 * @param ReconcileStep    $step       RETRY or GIVE_UP.
	 * @return ReconcileOutcome As checked, GAVE_UP, or NOTHING_TO_CHECK when a callback settled it meanwhile.
	 * @throws OrderLocked When the order is busy.
	 */
	private function record_check( int $order_id, string $request_id, int $try, ReconcileOutcome $checked, ReconcileStep $step ): ReconcileOutcome {
		$now     = time();
		$policy  = $this->scheduler->policy();
		$gave_up = ReconcileStep::GIVE_UP === $step->action;
		$saved   = $this->attempts->update(
			$order_id,
			$request_id,
			static function ( Attempt $attempt, \WC_Order $order ) use ( $now, $try, $checked, $step, $gave_up, $policy ): ?Attempt {
				if ( ! $policy->should_check( $attempt ) ) {
					return null;
				}
				if ( $gave_up && ! $order->is_paid() ) {
					/* translators: 1: CheckoutRequestID, 2: number of checks. */
					$order->add_order_note( __( 'No result from M-Pesa; compare with your M-Pesa statement (the ProxyAPI portal or the M-Pesa org portal) before shipping or cancelling.', 'pay-via-proxyapi' ) . ' ' . sprintf( __( 'CheckoutRequestID %1$s; the plugin asked %2$d times and has stopped asking. The order stays unpaid.', 'pay-via-proxyapi' ), $attempt->checkout_request_id, $try ) );
				}
				return $attempt->with_event( self::CHECK_EVENT, $now, array( 'try' => $try, 'outcome' => $checked->outcome ) )->with(
					array(
						'reconcile_tries'      => $try,
						'reconcile_next_at'    => ReconcileStep::RETRY === $step->action ? $now + $step->delay : 0,
						'reconcile_gave_up_at' => $gave_up ? $now : 0,
					)
				);
			}
		);
		if ( null === $saved ) {
			return new ReconcileOutcome( ReconcileOutcome::NOTHING_TO_CHECK );
		}
		return $gave_up ? new ReconcileOutcome( ReconcileOutcome::GAVE_UP ) : $checked;
	}

	/**
	 * @param int    $order_id   Order.
	 * @param string $request_id Attempt.
	 * @return Attempt|null As stored now.
	 */
	private function stored( int $order_id, string $request_id ): ?Attempt {
		$order = wc_get_order( $order_id );
		return $order instanceof \WC_Order ? $this->meta->attempt( $order, $request_id ) : null;
	}

	/**
	 * @param int              $order_id Order.
	 * @param int              $try      Check number (0 for a check from the order screen).
	 * @param ReconcileOutcome $outcome  What happened.
	 * @return ReconcileOutcome The same.
	 */
	private function logged( int $order_id, int $try, ReconcileOutcome $outcome ): ReconcileOutcome {
		$this->logger->info(
			'Reconciliation check done.',
			array(
				'order_id' => $order_id,
				'try'      => $try,
				'outcome'  => $outcome->outcome,
				'decision' => $outcome->decision,
			)
		);
		return $outcome;
	}
}
