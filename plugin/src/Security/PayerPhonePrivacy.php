<?php
/**
 * Keeps the payer's full phone number off generic admin screens.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Security;

use PayViaProxyApi\Hookable;
use PayViaProxyApi\Order\OrderMeta;

/**
 * Pay via ProxyAPI 2.2.7 kept the payer's number in the public meta key sender_msisdn, which WordPress and
 * WooCommerce print in full in the order screen's "Custom Fields" box (and let anyone with the screen edit).
 * The key is kept for compatibility, but marked protected so generic screens leave it alone; the plugin's
 * own screens show it masked.
 */
final class PayerPhonePrivacy implements Hookable {

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_filter( 'is_protected_meta', array( $this, 'protect' ), 10, 2 );
	}

	/**
	 * @param bool   $protected Whether WordPress already considers the key protected.
	 * @param string $meta_key  Meta key.
	 * @return bool
	 */
	public function protect( $protected, $meta_key ): bool {
		return (bool) $protected || OrderMeta::SENDER_MSISDN === $meta_key;
	}
}
