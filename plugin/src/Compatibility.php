<?php
/**
 * Declarations WooCommerce asks of every extension, and the notice shown when WooCommerce is absent.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi;

/**
 * Tells WooCommerce which of its features this plugin supports.
 */
final class Compatibility {

	/**
	 * Declares support for order tables (HPOS) and the Cart and Checkout blocks.
	 */
	public static function declare(): void {
		if ( ! class_exists( \Automattic\WooCommerce\Utilities\FeaturesUtil::class ) ) {
			return;
		}
		\Automattic\WooCommerce\Utilities\FeaturesUtil::declare_compatibility( 'custom_order_tables', PVP_PLUGIN_FILE, true );
		\Automattic\WooCommerce\Utilities\FeaturesUtil::declare_compatibility( 'cart_checkout_blocks', PVP_PLUGIN_FILE, true );
	}

	/**
	 * Explains, without a stack trace, why the gateway is not available.
	 */
	public static function woocommerce_missing_notice(): void {
		echo '<div class="notice notice-error"><p>' . esc_html__( 'Pay via ProxyAPI needs WooCommerce to be installed and active.', 'pay-via-proxyapi' ) . '</p></div>';
	}
}
