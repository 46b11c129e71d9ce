<?php
/**
 * Counts the shopper's status requests per order and client address, in transients.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Rest;

use PayViaProxyApi\Security\CidrList;
use PayViaProxyApi\Security\ClientAddress;
use PayViaProxyApi\Security\StatusPollLimit;
use PayViaProxyApi\Settings\Settings;

/**
 * Thin adapter over StatusPollLimit. Transients live in the object cache when the site has one, else in the
 * options table. Two requests at the same instant may both read the same count; at this limit that only
 * lets a few more through, so no lock is taken on the hot polling path.
 */
final class StatusPollCounter {

	/**
	 * @param StatusPollLimit $limit    The rule.
	 * @param Settings        $settings The trusted proxy header and proxies (as for callbacks).
	 * @param \Closure        $clock    Returns Unix time.
	 * @phpstan-param \Closure(): int $clock
	 */
	public function __construct( private StatusPollLimit $limit, private Settings $settings, private \Closure $clock ) {
	}

	/**
	 * Counts this request.
	 *
	 * @param \WC_Order        $order   The order whose status is read (its key already checked).
	 * @param \WP_REST_Request $request The request.
	 * @phpstan-param \WP_REST_Request<array<string, mixed>> $request
	 * @return \WP_REST_Response|null Null to answer it; a 429 answer when the client asked too often.
	 */
	public function refusal( \WC_Order $order, \WP_REST_Request $request ): ?\WP_REST_Response {
		$key   = StatusPollLimit::key( $order->get_id(), $this->client( $request ) );
		$count = $this->limit->count( get_transient( $key ), ( $this->clock )() );
		if ( $count->allowed ) {
			set_transient( $key, $count->bucket, $count->ends_in );
			return null;
		}
		$response = rest_convert_error_to_response(
			new \WP_Error(
				'pvp_too_many_requests',
				sprintf(
					/* translators: %d: seconds */
					_n( 'Too many status checks for this order. The page will check again in %d second.', 'Too many status checks for this order. The page will check again in %d seconds.', $count->ends_in, 'pay-via-proxyapi' ),
					$count->ends_in
				),
				array(
					'status'       => 429,
					'available_in' => $count->ends_in,
				)
			)
		);
		$response->header( 'Retry-After', (string) $count->ends_in );
		$response->header( 'Cache-Control', 'no-store, private' );
		return $response;
	}

	/**
	 * @param \WP_REST_Request $request The request.
	 * @phpstan-param \WP_REST_Request<array<string, mixed>> $request
	 * @return string The client's address as the callback allow-list reads it (the peer, or the trusted proxy
	 *                header), or the raw peer when the header chain is unreadable.
	 */
	private function client( \WP_REST_Request $request ): string {
		$client = new ClientAddress( $this->settings->trusted_proxy_header(), new CidrList( ClientAddress::PRIVATE_NETWORKS . ' ' . $this->settings->trusted_proxies() ) );
		$peer   = isset( $_SERVER['REMOTE_ADDR'] ) ? sanitize_text_field( wp_unslash( (string) $_SERVER['REMOTE_ADDR'] ) ) : '';
		return $client->resolve( $peer, '' !== $client->header() ? $request->get_header( $client->header() ) : null ) ?? $peer;
	}
}
