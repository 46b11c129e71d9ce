<?php
/**
 * A reason the shopper's payment could not start, worded for the shopper.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Payment;

/**
 * Its message is shown at checkout as is, so it never holds provider internals or secrets.
 */
final class PaymentError extends \RuntimeException {
}
