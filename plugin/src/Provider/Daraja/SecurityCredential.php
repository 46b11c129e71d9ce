<?php
/**
 * The SecurityCredential of a Daraja reversal: the initiator password encrypted with Safaricom's certificate.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Provider\Daraja;

/**
 * Made at run time for each request (RSA with PKCS #1 v1.5 padding, base64), never stored: the stored
 * ingredients are the password (a secret like the others) and the public certificate. Pure PHP + OpenSSL.
 */
final class SecurityCredential {

	/**
	 * @param string $password    The initiator's password.
	 * @param string $certificate Safaricom's certificate (or public key) as PEM; pasted text whose line breaks
	 *                            were lost is accepted too.
	 * @return string The credential.
	 * @throws \InvalidArgumentException When there is no password or the certificate cannot be read.
	 */
	public static function encrypt( string $password, string $certificate ): string {
		if ( '' === $password ) {
			throw new \InvalidArgumentException( 'The initiator password is not set.' );
		}
		$key = openssl_pkey_get_public( self::pem( $certificate ) );
		if ( false === $key ) {
			throw new \InvalidArgumentException( 'The Safaricom certificate could not be read: paste the whole certificate, including its BEGIN and END lines.' );
		}
		$encrypted = '';
		if ( ! openssl_public_encrypt( $password, $encrypted, $key, OPENSSL_PKCS1_PADDING ) ) {
			throw new \InvalidArgumentException( 'The initiator password could not be encrypted with the Safaricom certificate.' );
		}
		return base64_encode( $encrypted ); // phpcs:ignore WordPress.PHP.DiscouragedPHPFunctions.obfuscation_base64_encode -- Daraja's credential format.
	}

	/**
	 * Rebuilds a PEM block: a password field or a one-line environment variable loses the line breaks.
	 *
	 * @param string $text A certificate or public key, with or without line breaks.
	 * @return string PEM with 64-character lines, or the text unchanged when it has no PEM markers.
	 */
	public static function pem( string $text ): string {
		if ( 1 !== preg_match( '/-----BEGIN ([A-Z ]+)-----(.*?)-----END \1-----/s', $text, $m ) ) {
			return $text;
		}
		$body = (string) preg_replace( '/[^A-Za-z0-9+\/=]/', '', $m[2] );
		return "-----BEGIN {$m[1]}-----\n" . chunk_split( $body, 64, "\n" ) . "-----END {$m[1]}-----\n";
	}

	/**
	 * @param string $certificate PEM text.
	 * @return bool Whether it holds a readable certificate or public key.
	 */
	public static function is_readable( string $certificate ): bool {
		return false !== openssl_pkey_get_public( self::pem( $certificate ) );
	}
}
