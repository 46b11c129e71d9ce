<?php
/**
 * DarajaTransport over WordPress's HTTP API, with TLS verification always on.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Provider\Daraja;

use PayViaProxyApi\Logging\Redactor;
use PayViaProxyApi\Provider\EnforcedTls;
use PayViaProxyApi\Provider\HttpResponse;
use PayViaProxyApi\Provider\ProviderException;

/**
 * Thin adapter around wp_remote_request(). Headers are passed through and never logged: they carry the
 * Basic credentials or the bearer token.
 */
final class WpDarajaTransport implements DarajaTransport {

	/**
	 * {@inheritDoc}
	 */
	public function send( string $method, string $url, array $headers, ?array $body, int $timeout ): HttpResponse {
		$args = array(
			'method'      => $method,
			'timeout'     => $timeout,
			'redirection' => 0,
			// Never switched off: payments and tokens must reach the real Safaricom. EnforcedTls keeps it on
			// against site filters that would switch it off after us.
			'sslverify'   => true,
			'headers'     => array_merge( array( 'Accept' => 'application/json' ), $headers ),
		);
		if ( null !== $body ) {
			$args['headers']['Content-Type'] = 'application/json';
			$args['body']                    = (string) wp_json_encode( $body );
		}
		$response = ( new EnforcedTls() )->around( static fn (): array|\WP_Error => wp_remote_request( $url, $args ) );
		if ( is_wp_error( $response ) ) {
			$error = $response->get_error_message();
			// A timeout may have reached M-Pesa (outcome unknown); a refused connection cannot have.
			$kind = false !== stripos( $error, 'timed out' ) ? ProviderException::TIMEOUT : ProviderException::TRANSPORT;
			throw new ProviderException( $kind, 'Could not reach Daraja (' . Redactor::text( mb_substr( $error, 0, 200 ) ) . ').' );
		}
		return new HttpResponse( (int) wp_remote_retrieve_response_code( $response ), (string) wp_remote_retrieve_body( $response ) );
	}
}
