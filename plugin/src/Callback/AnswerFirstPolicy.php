<?php
/**
 * Whether this server can send a callback's answer before the work it starts.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Callback;

/**
 * A provider waiting on the store's answer gains nothing from waiting for WooCommerce to complete the order
 * and render its e-mails. PHP-FPM (fastcgi_finish_request) and LiteSpeed (litespeed_finish_request) can close
 * the connection and keep running; other servers (mod_php, the CLI) cannot, and settle before answering.
 */
final class AnswerFirstPolicy {

	/**
	 * @param string $sapi                PHP_SAPI.
	 * @param bool   $can_finish_request  Whether fastcgi_finish_request() or litespeed_finish_request() exists.
	 * @return bool Whether the answer can go out first.
	 */
	public static function possible( string $sapi, bool $can_finish_request ): bool {
		return $can_finish_request && 'cli' !== $sapi && 'phpdbg' !== $sapi;
	}
}
