<?php
/**
 * The contract for every object that attaches itself to WordPress hooks.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi;

/**
 * Objects are built without side effects; register() is the only place they add actions and filters.
 */
interface Hookable {

	/**
	 * Attaches the object's callbacks to WordPress and WooCommerce hooks.
	 */
	public function register(): void;
}
