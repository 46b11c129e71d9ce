<?php
/**
 * Generates RequestIDs, ProxyAPI's key against double transactions.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Payment;

/**
 * Every payment attempt gets a fresh RequestID; a retry never reuses one.
 */
final class RequestId {

	/** No I, O or 0, so an ID read aloud or typed from a screenshot cannot be confused. */
	private const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ123456789';

	/** The length Pay via ProxyAPI 2.2.7 used, which the service is known to accept. */
	public const LENGTH = 15;

	/**
	 * @return string A random RequestID.
	 */
	public static function generate(): string {
		$id  = '';
		$max = strlen( self::ALPHABET ) - 1;
		for ( $i = 0; $i < self::LENGTH; $i++ ) {
			$id .= self::ALPHABET[ random_int( 0, $max ) ];
		}
		return $id;
	}

	/**
	 * Accepts IDs a site supplies through a filter: 8 to 40 letters, digits, dashes or underscores.
	 *
	 * @param string $id Candidate RequestID.
	 * @return bool Whether it is safe to send.
	 */
	public static function is_valid( string $id ): bool {
		return 1 === preg_match( '/^[A-Za-z0-9_-]{8,40}$/D', $id );
	}
}
