<?php
/**
 * The one way Daraja code talks HTTP, so it can be tested without the network.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Provider\Daraja;

use PayViaProxyApi\Provider\HttpResponse;
use PayViaProxyApi\Provider\ProviderException;

/**
 * Daraja needs what the PVP HttpClient does not offer: a GET (OAuth) and an Authorization header.
 */
interface DarajaTransport {

	/**
	 * @param string                    $method  GET or POST.
	 * @param string                    $url     Absolute URL.
	 * @param array<string, string>     $headers Extra headers (Authorization); never logged.
	 * @param array<string, mixed>|null $body    JSON body for POST.
	 * @param int                       $timeout Seconds.
	 * @return HttpResponse
	 * @throws ProviderException On transport failure (no HTTP answer at all).
	 */
	public function send( string $method, string $url, array $headers, ?array $body, int $timeout ): HttpResponse;
}
