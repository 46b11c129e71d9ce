<?php
/**
 * Registers the M-Pesa payment method with the Checkout block.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Blocks;

use Automattic\WooCommerce\Blocks\Payments\PaymentMethodRegistry;
use PayViaProxyApi\Assets\ScriptAsset;
use PayViaProxyApi\Gateway\GatewayRegistrar;
use PayViaProxyApi\Hookable;

/**
 * Only touches Blocks classes once WooCommerce says Blocks has loaded.
 */
final class BlocksRegistrar implements Hookable {

	/** The Cart block's scripts: WooCommerce makes them depend on every payment method's script, for express buttons. */
	private const CART_SCRIPTS = array( 'wc-cart-block', 'wc-cart-block-frontend' );

	/**
	 * @param GatewayRegistrar $gateways The gateway.
	 * @param ScriptAsset      $assets   Script registration.
	 */
	public function __construct( private GatewayRegistrar $gateways, private ScriptAsset $assets ) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( 'woocommerce_blocks_payment_method_type_registration', array( $this, 'register_payment_method' ) );
		add_filter( 'woocommerce_blocks_register_script_dependencies', array( $this, 'keep_off_the_cart' ), 20, 2 );
	}

	/**
	 * M-Pesa is not an express method: the Cart block never shows it, so the cart page need not download it.
	 *
	 * @param string[] $dependencies The block script's dependencies.
	 * @param string   $handle       The block script.
	 * @return string[]
	 */
	public function keep_off_the_cart( $dependencies, $handle ) {
		if ( ! is_array( $dependencies ) || ! in_array( $handle, self::CART_SCRIPTS, true ) ) {
			return $dependencies;
		}
		return array_values( array_diff( $dependencies, array( ScriptAsset::handle( PaymentMethodType::SCRIPT_ENTRY ) ) ) );
	}

	/**
	 * @param PaymentMethodRegistry $registry Blocks' payment method registry.
	 */
	public function register_payment_method( PaymentMethodRegistry $registry ): void {
		$registry->register( new PaymentMethodType( $this->gateways, $this->assets ) );
	}
}
