<?php
/**
 * Reading Daraja's synchronous answers: {"ResponseCode": "0", "ResponseDescription": …, ids…}.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Provider\Daraja;

use PayViaProxyApi\Provider\HttpResponse;
use PayViaProxyApi\Provider\ProviderException;

/**
 * The STK push, the STK query and the reversal all answer "accepted" the same way, and refuse either with
 * a non-zero ResponseCode or with the error shape. Pure PHP.
 */
final class DarajaAnswer {

	/**
	 * @param HttpResponse $response An answer.
	 * @param string       $what     What was asked, for messages (e.g. "the payment request").
	 * @return array<string, mixed> The decoded body of an accepted request (ResponseCode "0").
	 * @throws ProviderException When Daraja refused or the answer cannot be read.
	 */
	public static function accepted( HttpResponse $response, string $what ): array {
		$data = json_decode( $response->body, true, 8 );
		if ( 200 !== $response->status || ! is_array( $data ) || ! array_key_exists( 'ResponseCode', $data ) ) {
			throw DarajaErrors::exception( $response, $what );
		}
		if ( ! is_numeric( $data['ResponseCode'] ) || 0 !== (int) $data['ResponseCode'] ) {
			$said = self::text( $data, 'ResponseDescription' );
			throw new ProviderException( ProviderException::REJECTED, sprintf( 'Daraja refused %1$s: %2$s', $what, '' !== $said ? $said : 'no reason given.' ) );
		}
		return $data;
	}

	/**
	 * @param mixed $value A MerchantRequestID, CheckoutRequestID or ConversationID.
	 * @return bool Whether it is a usable id.
	 */
	public static function is_id( mixed $value ): bool {
		return is_string( $value ) && 1 === preg_match( '/^[A-Za-z0-9_.-]{1,64}$/D', $value );
	}

	/**
	 * @param array<mixed> $data Decoded answer.
	 * @param string       $key  Field.
	 * @return string Its plain, scrubbed text ('' when absent).
	 */
	public static function text( array $data, string $key ): string {
		return is_string( $data[ $key ] ?? null ) ? DarajaErrors::plain( mb_substr( $data[ $key ], 0, 300 ) ) : '';
	}
}
