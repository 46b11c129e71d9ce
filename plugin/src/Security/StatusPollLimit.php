<?php
/**
 * How often one client may read one order's payment status.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Security;

/**
 * Pure PHP. The status panel asks about once a second for two minutes, then less often, so LIMIT per
 * WINDOW_SECONDS is twice what an honest page needs (two tabs of the same order still fit). Past it, a
 * script hammering the route with a leaked order key gets 429 until its window ends.
 *
 * Fixed windows per (order, client address): a window starts with its first request and counts the ones
 * that follow; it is the cheapest count a transient can hold, and at its edge allows at most 2 × LIMIT in
 * one WINDOW_SECONDS, which is still far below what would hurt the store.
 */
final class StatusPollLimit {

	/** Requests allowed per window. */
	public const LIMIT = 120;

	/** The window: one minute. */
	public const WINDOW_SECONDS = 60;

	/**
	 * @param int $limit  Requests per window (at least 1).
	 * @param int $window Window length in seconds (at least 1).
	 * @throws \InvalidArgumentException When either is below 1.
	 */
	public function __construct( private int $limit = self::LIMIT, private int $window = self::WINDOW_SECONDS ) {
		if ( $limit < 1 || $window < 1 ) {
			throw new \InvalidArgumentException( 'The limit and the window must be at least 1.' );
		}
	}

	/**
	 * Counts one request.
	 *
	 * @param mixed $bucket What was stored for this order and client (null, or anything unreadable: none).
	 * @param int   $now    Unix time.
	 * @return PollCount Whether the request may go on, and what to store.
	 */
	public function count( mixed $bucket, int $now ): PollCount {
		$start = is_array( $bucket ) && is_int( $bucket['start'] ?? null ) ? $bucket['start'] : null;
		$count = is_array( $bucket ) && is_int( $bucket['count'] ?? null ) ? $bucket['count'] : 0;
		// A window from the future (clock moved back) or already over starts again.
		if ( null === $start || $start > $now || $now - $start >= $this->window ) {
			$start = $now;
			$count = 0;
		}
		$ends_in = $start + $this->window - $now;
		if ( $count >= $this->limit ) {
			return new PollCount( false, $ends_in, array( 'start' => $start, 'count' => $count ) );
		}
		return new PollCount( true, $ends_in, array( 'start' => $start, 'count' => $count + 1 ) );
	}

	/**
	 * @param int    $order_id The order.
	 * @param string $client   The client's address.
	 * @return string A storage key for the pair; hashed, so the address itself is not stored.
	 */
	public static function key( int $order_id, string $client ): string {
		return 'pvp_poll_' . substr( hash( 'sha256', $order_id . '|' . $client ), 0, 32 );
	}
}
