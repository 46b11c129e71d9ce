<?php
/**
 * Where M-Pesa posts the result of one reversal.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Refunds;

use PayViaProxyApi\Payment\CallbackAddress;

/**
 * The route shape lives here, below both the refund service that hands the URL out and the route that
 * answers it. The token is random per refund; only its hash is stored.
 */
final class ReversalAddress {

	/** Route pattern: /reversals/{order_id}/{refund_id}/{token}. */
	public const ROUTE = '/reversals/(?P<order_id>\d+)/(?P<refund_id>\d+)/(?P<token>[a-f0-9]{64})';

	/**
	 * @return string A new token: 64 hex characters from a CSPRNG.
	 */
	public function token(): string {
		return bin2hex( random_bytes( 32 ) );
	}

	/**
	 * @param int    $order_id  Order.
	 * @param int    $refund_id Refund.
	 * @param string $token     The refund's token.
	 * @return string Absolute URL.
	 */
	public function url( int $order_id, int $refund_id, string $token ): string {
		return rest_url( sprintf( '%s/reversals/%d/%d/%s', CallbackAddress::REST_NAMESPACE, $order_id, $refund_id, $token ) );
	}
}
