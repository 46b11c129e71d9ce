<?php
/**
 * Whether the shopper may ask for another M-Pesa prompt now, and if not, why and from when.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Payment;

/**
 * The answer of ResendPolicy. A value object: the REST routes turn it into HTTP codes and JSON.
 */
final class ResendVerdict {

	/** A prompt is still on the shopper's phone; a second one would only be refused by M-Pesa (1001). */
	public const PROMPT_LIVE = 'prompt_live';

	/** Too many prompts for this order lately. */
	public const TOO_MANY = 'too_many';

	/** The order is paid, cancelled or otherwise past paying: nothing to resend. */
	public const NOT_PAYABLE = 'not_payable';

	/**
	 * @param string $reason       '' when allowed, else one of the constants above.
	 * @param int    $available_at Unix time from which a resend will be allowed (0: now; also 0 when never).
	 */
	private function __construct( public readonly string $reason, public readonly int $available_at ) {
	}

	/**
	 * @return self A resend may go now.
	 */
	public static function allowed(): self {
		return new self( '', 0 );
	}

	/**
	 * @param string $reason       PROMPT_LIVE or TOO_MANY.
	 * @param int    $available_at Unix time from which it will be allowed.
	 * @return self
	 */
	public static function wait( string $reason, int $available_at ): self {
		return new self( $reason, $available_at );
	}

	/**
	 * @return self No resend, ever, for this order.
	 */
	public static function not_payable(): self {
		return new self( self::NOT_PAYABLE, 0 );
	}

	/**
	 * @return bool Whether a resend may go now.
	 */
	public function is_allowed(): bool {
		return '' === $this->reason;
	}

	/**
	 * @param int $now Unix time.
	 * @return int|null Seconds until a resend is allowed: 0 now, null never (the order is past paying).
	 */
	public function seconds_to_wait( int $now ): ?int {
		if ( self::NOT_PAYABLE === $this->reason ) {
			return null;
		}
		return max( 0, $this->available_at - $now );
	}
}
