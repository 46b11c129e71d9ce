<?php
/**
 * The Pay via ProxyAPI 2.2.7 callback URL, /wc-api/wc_payment_gateway_proxyapi_pvp, kept for the upgrade.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Legacy;

use PayViaProxyApi\Callback\CallbackParser;
use PayViaProxyApi\Hookable;

/**
 * Payments 2.2.7 started before the upgrade were told to call back here. WooCommerce routes the URL to
 * the action `woocommerce_api_{name}` (lower-cased) and answers HTTP 200 with "-1" once a handler is
 * registered, whatever the handler did: exactly what 2.2.7's callers got. New payments never use this URL.
 */
final class LegacyCallbackRoute implements Hookable {

	/** The name 2.2.7 put in its callback URL, lower-cased as WooCommerce dispatches it. */
	public const API_NAME = 'wc_payment_gateway_proxyapi_pvp';

	/**
	 * @param LegacyCallbackProcessor $processor Does the work.
	 */
	public function __construct( private LegacyCallbackProcessor $processor ) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( 'woocommerce_api_' . self::API_NAME, array( $this, 'handle' ) );
	}

	/**
	 * Reads at most one byte more than the parser accepts, so an oversized body is refused, not loaded.
	 */
	public function handle(): void {
		$raw = file_get_contents( 'php://input', false, null, 0, CallbackParser::MAX_BYTES + 1 );
		$this->processor->process( is_string( $raw ) ? $raw : '' );
	}
}
