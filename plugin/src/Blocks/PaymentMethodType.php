<?php
/**
 * The Checkout block's server side of the M-Pesa payment method.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Blocks;

use Automattic\WooCommerce\Blocks\Payments\Integrations\AbstractPaymentMethodType;
use PayViaProxyApi\Assets\ScriptAsset;
use PayViaProxyApi\Gateway\Gateway;
use PayViaProxyApi\Gateway\GatewayRegistrar;

/**
 * Gives the block its script and public data only: no key, no URL with a secret ever reaches the browser.
 */
final class PaymentMethodType extends AbstractPaymentMethodType {

	/** The webpack entry of the Checkout block's payment method (assets-src/checkout-block). */
	public const SCRIPT_ENTRY = 'checkout-block';

	/**
	 * Same string as the gateway id and the JS payment method name.
	 *
	 * @var string
	 */
	protected $name = Gateway::ID;

	/**
	 * @param GatewayRegistrar $gateways The gateway.
	 * @param ScriptAsset      $assets   Script registration.
	 */
	public function __construct( private GatewayRegistrar $gateways, private ScriptAsset $assets ) {
	}

	/**
	 * Reads the gateway's settings option.
	 *
	 * @return void
	 */
	public function initialize() {
		$this->settings = get_option( 'woocommerce_' . Gateway::ID . '_settings', array() );
	}

	/**
	 * @return bool Whether the block should offer M-Pesa.
	 */
	public function is_active() {
		return $this->gateways->gateway()->is_available();
	}

	/**
	 * @return string[]
	 */
	public function get_payment_method_script_handles() {
		$handle = $this->assets->register( self::SCRIPT_ENTRY );
		if ( '' === $handle ) {
			return array();
		}
		if ( wp_style_is( $handle, 'registered' ) ) {
			// WooCommerce asks for these handles on every page (block scripts are registered at init, and the
			// mini-cart lists payment scripts), so enqueueing here put the style on every page; load it only
			// where the Checkout block renders.
			wp_enqueue_block_style( 'woocommerce/checkout', array( 'handle' => $handle ) );
		}
		return array( $handle );
	}

	/**
	 * @return array{title: string, description: string, supports: string[]}
	 */
	public function get_payment_method_data() {
		$gateway = $this->gateways->gateway();
		return array(
			'title'       => $gateway->get_title(),
			'description' => $gateway->get_description(),
			'supports'    => array_values( array_filter( $gateway->supports, array( $gateway, 'supports' ) ) ),
		);
	}
}
