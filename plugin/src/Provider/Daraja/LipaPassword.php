<?php
/**
 * The Lipa na M-Pesa Online password and its timestamp.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Provider\Daraja;

/**
 * base64(shortcode + passkey + timestamp), computed for each request from the clock, with the same timestamp
 * sent alongside. The timestamp is Kenya time (Africa/Nairobi, UTC+3 all year) whatever the server's or
 * WordPress's time zone, because Daraja reads it that way. Nothing here is stored: a stored password would
 * be as good as the passkey itself.
 */
final class LipaPassword {

	public const TIME_ZONE = 'Africa/Nairobi';

	/**
	 * @param int $unix Unix time.
	 * @return string YYYYMMDDHHmmss in Kenya time.
	 */
	public static function timestamp( int $unix ): string {
		return ( new \DateTimeImmutable( '@' . $unix ) )->setTimezone( new \DateTimeZone( self::TIME_ZONE ) )->format( 'YmdHis' );
	}

	/**
	 * @param string $shortcode The BusinessShortCode.
	 * @param string $passkey   The passkey.
	 * @param string $timestamp As from timestamp().
	 * @return string The password.
	 */
	public static function password( string $shortcode, string $passkey, string $timestamp ): string {
		return base64_encode( $shortcode . $passkey . $timestamp ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- Daraja's password format.
	}

	/**
	 * @param string $shortcode The BusinessShortCode.
	 * @param string $passkey   The passkey.
	 * @param int    $unix      The request's Unix time.
	 * @return array{Password: string, Timestamp: string} The two body fields, built from one timestamp.
	 */
	public static function fields( string $shortcode, string $passkey, int $unix ): array {
		$timestamp = self::timestamp( $unix );
		return array(
			'Password'  => self::password( $shortcode, $passkey, $timestamp ),
			'Timestamp' => $timestamp,
		);
	}
}
