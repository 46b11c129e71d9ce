<?php
/**
 * Raised when a result does not belong to the attempt it claims.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Payment;

/**
 * Nothing was changed; the message is safe to log.
 */
final class SettlementRefused extends \RuntimeException {
}
