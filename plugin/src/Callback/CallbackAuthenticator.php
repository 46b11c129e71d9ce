<?php
/**
 * Decides whether a callback URL's token belongs to a payment attempt of that order.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Callback;

use PayViaProxyApi\Order\OrderMeta;
use PayViaProxyApi\Payment\CallbackToken;

/**
 * The token is the only proof a callback comes from the provider we sent the URL to.
 */
final class CallbackAuthenticator {

	/**
	 * @param OrderMeta $meta Order meta owner.
	 */
	public function __construct( private OrderMeta $meta ) {
	}

	/**
	 * @param int    $order_id Order id from the URL.
	 * @param string $token    Token from the URL.
	 * @return string|null RequestID of the attempt the token belongs to, or null.
	 */
	public function attempt_for( int $order_id, string $token ): ?string {
		$order = wc_get_order( $order_id );
		if ( ! $order instanceof \WC_Order ) {
			return null;
		}
		foreach ( $this->meta->attempts( $order ) as $attempt ) {
			if ( CallbackToken::matches( $token, $attempt->token_hash ) ) {
				return $attempt->request_id;
			}
		}
		return null;
	}
}
