<?php
/**
 * The one way provider code talks HTTP, so it can be tested without the network.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Provider;

/**
 * POSTs JSON and returns what came back.
 */
interface HttpClient {

	/**
	 * @param string               $url     Absolute URL.
	 * @param array<string, mixed> $body    Encoded as JSON.
	 * @param int                  $timeout Seconds.
	 * @return HttpResponse
	 * @throws ProviderException On transport failure (no HTTP answer at all).
	 */
	public function post_json( string $url, array $body, int $timeout ): HttpResponse;
}
