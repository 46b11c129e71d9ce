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

	/**
	 * @param string $text Free text.
	 * @return string The text with Kenyan phone numbers masked and ProxyAPI-key-shaped strings hidden.
	 */
	public static function text( string $text ): string {
		$text = (string) preg_replace( '/\b\d{10}-\w{20}\b/', '[api key]', $text );
		$text = (string) preg_replace( '/\b[a-f0-9]{64}\b/', '[token]', $text );
		// 254/0 followed by a Safaricom subscriber number: keep the network digit and the last four.
		return (string) preg_replace( '/(?<!\d)(?:\+?254|0)([71])\d{4}(\d{4})(?!\d)/', '254$1****$2', $text );
	}

	/**
	 * @param array<mixed> $context Structured facts.
	 * @return array<mixed> The same with secret keys replaced and strings scrubbed.
	 */
	public static function context( array $context ): array {
		$clean = array();
		foreach ( $context as $key => $value ) {
			if ( is_string( $key ) && in_array( strtolower( $key ), self::SECRET_KEYS, true ) ) {
				$clean[ $key ] = '[redacted]';
			} elseif ( is_array( $value ) ) {
				$clean[ $key ] = self::context( $value );
			} elseif ( is_string( $value ) ) {
				$clean[ $key ] = self::text( $value );
			} elseif ( is_int( $value ) && strlen( (string) $value ) >= 9 ) {
				$clean[ $key ] = self::text( (string) $value );
			} else {
				$clean[ $key ] = $value;
			}
		}
		return $clean;
	}
}
