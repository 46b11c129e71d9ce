<?php
/**
 * Decides whether a callback may be acted on: where it comes from, and whether its URL token belongs to a
 * live payment attempt of that very order.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Callback;

use PayViaProxyApi\Order\OrderMeta;
use PayViaProxyApi\Payment\CallbackToken;
use PayViaProxyApi\Security\CidrList;
use PayViaProxyApi\Security\ClientAddress;
use PayViaProxyApi\Security\SourceAllowList;
use PayViaProxyApi\Settings\Settings;

/**
 * The token is the only proof a callback comes from the provider we sent the URL to; the optional source
 * allow-list is a second fence in front of it. Every refusal is a CallbackRefused whose message is for the
 * log; the caller answers the same "Forbidden." whatever the reason.
 */
final class CallbackAuthenticator {

	/**
	 * @param OrderMeta $meta     Order meta owner.
	 * @param Settings  $settings Allow-list and proxy settings.
	 */
	public function __construct( private OrderMeta $meta, private Settings $settings ) {
	}

	/**
	 * @param \WP_REST_Request $request The callback request (order id and token from the URL only).
	 * @return string RequestID of the attempt the token belongs to.
	 * @throws CallbackRefused When the callback must not be acted on.
	 */
	public function authenticate( \WP_REST_Request $request ): string {
		$this->check_source( $request );
		// URL parameters only: WordPress lets a JSON body override any parameter of the same name.
		$url = $request->get_url_params();
		return $this->attempt_for( (int) ( $url['order_id'] ?? 0 ), (string) ( $url['token'] ?? '' ) );
	}

	/**
	 * @param int    $order_id Order id from the URL.
	 * @param string $token    Token from the URL.
	 * @return string RequestID of the attempt the token belongs to.
	 * @throws CallbackRefused When no live attempt of the order has this token.
	 */
	public function attempt_for( int $order_id, string $token ): string {
		$order = $order_id > 0 ? wc_get_order( $order_id ) : false;
		if ( ! $order instanceof \WC_Order ) {
			throw new CallbackRefused( 'its token matches no payment attempt of the order.' );
		}
		foreach ( $this->meta->attempts( $order ) as $attempt ) {
			if ( ! CallbackToken::matches( $token, $attempt->token_hash ) ) {
				continue;
			}
			/**
			 * Filters how long (seconds) after an attempt starts its callback token is honoured.
			 *
			 * @since 3.0.0
			 * @param int $lifetime Default 7 days; never less than an hour.
			 */
			$lifetime = (int) apply_filters( 'pvp_callback_token_lifetime', TokenValidity::DEFAULT_LIFETIME );
			$refusal  = ( new TokenValidity( $lifetime ) )->refusal( $attempt, time() );
			if ( null !== $refusal ) {
				throw new CallbackRefused( 'its token is no longer valid: ' . $refusal . '.' );
			}
			return $attempt->request_id;
		}
		throw new CallbackRefused( 'its token matches no payment attempt of the order.' );
	}

	/**
	 * @param \WP_REST_Request $request The callback request.
	 * @throws CallbackRefused When an allow-list is set and the caller is not on it.
	 */
	private function check_source( \WP_REST_Request $request ): void {
		$client  = new ClientAddress( $this->settings->trusted_proxy_header(), new CidrList( ClientAddress::PRIVATE_NETWORKS . ' ' . $this->settings->trusted_proxies() ) );
		$allowed = new SourceAllowList( new CidrList( $this->settings->callback_allowed_ips() ), $client );
		if ( ! $allowed->is_active() ) {
			return;
		}
		$peer    = isset( $_SERVER['REMOTE_ADDR'] ) ? sanitize_text_field( wp_unslash( (string) $_SERVER['REMOTE_ADDR'] ) ) : '';
		$refusal = $allowed->refusal( $peer, '' !== $client->header() ? $request->get_header( $client->header() ) : null );
		if ( null !== $refusal ) {
			throw new CallbackRefused( $refusal . '.' );
		}
	}
}
