<?php
/**
 * Raised when an order's lock could not be had in time.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Order;

/**
 * The caller answers "try again" rather than guessing.
 */
final class OrderLocked extends \RuntimeException {
}
