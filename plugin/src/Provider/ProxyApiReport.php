<?php
/**
 * ProxyAPI's list of recent PVP transactions: POST /pvp/report.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Provider;

/**
 * Used by reconciliation (is a payment without a callback really paid?) and by the admin report's
 * cross-check. PVP has no per-payment status endpoint, so this list is the only way to ask.
 */
final class ProxyApiReport {

	private const TIMEOUT = 20;

	/**
	 * @param HttpClient $http     Transport.
	 * @param string     $base_url E.g. https://api.proxyapi.co.ke.
	 * @param string     $api_key  The merchant's key (never logged).
	 */
	public function __construct( private HttpClient $http, private string $base_url, private string $api_key ) {
	}

	/**
	 * @param int $user_id WordPress user asking (ProxyAPI's UserID field; 0 for scheduled jobs).
	 * @return ReportRow[]
	 * @throws ProviderException When the report cannot be had.
	 */
	public function rows( int $user_id = 0 ): array {
		if ( 1 !== preg_match( '/^\d{10}-\w{20}$/D', $this->api_key ) ) {
			throw new ProviderException( ProviderException::REJECTED, 'The ProxyAPI key is missing or not in the format ProxyAPI issues.' );
		}
		$response = $this->http->post_json(
			$this->base_url . '/pvp/report',
			array(
				'APIKey' => $this->api_key,
				'UserID' => $user_id,
			),
			self::TIMEOUT
		);
		$data = json_decode( $response->body, true, 8 );
		if ( ! is_array( $data ) || ! array_key_exists( 'ResponseCode', $data ) ) {
			throw new ProviderException( ProviderException::INVALID_RESPONSE, sprintf( 'ProxyAPI sent a report that could not be read (HTTP %d).', $response->status ) );
		}
		if ( ! is_numeric( $data['ResponseCode'] ) || 0 !== (int) $data['ResponseCode'] ) {
			$reason = is_string( $data['ResponseDesc'] ?? null ) ? mb_substr( $data['ResponseDesc'], 0, 300 ) : 'ProxyAPI refused the report request.';
			throw new ProviderException( ProviderException::REJECTED, $reason );
		}
		$rows = array();
		foreach ( is_array( $data['Data'] ?? null ) ? $data['Data'] : array() as $row ) {
			$parsed = is_array( $row ) ? ReportRow::from_array( $row ) : null;
			if ( null !== $parsed ) {
				$rows[] = $parsed;
			}
		}
		return $rows;
	}

	/**
	 * @param string $checkout_request_id The attempt's CheckoutRequestID.
	 * @return ReportRow|null Its row, if ProxyAPI lists it.
	 * @throws ProviderException When the report cannot be had.
	 */
	public function find( string $checkout_request_id ): ?ReportRow {
		foreach ( $this->rows() as $row ) {
			if ( hash_equals( $row->checkout_request_id, $checkout_request_id ) ) {
				return $row;
			}
		}
		return null;
	}
}
