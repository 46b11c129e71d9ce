<?php
/**
 * Raised when a callback body is not one ProxyAPI or Daraja would send.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Callback;

/**
 * Its message is safe to log and to answer with: it never quotes the body.
 */
final class MalformedCallback extends \RuntimeException {
}
