<?php
/**
 * A Safaricom M-Pesa phone number in the 2547XXXXXXXX / 2541XXXXXXXX form the API expects.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Payment;

/**
 * Normalises what shoppers type (07.., 01.., +254.., 254.., 7.., with spaces, dashes, dots or brackets).
 *
 * The same rules live in assets-src/shared/phone.ts; both are tested against tests/fixtures/phone-numbers.json.
 */
final class PhoneNumber {

	/**
	 * @param string $msisdn Twelve digits starting 2547 or 2541.
	 */
	private function __construct( private string $msisdn ) {
	}

	/**
	 * @param string $input What the shopper typed.
	 * @return self|null Null when the input is not a Safaricom mobile number.
	 */
	public static function parse( string $input ): ?self {
		$compact = preg_replace( '/[\s\-.()]/u', '', trim( $input ) );
		if ( null === $compact || '' === $compact ) {
			return null;
		}
		// A single "+" or "00" means an international number; only Kenya's 254 is accepted after it.
		if ( str_starts_with( $compact, '+' ) ) {
			$compact = substr( $compact, 1 );
			if ( ! str_starts_with( $compact, '254' ) ) {
				return null;
			}
		} elseif ( str_starts_with( $compact, '00' ) ) {
			$compact = substr( $compact, 2 );
			if ( ! str_starts_with( $compact, '254' ) ) {
				return null;
			}
		}
		if ( 1 !== preg_match( '/^(?:254|0)?([71]\d{8})$/D', $compact, $matches ) ) {
			return null;
		}
		return new self( '254' . $matches[1] );
	}

	/**
	 * @return string The number as M-Pesa wants it, e.g. 254712345678.
	 */
	public function msisdn(): string {
		return $this->msisdn;
	}

	/**
	 * @return string The number with the middle digits hidden, for logs and notes: 2547****5678.
	 */
	public function masked(): string {
		return substr( $this->msisdn, 0, 4 ) . '****' . substr( $this->msisdn, -4 );
	}
}
