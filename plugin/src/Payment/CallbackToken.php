<?php
/**
 * The secret that makes a callback URL belong to exactly one payment attempt.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Payment;

/**
 * ProxyAPI does not sign its callbacks, so the callback URL carries a token only the store can make.
 *
 * The token is an HMAC of the order and the attempt's RequestID under the site secret. Only its SHA-256 is
 * kept on the attempt, so a leaked database does not reveal live tokens, and rotating the site secret does
 * not break attempts already in flight (their hashes were stored when they started).
 */
final class CallbackToken {

	/**
	 * @param string $site_secret Secret of at least 32 bytes.
	 * @param int    $order_id    Order the attempt pays.
	 * @param string $request_id  The attempt's RequestID.
	 * @return string 64 hex characters.
	 */
	public static function mint( string $site_secret, int $order_id, string $request_id ): string {
		return hash_hmac( 'sha256', $order_id . '|' . $request_id, $site_secret );
	}

	/**
	 * @param string $token A token as minted.
	 * @return string The form kept on the attempt.
	 */
	public static function hash( string $token ): string {
		return hash( 'sha256', $token );
	}

	/**
	 * @param string $presented  Token from the callback URL.
	 * @param string $stored_hash Hash kept on the attempt.
	 * @return bool Whether they match, compared in constant time.
	 */
	public static function matches( string $presented, string $stored_hash ): bool {
		if ( '' === $stored_hash || 1 !== preg_match( '/^[a-f0-9]{64}$/D', $presented ) ) {
			return false;
		}
		return hash_equals( $stored_hash, self::hash( $presented ) );
	}
}
