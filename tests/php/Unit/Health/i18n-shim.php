<?php
/**
 * The unit suite runs without WordPress; health texts go through __(), so stand in for it with the identity.
 *
 * @package PayViaProxyApi\Tests
 */

declare( strict_types=1 );

if ( ! function_exists( '__' ) ) {
	/**
	 * @param string $text   Text.
	 * @param string $domain Text domain.
	 * @return string The text, untranslated.
	 */
	function __( string $text, string $domain = 'default' ): string { // phpcs:ignore
		unset( $domain );
		return $text;
	}
}

if ( ! function_exists( '_n' ) ) {
	/**
	 * @param string $single Singular.
	 * @param string $plural Plural.
	 * @param int    $number Count.
	 * @param string $domain Text domain.
	 * @return string English plural choice.
	 */
	function _n( string $single, string $plural, int $number, string $domain = 'default' ): string { // phpcs:ignore
		unset( $domain );
		return 1 === $number ? $single : $plural;
	}
}
