<?php
/**
 * Turns a raw callback body into a PaymentResult, or refuses it.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Callback;

use PayViaProxyApi\Payment\PaymentResult;

/**
 * Parses the two shapes ProxyAPI posts: {"Body":{"stkCallback":{..}}} and {"Body":{"pvpCallback":{..}}}.
 *
 * Pure PHP. Every field is type-checked, because the body comes from the network: a wrong type is a
 * MalformedCallback, never a PHP warning.
 */
final class CallbackParser {

	/** Bodies nest four levels at most (Body > stkCallback > CallbackMetadata > Item > item). */
	private const MAX_DEPTH = 8;

	/** A real callback is well under 2 KB. */
	public const MAX_BYTES = 16384;

	/**
	 * @param string $raw The request body.
	 * @return PaymentResult
	 * @throws MalformedCallback When the body is not a callback we understand.
	 */
	public function parse( string $raw ): PaymentResult {
		if ( strlen( $raw ) > self::MAX_BYTES ) {
			throw new MalformedCallback( 'The callback body is too large.' );
		}
		try {
			$data = json_decode( $raw, true, self::MAX_DEPTH, JSON_THROW_ON_ERROR );
		} catch ( \JsonException $e ) {
			throw new MalformedCallback( 'The callback body is not valid JSON.' );
		}
		$body = is_array( $data ) ? ( $data['Body'] ?? null ) : null;
		if ( ! is_array( $body ) ) {
			throw new MalformedCallback( 'The callback has no Body object.' );
		}
		if ( isset( $body['stkCallback'] ) && is_array( $body['stkCallback'] ) ) {
			return $this->parse_stk( $body['stkCallback'] );
		}
		if ( isset( $body['pvpCallback'] ) && is_array( $body['pvpCallback'] ) ) {
			return $this->parse_pvp( $body['pvpCallback'] );
		}
		throw new MalformedCallback( 'The callback is neither an stkCallback nor a pvpCallback.' );
	}

	/**
	 * @param array<mixed> $stk The stkCallback object.
	 * @return PaymentResult
	 */
	private function parse_stk( array $stk ): PaymentResult {
		$code  = $this->result_code( $stk['ResultCode'] ?? null );
		$items = $this->metadata_items( $stk['CallbackMetadata'] ?? null );
		$paid  = '0' === $code;
		return new PaymentResult(
			PaymentResult::SOURCE_STK,
			$code,
			$this->text( $stk, 'ResultDesc', 500 ),
			$this->identifier( $stk, 'CheckoutRequestID' ),
			$this->identifier( $stk, 'MerchantRequestID' ),
			'',
			$paid ? $this->receipt( $items['MpesaReceiptNumber'] ?? null ) : '',
			isset( $items['Amount'] ) && is_numeric( $items['Amount'] ) ? (float) $items['Amount'] : null,
			$this->scalar_text( $items['TransactionDate'] ?? '' ),
			$this->scalar_text( $items['PhoneNumber'] ?? '' ),
			'',
			'',
			null,
			$items
		);
	}

	/**
	 * @param array<mixed> $pvp The pvpCallback object.
	 * @return PaymentResult
	 */
	private function parse_pvp( array $pvp ): PaymentResult {
		$meta = $pvp['CallbackMetadata'] ?? null;
		if ( ! is_array( $meta ) ) {
			throw new MalformedCallback( 'The pvpCallback has no CallbackMetadata object.' );
		}
		$amount = $meta['TransactionAmount'] ?? ( $meta['Amount'] ?? null );
		$due    = $meta['DueDate'] ?? null;
		return new PaymentResult(
			PaymentResult::SOURCE_PVP,
			'0',
			'Payment confirmed by ProxyAPI.',
			$this->identifier( $pvp, 'CheckoutRequestID' ),
			'',
			$this->identifier( $pvp, 'RequestID' ),
			$this->receipt( $meta['TransactionID'] ?? null ),
			is_numeric( $amount ) ? (float) $amount : null,
			$this->scalar_text( $meta['TransactionTime'] ?? '' ),
			$this->scalar_text( $meta['SenderMSISDN'] ?? '' ),
			$this->text( $meta, 'SenderFirstName', 100 ),
			$this->text( $meta, 'SenderLastName', 100 ),
			is_numeric( $due ) ? (int) $due : null,
			array_filter( $meta, static fn ( $value ): bool => is_scalar( $value ) )
		);
	}

	/**
	 * @param mixed $value ResultCode as sent: a number, or a string such as "SFC_IC0003".
	 * @return string
	 */
	private function result_code( mixed $value ): string {
		if ( is_int( $value ) || ( is_string( $value ) && 1 === preg_match( '/^[A-Za-z0-9_.-]{1,20}$/D', $value ) ) ) {
			return (string) $value;
		}
		if ( is_float( $value ) && floor( $value ) === $value && abs( $value ) < 1e9 ) {
			return (string) (int) $value;
		}
		throw new MalformedCallback( 'The callback has no valid ResultCode.' );
	}

	/**
	 * @param mixed $metadata CallbackMetadata of an stkCallback: {"Item":[{"Name":..,"Value":..}]}.
	 * @return array<string, mixed> Name => scalar value, skipping items without a value (Balance often has none).
	 */
	private function metadata_items( mixed $metadata ): array {
		if ( null === $metadata ) {
			return array();
		}
		if ( ! is_array( $metadata ) || ! is_array( $metadata['Item'] ?? null ) ) {
			throw new MalformedCallback( 'The CallbackMetadata has no Item list.' );
		}
		$items = array();
		foreach ( $metadata['Item'] as $item ) {
			if ( ! is_array( $item ) || ! is_string( $item['Name'] ?? null ) ) {
				throw new MalformedCallback( 'A CallbackMetadata item has no Name.' );
			}
			if ( isset( $item['Value'] ) && is_scalar( $item['Value'] ) && ! is_bool( $item['Value'] ) ) {
				$items[ substr( $item['Name'], 0, 64 ) ] = $item['Value'];
			}
		}
		return $items;
	}

	/**
	 * @param array<mixed> $source Object holding the id.
	 * @param string       $key    Field name.
	 * @return string The id.
	 */
	private function identifier( array $source, string $key ): string {
		$value = $source[ $key ] ?? null;
		if ( ! is_string( $value ) || 1 !== preg_match( '/^[A-Za-z0-9_.-]{1,64}$/D', $value ) ) {
			throw new MalformedCallback( sprintf( 'The callback has no valid %s.', $key ) );
		}
		return $value;
	}

	/**
	 * @param mixed $value MpesaReceiptNumber / TransactionID.
	 * @return string The receipt.
	 */
	private function receipt( mixed $value ): string {
		if ( ! is_string( $value ) || 1 !== preg_match( '/^[A-Z0-9]{6,20}$/D', $value ) ) {
			throw new MalformedCallback( 'The callback reports a payment without a valid M-Pesa receipt.' );
		}
		return $value;
	}

	/**
	 * @param array<mixed> $source Object holding the text.
	 * @param string       $key    Field name.
	 * @param int          $max    Longest kept.
	 * @return string The text, or '' when absent or not a string.
	 */
	private function text( array $source, string $key, int $max ): string {
		$value = $source[ $key ] ?? '';
		return is_string( $value ) ? mb_substr( $value, 0, $max ) : '';
	}

	/**
	 * @param mixed $value A number or string field such as TransactionDate or PhoneNumber.
	 * @return string Its text, '' for anything else.
	 */
	private function scalar_text( mixed $value ): string {
		if ( is_int( $value ) || is_string( $value ) ) {
			return mb_substr( (string) $value, 0, 40 );
		}
		if ( is_float( $value ) && floor( $value ) === $value ) {
			return sprintf( '%.0f', $value );
		}
		return '';
	}
}
