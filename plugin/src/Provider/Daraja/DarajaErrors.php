<?php
/**
 * Daraja's error answers: {"requestId", "errorCode", "errorMessage"}.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Provider\Daraja;

use PayViaProxyApi\Logging\Redactor;
use PayViaProxyApi\Provider\HttpResponse;
use PayViaProxyApi\Provider\ProviderException;

/**
 * Reads the error shape and turns it into a ProviderException whose message is Daraja's own words and code,
 * because "Invalid Access Token (404.001.03)" tells a store owner what to fix. Pure PHP.
 */
final class DarajaErrors {

	/** The token is missing, unknown or expired: get a new one and try once more. */
	public const INVALID_ACCESS_TOKEN = '404.001.03';

	/** Wrong credentials, unknown merchant, a subscriber already in a transaction, or (STK query) still pending. */
	public const MERCHANT = '500.001.1001';

	/** Bad Request - Invalid <field>. */
	public const INVALID_FIELD = '400.002.02';

	/** Daraja's internal error: it may or may not have acted on the request. */
	private const INTERNAL = '500.003.1001';

	/**
	 * @param HttpResponse $response An answer.
	 * @return array{code: string, message: string}|null The error, or null when the body is not the error shape.
	 */
	public static function read( HttpResponse $response ): ?array {
		$data = json_decode( $response->body, true, 4 );
		if ( ! is_array( $data ) || ! is_string( $data['errorCode'] ?? null ) || 1 !== preg_match( '/^[0-9.]{3,20}$/D', $data['errorCode'] ) ) {
			return null;
		}
		$message = is_string( $data['errorMessage'] ?? null ) ? $data['errorMessage'] : '';
		return array(
			'code'    => $data['errorCode'],
			'message' => self::plain( mb_substr( $message, 0, 200 ) ),
		);
	}

	/**
	 * @param HttpResponse $response An answer.
	 * @return bool Whether it says the access token is not (or no longer) valid.
	 */
	public static function is_invalid_token( HttpResponse $response ): bool {
		return self::INVALID_ACCESS_TOKEN === ( self::read( $response )['code'] ?? null );
	}

	/**
	 * An STK query for a prompt the shopper has not answered yet: Daraja's standard "ask again later".
	 *
	 * @param HttpResponse $response An STK query answer.
	 * @return bool Whether the transaction is still being processed.
	 */
	public static function is_being_processed( HttpResponse $response ): bool {
		$error = self::read( $response );
		return null !== $error && self::MERCHANT === $error['code'] && false !== stripos( $error['message'], 'being processed' );
	}

	/**
	 * @param HttpResponse $response A refusal.
	 * @param string       $what     What was asked, e.g. "the payment request".
	 * @return ProviderException REJECTED with Daraja's words; INVALID_RESPONSE when the answer cannot be read
	 *                           or Daraja itself failed (it may have acted).
	 */
	public static function exception( HttpResponse $response, string $what ): ProviderException {
		$error = self::read( $response );
		if ( null === $error ) {
			return new ProviderException( ProviderException::INVALID_RESPONSE, sprintf( 'Daraja sent an answer to %s that could not be read (HTTP %d).', $what, $response->status ) );
		}
		$kind = self::INTERNAL === $error['code'] ? ProviderException::INVALID_RESPONSE : ProviderException::REJECTED;
		return new ProviderException( $kind, sprintf( 'Daraja refused %1$s: %2$s (%3$s).', $what, '' !== $error['message'] ? $error['message'] : 'no message', $error['code'] ) );
	}

	/**
	 * Daraja's text ends up in order notes, the log and the settings screen: no markup, no control
	 * characters, no phone numbers.
	 *
	 * @param string $text Provider text.
	 * @return string Plain, scrubbed text.
	 */
	public static function plain( string $text ): string {
		return Redactor::text( trim( (string) preg_replace( '/[\x00-\x1F\x7F]+/u', ' ', strip_tags( $text ) ) ) );
	}
}
