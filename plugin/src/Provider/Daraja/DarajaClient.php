<?php
/**
 * Safaricom Daraja M-Pesa Express (STK push) and STK Push Query, for stores with their own Daraja app.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Provider\Daraja;

use PayViaProxyApi\Logging\Logger;
use PayViaProxyApi\Payment\Attempt;
use PayViaProxyApi\Payment\PaymentResult;
use PayViaProxyApi\Provider\PaymentProvider;
use PayViaProxyApi\Provider\ProviderException;
use PayViaProxyApi\Provider\ProxyApiReport;
use PayViaProxyApi\Provider\StkPushAccepted;
use PayViaProxyApi\Provider\StkPushRequest;

/**
 * Maps StkPushRequest to Daraja's wire format, and a query's answer to a PaymentResult. Daraja posts the
 * same stkCallback shape as ProxyAPI to the attempt's callback URL, so callbacks need nothing from here.
 *
 * A query that says "paid" carries no M-Pesa receipt and no amount, and the settlement rules pay an order
 * only with a receipt. Such an answer is therefore not a result: it is logged and the order keeps waiting
 * for the callback (or for the store owner, who can see the payment in the M-Pesa portal). Failures
 * (cancelled, wrong PIN, timed out, ...) are final and are returned.
 */
final class DarajaClient implements PaymentProvider {

	/** PaymentResult source of a status query (the attempt's event kind). */
	public const SOURCE_QUERY = 'query';

	/** Seconds to wait for the STK push; M-Pesa answers in a few seconds when healthy. */
	private const PUSH_TIMEOUT = 30;

	private const QUERY_TIMEOUT = 20;

	/** ResultCodes a query may give while the prompt is still open (besides the 500.001.1001 error). */
	private const STILL_PENDING = array( '4999' );

	/**
	 * @param DarajaConnection $api    Authorised calls.
	 * @param \Closure         $clock  Returns the current Unix time (injectable for tests).
	 * @param Logger|null      $logger Redacting logger.
	 */
	public function __construct( private DarajaConnection $api, private \Closure $clock, private ?Logger $logger = null ) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function start_stk_push( StkPushRequest $request ): StkPushAccepted {
		$config = $this->api->config();
		if ( ! $config->can_take_payments() ) {
			throw new ProviderException( ProviderException::REJECTED, 'The Daraja settings are incomplete: ' . implode( ', ', $config->payment_problems() ) . '.' );
		}
		$response = $this->api->post( '/mpesa/stkpush/v1/processrequest', StkPushBody::build( $config, $request, ( $this->clock )() ), self::PUSH_TIMEOUT );
		$data     = DarajaAnswer::accepted( $response, 'the payment request' );
		$merchant = $data['MerchantRequestID'] ?? null;
		$checkout = $data['CheckoutRequestID'] ?? null;
		if ( ! DarajaAnswer::is_id( $merchant ) || ! DarajaAnswer::is_id( $checkout ) ) {
			throw new ProviderException( ProviderException::INVALID_RESPONSE, 'Daraja accepted the request but sent no request ids.' );
		}
		return new StkPushAccepted( $merchant, $checkout, DarajaAnswer::text( $data, 'ResponseDescription' ) );
	}

	/**
	 * {@inheritDoc}
	 */
	public function query_result( Attempt $attempt ): ?PaymentResult {
		if ( '' === $attempt->checkout_request_id ) {
			// Daraja never acknowledged the push: there is nothing to ask about.
			return null;
		}
		$config   = $this->api->config();
		$response = $this->api->post(
			'/mpesa/stkpushquery/v1/query',
			array_merge(
				array( 'BusinessShortCode' => (int) $config->shortcode ),
				LipaPassword::fields( $config->shortcode, $config->passkey, ( $this->clock )() ),
				array( 'CheckoutRequestID' => $attempt->checkout_request_id )
			),
			self::QUERY_TIMEOUT
		);
		if ( DarajaErrors::is_being_processed( $response ) ) {
			return null;
		}
		$data = DarajaAnswer::accepted( $response, 'the status query' );
		$code = self::result_code( $data['ResultCode'] ?? null );
		if ( isset( $data['CheckoutRequestID'] ) && ( ! is_string( $data['CheckoutRequestID'] ) || ! hash_equals( $attempt->checkout_request_id, $data['CheckoutRequestID'] ) ) ) {
			throw new ProviderException( ProviderException::INVALID_RESPONSE, 'Daraja answered the status query about another payment request.' );
		}
		if ( in_array( $code, self::STILL_PENDING, true ) ) {
			return null;
		}
		if ( '0' === $code ) {
			$this->logger?->warning( 'Safaricom reports the payment completed, but a status query carries no M-Pesa receipt: the order waits for the payment callback.', array( 'checkout_request_id' => $attempt->checkout_request_id ) );
			return null;
		}
		return new PaymentResult( self::SOURCE_QUERY, $code, DarajaAnswer::text( $data, 'ResultDesc' ), $attempt->checkout_request_id, DarajaAnswer::is_id( $data['MerchantRequestID'] ?? null ) ? $data['MerchantRequestID'] : '' );
	}

	/**
	 * {@inheritDoc} Daraja's Reversal API (see RefundService and ReversalClient).
	 */
	public function supports_refunds(): bool {
		return true;
	}

	/**
	 * {@inheritDoc} Daraja offers no transaction list to an STK app; reconciliation uses the STK query.
	 */
	public function transaction_report(): ?ProxyApiReport {
		return null;
	}

	/**
	 * @param mixed $value ResultCode as sent: a string in queries ("1032"), a number in callbacks.
	 * @return string The code.
	 * @throws ProviderException When there is none.
	 */
	private static function result_code( mixed $value ): string {
		if ( is_int( $value ) || ( is_string( $value ) && 1 === preg_match( '/^[A-Za-z0-9_.-]{1,20}$/D', $value ) ) ) {
			return (string) $value;
		}
		throw new ProviderException( ProviderException::INVALID_RESPONSE, 'Daraja answered the status query without a ResultCode.' );
	}
}
