<?php
/**
 * When a callback token that matches an attempt is still honoured.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Callback;

use PayViaProxyApi\Payment\Attempt;
use PayViaProxyApi\Payment\AttemptStatus;

/**
 * Pure rules. A token is not "used up" by its first callback: one payment brings two callbacks (stkCallback,
 * then pvpCallback), and a success may follow a failure (a late payment is real money). Settlement makes
 * every repeat a no-op, so a replayed body can change nothing. What ends a token:
 *
 * - its attempt was refused by ProxyAPI: no prompt was ever sent, so no result can legitimately follow;
 * - its attempt is older than the lifetime (7 days by default, filter pvp_callback_token_lifetime):
 *   M-Pesa prompts expire within minutes, so a week covers any provider delay, and reconciliation
 *   (which reads ProxyAPI's report, not callbacks) settles whatever is still open after that.
 */
final class TokenValidity {

	public const DEFAULT_LIFETIME = 7 * 24 * 60 * 60;

	/** A shorter lifetime would refuse results of prompts that are still live. */
	public const MINIMUM_LIFETIME = 60 * 60;

	private int $lifetime;

	/**
	 * @param int $lifetime Seconds after an attempt starts during which its token is honoured.
	 */
	public function __construct( int $lifetime ) {
		$this->lifetime = max( self::MINIMUM_LIFETIME, $lifetime );
	}

	/**
	 * @param Attempt $attempt The attempt whose token matched.
	 * @param int     $now     Current Unix time.
	 * @return string|null Why the token is refused (safe to log), or null when it is honoured.
	 */
	public function refusal( Attempt $attempt, int $now ): ?string {
		if ( AttemptStatus::REJECTED === $attempt->status ) {
			return 'its payment request was refused by ProxyAPI, so no result can follow';
		}
		if ( $attempt->created_at <= 0 || $now - $attempt->created_at > $this->lifetime ) {
			return 'it has expired';
		}
		return null;
	}
}
