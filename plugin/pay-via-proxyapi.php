<?php
/**
 * Plugin Name:       Pay via ProxyAPI for WooCommerce
 * Plugin URI:        https://proxyapi.co.ke/
 * Description:       Take Lipa na M-Pesa payments: the shopper gets an M-Pesa PIN prompt (STK push) through ProxyAPI's Pay via ProxyAPI service. Works with the Checkout block and the classic checkout.
 * Version:           3.0.0-dev
 * Requires at least: 6.5
 * Requires PHP:      8.1
 * Requires Plugins:  woocommerce
 * WC requires at least: 8.9
 * WC tested up to:   9.4
 * Author:            Pay via ProxyAPI developers
 * License:           GPL-2.0-or-later
 * License URI:       https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:       pay-via-proxyapi
 * Domain Path:       /languages
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

defined( 'ABSPATH' ) || exit;

const PVP_PLUGIN_VERSION = '3.0.0-dev';
const PVP_PLUGIN_FILE    = __FILE__;

require_once __DIR__ . '/src/autoload.php';

// After (re)activation the setup notice shows again until the gateway is configured.
register_activation_hook( __FILE__, array( PayViaProxyApi\Admin\SetupNotice::class, 'activated' ) );

// Compatibility must be declared before WooCommerce initialises, even if the rest of the plugin never boots.
add_action( 'before_woocommerce_init', array( PayViaProxyApi\Compatibility::class, 'declare' ) );

// Boot after every plugin is loaded so WooCommerce's classes can be checked for, not assumed.
add_action(
	'plugins_loaded',
	static function (): void {
		if ( ! class_exists( 'WooCommerce' ) || ! class_exists( 'WC_Payment_Gateway' ) ) {
			add_action( 'admin_notices', array( PayViaProxyApi\Compatibility::class, 'woocommerce_missing_notice' ) );
			return;
		}
		( new PayViaProxyApi\Plugin( new PayViaProxyApi\Context( PVP_PLUGIN_FILE, PVP_PLUGIN_VERSION ) ) )->register();
	}
);
