<?php
/**
 * HttpClient over WordPress's HTTP API, with TLS verification always on.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Provider;

/**
 * Thin adapter around wp_remote_post().
 */
final class WpHttpClient implements HttpClient {

	/**
	 * {@inheritDoc}
	 */
	public function post_json( string $url, array $body, int $timeout ): HttpResponse {
		$response = wp_remote_post(
			$url,
			array(
				'timeout'     => $timeout,
				'redirection' => 0,
				// Never switched off: a payment request must reach the real provider.
				'sslverify'   => true,
				'headers'     => array(
					'Content-Type' => 'application/json',
					'Accept'       => 'application/json',
				),
				'body'        => (string) wp_json_encode( $body ),
			)
		);
		if ( is_wp_error( $response ) ) {
			$message = $response->get_error_message();
			$kind    = false !== stripos( $message, 'timed out' ) ? ProviderException::TIMEOUT : ProviderException::TRANSPORT;
			throw new ProviderException( $kind, 'Could not reach the payment provider.' );
		}
		return new HttpResponse( (int) wp_remote_retrieve_response_code( $response ), (string) wp_remote_retrieve_body( $response ) );
	}
}
