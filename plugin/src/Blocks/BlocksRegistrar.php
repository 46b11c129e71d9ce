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
	}

	/**
	 * @param PaymentMethodRegistry $registry Blocks' payment method registry.
	 */
	public function register_payment_method( PaymentMethodRegistry $registry ): void {
		$registry->register( new PaymentMethodType( $this->gateways, $this->assets ) );
	}
}
