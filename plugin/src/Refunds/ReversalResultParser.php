<?php
/**
 * Turns a raw reversal result body into a ReversalResult, or refuses it.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Refunds;

use PayViaProxyApi\Provider\Daraja\DarajaAnswer;
use PayViaProxyApi\Provider\Daraja\DarajaErrors;

/**
 * Parses {"Result":{ResultType, ResultCode, ResultDesc, OriginatorConversationID, ConversationID,
 * TransactionID, ResultParameters:{ResultParameter:[{Key, Value}]}}}. Every field is type-checked: the body
 * comes from the network. Pure PHP.
 */
final class ReversalResultParser {

	/** A real result is well under 4 KB. */
	public const MAX_BYTES = 16384;

	/**
	 * @param string $raw The request body.
	 * @return ReversalResult
	 * @throws MalformedReversalResult When the body is not a result we understand.
	 */
	public function parse( string $raw ): ReversalResult {
		if ( strlen( $raw ) > self::MAX_BYTES ) {
			throw new MalformedReversalResult( 'The reversal result is too large.' );
		}
		try {
			$data = json_decode( $raw, true, 8, JSON_THROW_ON_ERROR );
		} catch ( \JsonException $e ) {
			throw new MalformedReversalResult( 'The reversal result is not valid JSON.' );
		}
		$result = is_array( $data ) ? ( $data['Result'] ?? null ) : null;
		if ( ! is_array( $result ) ) {
			throw new MalformedReversalResult( 'The reversal result has no Result object.' );
		}
		$code         = $result['ResultCode'] ?? null;
		$conversation = $result['ConversationID'] ?? null;
		if ( ! is_int( $code ) && ! ( is_string( $code ) && 1 === preg_match( '/^[A-Za-z0-9_.-]{1,20}$/D', $code ) ) ) {
			throw new MalformedReversalResult( 'The reversal result has no valid ResultCode.' );
		}
		if ( ! DarajaAnswer::is_id( $conversation ) ) {
			throw new MalformedReversalResult( 'The reversal result has no valid ConversationID.' );
		}
		$receipt    = $result['TransactionID'] ?? '';
		$originator = $result['OriginatorConversationID'] ?? '';
		$amount     = self::parameters( $result['ResultParameters'] ?? null )['Amount'] ?? null;
		return new ReversalResult(
			(string) $code,
			is_string( $result['ResultDesc'] ?? null ) ? DarajaErrors::plain( mb_substr( $result['ResultDesc'], 0, 300 ) ) : '',
			$conversation,
			DarajaAnswer::is_id( $originator ) ? $originator : '',
			'0' === (string) $code && is_string( $receipt ) && 1 === preg_match( '/^[A-Z0-9]{6,20}$/D', $receipt ) ? $receipt : '',
			is_numeric( $amount ) ? (float) $amount : null
		);
	}

	/**
	 * @param mixed $parameters ResultParameters: {"ResultParameter": [..]} or, with one item, {"ResultParameter": {..}}.
	 * @return array<string, mixed> Key => scalar value.
	 */
	private static function parameters( mixed $parameters ): array {
		$items = is_array( $parameters ) ? ( $parameters['ResultParameter'] ?? array() ) : array();
		$items = is_array( $items ) && isset( $items['Key'] ) ? array( $items ) : $items;
		$found = array();
		foreach ( is_array( $items ) ? $items : array() as $item ) {
			if ( is_array( $item ) && is_string( $item['Key'] ?? null ) && is_scalar( $item['Value'] ?? null ) ) {
				$found[ $item['Key'] ] = $item['Value'];
			}
		}
		return $found;
	}
}
