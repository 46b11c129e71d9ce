<?php
/**
 * HttpClient over WordPress's HTTP API, with TLS verification always on.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Provider;

use PayViaProxyApi\Logging\Redactor;

/**
 * Thin adapter around wp_remote_post().
 */
final class WpHttpClient implements HttpClient {

	/** Bounds for pvp_provider_timeout: at least a second, and never longer than PHP-FPM would wait for us. */
	private const TIMEOUT_RANGE = array( 1, 60 );

	/**
	 * {@inheritDoc}
	 */
	public function post_json( string $url, array $body, int $timeout ): HttpResponse {
		/**
		 * Filters how long (seconds) to wait for ProxyAPI's answer. A request that times out may still have
		 * reached M-Pesa, so its attempt stays "started" for reconciliation.
		 *
		 * @since 3.0.0
		 * @param int    $timeout Seconds (default 30 for /pvp/lnm), kept between 1 and 60.
		 * @param string $url     The ProxyAPI URL being called.
		 */
		$timeout  = max( self::TIMEOUT_RANGE[0], min( self::TIMEOUT_RANGE[1], (int) apply_filters( 'pvp_provider_timeout', $timeout, $url ) ) );
		$args     = array(
			'timeout'     => $timeout,
			'redirection' => 0,
			// Never switched off: a payment request must reach the real provider. EnforcedTls keeps it on
			// against site filters that would switch it off after us.
			'sslverify'   => true,
			'headers'     => array(
				'Content-Type' => 'application/json',
				'Accept'       => 'application/json',
			),
			'body'        => (string) wp_json_encode( $body ),
		);
		$response = ( new EnforcedTls() )->around( static fn (): array|\WP_Error => wp_remote_post( $url, $args ) );
		if ( is_wp_error( $response ) ) {
			throw self::transport_failure( $response->get_error_message() );
		}
		return new HttpResponse( (int) wp_remote_retrieve_response_code( $response ), (string) wp_remote_retrieve_body( $response ) );
	}

	/**
	 * @param string $error The transport's message, e.g. "cURL error 28: Operation timed out after 2001 ms".
	 * @return ProviderException TIMEOUT when the request may have arrived, TRANSPORT when it cannot have.
	 */
	private static function transport_failure( string $error ): ProviderException {
		$kind = false !== stripos( $error, 'timed out' ) ? ProviderException::TIMEOUT : ProviderException::TRANSPORT;
		// The transport's words (connection refused, TLS failure, timeout) tell the admin what to fix; they
		// hold no credentials, and are scrubbed anyway because they reach notes and the log.
		return new ProviderException( $kind, 'Could not reach the payment provider (' . Redactor::text( mb_substr( $error, 0, 200 ) ) . ').' );
	}
}
