<?php
/**
 * An HTTP answer: status and raw body.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Provider;

/**
 * Plain value object.
 */
final class HttpResponse {

	/**
	 * @param int    $status HTTP status code.
	 * @param string $body   Raw body.
	 */
	public function __construct( public readonly int $status, public readonly string $body ) {
	}
}
