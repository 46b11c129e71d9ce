<?php
/**
 * Raised when a reversal result body is not one M-Pesa would send.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Refunds;

/**
 * Its message is safe to log: it never quotes the body.
 */
final class MalformedReversalResult extends \RuntimeException {
}
