<?php
/**
 * Raised when a callback may not be acted on: wrong source, unknown, expired or spent token.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Callback;

/**
 * Its message is for the log only (never the answer, which says "Forbidden." whatever the reason) and never
 * holds the token or any other secret.
 */
final class CallbackRefused extends \RuntimeException {
}
