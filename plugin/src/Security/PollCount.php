<?php
/**
 * One counted status request: allowed or not, and the count to keep.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Security;

/**
 * What StatusPollLimit::count() decided.
 */
final class PollCount {

	/**
	 * @param bool                            $allowed Whether the request may be answered.
	 * @param int                             $ends_in Seconds until the window ends (at least 1): the
	 *                                                 Retry-After of a refusal and how long to keep $bucket.
	 * @param array{start: int, count: int}   $bucket  The count to store for the next request.
	 */
	public function __construct( public readonly bool $allowed, public readonly int $ends_in, public readonly array $bucket ) {
	}
}
