<?php
/**
 * Removes secrets and phone numbers from anything about to be logged.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Logging;

/**
 * Pure string and array scrubbing, unit-tested without WordPress.
 */
final class Redactor {

	/** Keys whose values are never logged, whatever they hold. */
	private const SECRET_KEYS = array( 'apikey', 'api_key', 'token', 'password', 'secret', 'passkey', 'consumer_secret', 'authorization', 'callbackurl', 'callback_url' );

	/** Shorter "secrets" would blank out ordinary words. */
	private const MIN_SECRET_LENGTH = 8;

	/**
	 * A Kenyan mobile number as people and systems write it: 0712345678, 254712345678, +254 712 345 678,
	 * 0712-345-678. Digits on either side mean it is part of something longer (a date, an id), not a phone.
	 */
	private const PHONE = '/(?<![\d+])(?:\+?254[ -]?|0)([71])((?:[ -]?\d){8})(?!\d)/';

	/**
	 * @param string   $text    Free text.
	 * @param string[] $secrets Exact values to hide as well (e.g. the configured API key, whatever its shape).
	 * @return string The text with Kenyan phone numbers masked and ProxyAPI-key-shaped strings hidden.
	 */
	public static function text( string $text, array $secrets = array() ): string {
		foreach ( $secrets as $secret ) {
			if ( strlen( $secret ) >= self::MIN_SECRET_LENGTH ) {
				$text = str_replace( $secret, '[secret]', $text );
			}
		}
		$text = (string) preg_replace( '/\b\d{10}-\w{20}\b/', '[api key]', $text );
		$text = (string) preg_replace( '/\b[a-f0-9]{64}\b/', '[token]', $text );
		// Keep the network digit and the last four: enough to tell two numbers apart, not enough to call one.
		return (string) preg_replace_callback(
			self::PHONE,
			static fn ( array $m ): string => '254' . $m[1] . '****' . substr( (string) preg_replace( '/\D/', '', $m[2] ), -4 ),
			$text
		);
	}

	/**
	 * @param array<mixed> $context Structured facts.
	 * @param string[]     $secrets Exact values to hide as well.
	 * @return array<mixed> The same with secret keys replaced and strings scrubbed.
	 */
	public static function context( array $context, array $secrets = array() ): array {
		$clean = array();
		foreach ( $context as $key => $value ) {
			if ( is_string( $key ) && in_array( strtolower( $key ), self::SECRET_KEYS, true ) ) {
				$clean[ $key ] = '[redacted]';
			} elseif ( is_array( $value ) ) {
				$clean[ $key ] = self::context( $value, $secrets );
			} elseif ( is_string( $value ) ) {
				$clean[ $key ] = self::text( $value, $secrets );
			} elseif ( is_int( $value ) && strlen( (string) $value ) >= 9 ) {
				$clean[ $key ] = self::text( (string) $value, $secrets );
			} else {
				$clean[ $key ] = $value;
			}
		}
		return $clean;
	}
}
