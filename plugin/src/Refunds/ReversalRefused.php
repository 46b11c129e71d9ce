<?php
/**
 * Raised when a reversal result does not belong to the reversal it claims.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Refunds;

/**
 * Nothing was changed; the message is safe to log.
 */
final class ReversalRefused extends \RuntimeException {
}
