<?php
/**
 * Why a request to the provider did not start a payment.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Provider;

/**
 * The kind decides what happens to the attempt: a refusal is final, a timeout may still have reached M-Pesa.
 * Messages never contain credentials or the request body.
 */
final class ProviderException extends \RuntimeException {

	/** The provider answered and said no (bad key, bad number, ...). No prompt was sent. */
	public const REJECTED = 'rejected';

	/** No answer before the timeout: the request may have reached M-Pesa. */
	public const TIMEOUT = 'timeout';

	/** No connection at all. */
	public const TRANSPORT = 'transport';

	/** An answer we cannot read (not JSON, missing fields, HTTP error page). */
	public const INVALID_RESPONSE = 'invalid_response';

	/**
	 * @param string $kind    One of the constants above.
	 * @param string $message Safe to show and log.
	 */
	public function __construct( public readonly string $kind, string $message ) {
		parent::__construct( $message );
	}

	/**
	 * @return bool Whether M-Pesa may have received the request even though we got no usable answer.
	 */
	public function outcome_unknown(): bool {
		return in_array( $this->kind, array( self::TIMEOUT, self::INVALID_RESPONSE ), true );
	}
}
