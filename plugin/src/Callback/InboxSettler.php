<?php
/**
 * Settles accepted callbacks from the inbox: one at once, all waiting ones after an answer, or one order's.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Callback;

use PayViaProxyApi\Hookable;
use PayViaProxyApi\Logging\Logger;
use PayViaProxyApi\Order\OrderLock;
use PayViaProxyApi\Order\OrderLocked;
use PayViaProxyApi\Payment\Decision;
use PayViaProxyApi\Payment\Settlement;
use PayViaProxyApi\Payment\SettlementRefused;

/**
 * Every entry goes through Settlement, which applies each result exactly once under the order's lock, so an
 * entry settled twice (a retry after a crash, a drain racing a reconciliation) changes nothing the second
 * time. The drain runs one request at a time for the whole site (a database lock taken without waiting): in a
 * burst of callbacks one PHP worker settles them in arrival order while the others keep answering the
 * provider and serving shoppers, instead of every worker completing orders and rendering e-mails at once.
 */
final class InboxSettler implements Hookable {

	/** Action Scheduler hook that finishes a drain which ran out of time. */
	public const HOOK = 'pay_via_proxyapi_drain_callback_inbox';

	public const GROUP = 'pay-via-proxyapi';

	/** A row that failed this often is left to reconciliation and a person (it is logged as an error). */
	public const MAX_TRIES = 5;

	/** Rows read at a time. */
	private const BATCH = 20;

	/**
	 * Seconds a drain may run after the answer (the client is gone and the time limit is lifted): long enough to
	 * settle a sale day's burst in one go, so nothing waits for WP-Cron.
	 */
	public const AFTER_ANSWER_SECONDS = 300.0;

	/** Seconds a drain run by Action Scheduler may take: its runner stops a batch after 30. */
	public const SCHEDULED_SECONDS = 20.0;

	/**
	 * @param CallbackInbox    $inbox      The accepted callbacks.
	 * @param Settlement       $settlement Applies results exactly once.
	 * @param Logger           $logger     Redacting logger.
	 * @param \wpdb            $wpdb       Database (the drain's lock).
	 * @param \Closure(): float $clock     Seconds, for the drain's time budget and the rows' timestamps.
	 */
	public function __construct(
		private CallbackInbox $inbox,
		private Settlement $settlement,
		private Logger $logger,
		private \wpdb $wpdb,
		private \Closure $clock
	) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( self::HOOK, array( $this, 'drain' ) );
	}

	/**
	 * Settles one entry and records its outcome.
	 *
	 * @param InboxEntry $entry The entry, as written.
	 * @return Decision What was done.
	 * @throws SettlementRefused When the result belongs to no attempt of the order (recorded; never retried).
	 * @throws OrderLocked When the order stayed locked too long (the entry stays pending).
	 */
	public function settle( InboxEntry $entry ): Decision {
		$now = (int) ( $this->clock )();
		try {
			$decision = $this->settlement->settle( $entry->order_id, $entry->request_id, $entry->result );
		} catch ( SettlementRefused $e ) {
			$this->inbox->mark_settled( $entry->id, CallbackInbox::REFUSED, $now );
			$this->logger->warning( 'Callback refused: ' . $e->getMessage(), array( 'order_id' => $entry->order_id ) );
			throw $e;
		} catch ( OrderLocked $e ) {
			$this->inbox->mark_tried( $entry->id );
			$this->logger->warning( 'Callback deferred: ' . $e->getMessage(), array( 'order_id' => $entry->order_id ) );
			throw $e;
		}
		$this->inbox->mark_settled( $entry->id, $decision->action, $now );
		return $decision;
	}

	/**
	 * Settles every waiting entry of the site, oldest first, unless another request is already doing it
	 * (that one will also find entries added while it runs). Entries that fail stay for the next drain; a
	 * drain out of time hands the rest to Action Scheduler.
	 *
	 * @param float|int|string $seconds How long it may run (Action Scheduler calls it with no argument).
	 * @return int How many entries were settled by this call.
	 */
	public function drain( float|int|string $seconds = self::SCHEDULED_SECONDS ): int {
		$deadline = ( $this->clock )() + (float) $seconds;
		$settled  = 0;
		$cursor   = 0;
		do {
			if ( ! $this->lock() ) {
				return $settled;
			}
			try {
				while ( $rows = $this->inbox->pending_after( $cursor, self::MAX_TRIES, self::BATCH ) ) { // phpcs:ignore Generic.CodeAnalysis.AssignmentInCondition.FoundInWhileCondition
					foreach ( $rows as $row ) {
						$cursor   = (int) $row->id;
						$settled += $this->settle_quietly( $row ) ? 1 : 0;
						if ( ( $this->clock )() >= $deadline ) {
							$this->hand_over();
							return $settled;
						}
					}
				}
			} finally {
				$this->unlock();
			}
			// An entry added after the last read but before the unlock found the lock taken: pick it up here.
		} while ( $this->inbox->pending_after( $cursor, self::MAX_TRIES, 1 ) );
		return $settled;
	}

	/**
	 * Settles the waiting entries of one order (reconciliation looks here before it asks the provider).
	 *
	 * @param int $order_id Order.
	 * @return int How many were settled.
	 */
	public function settle_order( int $order_id ): int {
		$settled = 0;
		foreach ( $this->inbox->pending_for_order( $order_id ) as $row ) {
			$settled += $this->settle_quietly( $row ) ? 1 : 0;
		}
		return $settled;
	}

	/**
	 * @param object $row Inbox row.
	 * @return bool Whether it is settled now.
	 */
	private function settle_quietly( object $row ): bool {
		try {
			$this->settle_row( $row );
			return true;
		} catch ( SettlementRefused | \InvalidArgumentException ) {
			return true;
		} catch ( OrderLocked ) {
			return false;
		} catch ( \Throwable $e ) {
			// A listener of our hooks or of WooCommerce's failed: the entry is tried again later, never lost.
			$this->inbox->mark_tried( (int) $row->id );
			$this->logger->error( 'Settling an accepted callback failed: ' . $e->getMessage(), array( 'order_id' => (int) $row->order_id ) );
			return false;
		}
	}

	/**
	 * @param object $row Inbox row.
	 * @return Decision
	 * @throws SettlementRefused|OrderLocked As settle().
	 * @throws \InvalidArgumentException When the row cannot be read back (recorded; never retried).
	 */
	private function settle_row( object $row ): Decision {
		try {
			$entry = CallbackInbox::entry( $row );
		} catch ( \InvalidArgumentException $e ) {
			$this->inbox->mark_settled( (int) $row->id, CallbackInbox::DAMAGED, (int) ( $this->clock )() );
			$this->logger->error( 'An accepted callback could not be read back: ' . $e->getMessage(), array( 'order_id' => (int) $row->order_id ) );
			throw $e;
		}
		return $this->settle( $entry );
	}

	/**
	 * Out of time with entries left: Action Scheduler finishes the drain soon, even if no callback follows.
	 */
	private function hand_over(): void {
		if ( function_exists( 'as_enqueue_async_action' ) ) {
			as_enqueue_async_action( self::HOOK, array(), self::GROUP, true );
		}
	}

	/**
	 * @return bool Whether this request now holds the drain lock (never waits).
	 */
	private function lock(): bool {
		return '1' === (string) $this->wpdb->get_var( $this->wpdb->prepare( 'SELECT GET_LOCK(%s, 0)', $this->lock_name() ) );
	}

	/**
	 * Releases the drain lock.
	 */
	private function unlock(): void {
		$this->wpdb->query( $this->wpdb->prepare( 'SELECT RELEASE_LOCK(%s)', $this->lock_name() ) );
	}

	/**
	 * @return string Server-wide lock name for this site's drain.
	 */
	private function lock_name(): string {
		return OrderLock::server_wide_name( $this->wpdb, 'callback_inbox' );
	}
}
