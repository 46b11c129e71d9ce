<?php
/**
 * Where ProxyAPI posts the result of one attempt.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Payment;

/**
 * The REST route shape lives here, below both the payment service that hands the URL out and the callback
 * route that answers it, so neither imports the other.
 */
final class CallbackAddress {

	public const REST_NAMESPACE = 'pay-via-proxyapi/v1';

	/** Route pattern: /callbacks/{order_id}/{token}. */
	public const ROUTE = '/callbacks/(?P<order_id>\d+)/(?P<token>[a-f0-9]{64})';

	/**
	 * @param int    $order_id Order.
	 * @param string $token    The attempt's callback token.
	 * @return string Absolute URL.
	 */
	public function url( int $order_id, string $token ): string {
		return rest_url( sprintf( '%s/callbacks/%d/%s', self::REST_NAMESPACE, $order_id, $token ) );
	}
}
