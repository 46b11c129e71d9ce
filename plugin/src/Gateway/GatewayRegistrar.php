<?php
/**
 * Adds the gateway to WooCommerce and saves its settings screen.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Gateway;

use PayViaProxyApi\Hookable;

/**
 * Builds the gateway only when WooCommerce asks for gateways, not on every request.
 */
final class GatewayRegistrar implements Hookable {

	private ?Gateway $gateway = null;

	/**
	 * @param \Closure $factory Returns a new Gateway.
	 */
	public function __construct( private \Closure $factory ) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_filter( 'woocommerce_payment_gateways', array( $this, 'add_gateway' ) );
		add_action( 'woocommerce_update_options_payment_gateways_' . Gateway::ID, array( $this, 'save_settings' ) );
	}

	/**
	 * @param array<int, mixed> $gateways Gateways so far.
	 * @return array<int, mixed>
	 */
	public function add_gateway( array $gateways ): array {
		$gateways[] = $this->gateway();
		return $gateways;
	}

	/**
	 * Saves the settings screen.
	 */
	public function save_settings(): void {
		$this->gateway()->process_admin_options();
	}

	/**
	 * @return Gateway The one instance for this request.
	 */
	public function gateway(): Gateway {
		if ( null === $this->gateway ) {
			$this->gateway = ( $this->factory )();
		}
		return $this->gateway;
	}
}
