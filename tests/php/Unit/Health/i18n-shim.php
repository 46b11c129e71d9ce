<?php
/**
 * The unit suite runs without WordPress; health and settings texts go through __() and esc_html__(), so stand
 * in for them with the identity (escaped for esc_html__).
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

if ( ! function_exists( 'esc_html__' ) ) {
	/**
	 * @param string $text   Text.
	 * @param string $domain Text domain.
	 * @return string The text, untranslated and escaped for HTML.
	 */
	function esc_html__( string $text, string $domain = 'default' ): string { // phpcs:ignore
		unset( $domain );
		return htmlspecialchars( $text, ENT_QUOTES, 'UTF-8' );
	}
}
