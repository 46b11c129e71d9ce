<?php
/**
 * ProxyAPI's Pay via ProxyAPI (PVP) API: POST /pvp/lnm, and /pvp/report for reconciliation.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Provider;

use PayViaProxyApi\Logging\Redactor;
use PayViaProxyApi\Payment\Attempt;
use PayViaProxyApi\Payment\PaymentResult;

/**
 * Maps StkPushRequest to PVP's wire format and PVP's answer to StkPushAccepted or a ProviderException.
 */
final class ProxyApiClient implements PaymentProvider {

	/** Seconds to wait for /pvp/lnm; M-Pesa answers in a few seconds when healthy (filter: pvp_provider_timeout). */
	public const TIMEOUT = 30;

	/** The shape of the keys ProxyAPI issues: ten digits, a hyphen, twenty word characters. */
	public const KEY_PATTERN = '/^\d{10}-\w{20}$/D';

	/**
	 * @param HttpClient $http     Transport.
	 * @param string     $base_url E.g. https://api.proxyapi.co.ke.
	 * @param string     $api_key  The merchant's key (never logged).
	 * @param \Closure   $clock    Returns the current Unix time (injectable for tests).
	 */
	public function __construct(
		private HttpClient $http,
		private string $base_url,
		private string $api_key,
		private \Closure $clock
	) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function start_stk_push( StkPushRequest $request ): StkPushAccepted {
		if ( 1 !== preg_match( self::KEY_PATTERN, $this->api_key ) ) {
			throw new ProviderException( ProviderException::REJECTED, 'The ProxyAPI key is missing or not in the format ProxyAPI issues.' );
		}
		$response = $this->http->post_json(
			$this->base_url . '/pvp/lnm',
			array(
				'RequestID'        => $request->request_id,
				'ApiKey'           => $this->api_key,
				'CallbackUrl'      => $request->callback_url,
				'RequestTimestamp' => ( $this->clock )(),
				'Amount'           => $request->amount,
				'SenderMSISDN'     => $request->phone,
				'AccountReference' => $request->account_reference,
				'Origin'           => $request->origin,
			),
			self::TIMEOUT
		);
		return $this->read_answer( $response );
	}

	/**
	 * PVP has no per-payment status endpoint, so the transaction report is searched by CheckoutRequestID.
	 * The report cannot tell a failed prompt from one still open, so only a paid row is a final result.
	 *
	 * {@inheritDoc}
	 */
	public function query_result( Attempt $attempt ): ?PaymentResult {
		if ( '' === $attempt->checkout_request_id ) {
			// Never accepted (or the answer was lost): the report has nothing to match it by.
			return null;
		}
		// The report is the same API with the same transport and key, so it is built here rather than injected.
		$row = ( new ProxyApiReport( $this->http, $this->base_url, $this->api_key ) )->find( $attempt->checkout_request_id );
		if ( null === $row || ! $row->is_paid() ) {
			return null;
		}
		return new PaymentResult(
			PaymentResult::SOURCE_REPORT,
			'0',
			'Payment found in the ProxyAPI transaction report.',
			$row->checkout_request_id,
			'',
			'',
			$row->receipt,
			// As listed: a paid row always has an amount, and the settlement rules check it against the request.
			$row->amount,
			$row->transaction_time,
			$row->phone,
			$row->first_name,
			$row->last_name,
			null,
			array_filter(
				array(
					'MpesaTransactionID' => $row->receipt,
					'Amount'             => $row->amount,
					'AccountRef'         => $row->account_reference,
					'TransactionTime'    => $row->transaction_time,
				),
				static fn ( $value ): bool => '' !== $value
			)
		);
	}

	/**
	 * {@inheritDoc} ProxyAPI's PVP API has no reversal: the store pays the shopper back itself.
	 */
	public function supports_refunds(): bool {
		return false;
	}

	/**
	 * {@inheritDoc}
	 *
	 * @return ProxyApiReport ProxyAPI always keeps one.
	 */
	public function transaction_report(): ProxyApiReport {
		return new ProxyApiReport( $this->http, $this->base_url, $this->api_key );
	}

	/**
	 * PVP's HTTP status is not documented, so the body decides, as ProxyAPI's own client did.
	 *
	 * @param HttpResponse $response Raw answer.
	 * @return StkPushAccepted
	 * @throws ProviderException When refused or unreadable.
	 */
	private function read_answer( HttpResponse $response ): StkPushAccepted {
		$data = json_decode( $response->body, true, 8 );
		if ( ! is_array( $data ) || ! array_key_exists( 'ResponseCode', $data ) ) {
			throw new ProviderException( ProviderException::INVALID_RESPONSE, sprintf( 'ProxyAPI sent an answer that could not be read (HTTP %d).', $response->status ) );
		}
		$description = $this->description( $data );
		if ( ! is_numeric( $data['ResponseCode'] ) || 0 !== (int) $data['ResponseCode'] ) {
			throw new ProviderException( ProviderException::REJECTED, '' !== $description ? $description : 'ProxyAPI refused the payment request.' );
		}
		$merchant = $data['MerchantRequestID'] ?? null;
		$checkout = $data['CheckoutRequestID'] ?? null;
		if ( ! is_string( $merchant ) || '' === $merchant || ! is_string( $checkout ) || '' === $checkout ) {
			throw new ProviderException( ProviderException::INVALID_RESPONSE, 'ProxyAPI accepted the request but sent no request ids.' );
		}
		return new StkPushAccepted( $merchant, $checkout, $description );
	}

	/**
	 * ProxyAPI has used three names for its message over time. The message ends up in an order note, the log
	 * and a hook argument, so it is scrubbed: a provider that quotes the key or the phone back must not leak
	 * them through us.
	 *
	 * @param array<mixed> $data Decoded answer.
	 * @return string The message, or ''.
	 */
	private function description( array $data ): string {
		foreach ( array( 'ResponseDesc', 'ResponseDescription', 'StatusDescription' ) as $key ) {
			if ( isset( $data[ $key ] ) && is_string( $data[ $key ] ) ) {
				$text = '' !== $this->api_key ? str_replace( $this->api_key, '[api key]', $data[ $key ] ) : $data[ $key ];
				return Redactor::text( mb_substr( $text, 0, 300 ) );
			}
		}
		return '';
	}
}
