<?php
/**
 * Who may read M-Pesa payments: users who manage WooCommerce.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Admin;

/**
 * The permission_callback of every admin route. WordPress has already checked the REST nonce for cookie
 * logins by the time this runs (a request without it is treated as logged out).
 */
final class ManagerPermission {

	public const CAPABILITY = 'manage_woocommerce';

	/**
	 * @return true|\WP_Error 401 for visitors, 403 for logged-in users without the capability.
	 */
	public static function check(): bool|\WP_Error {
		if ( current_user_can( self::CAPABILITY ) ) {
			return true;
		}
		return new \WP_Error( 'pvp_rest_forbidden', __( 'Sorry, you are not allowed to see M-Pesa payments.', 'pay-via-proxyapi' ), array( 'status' => rest_authorization_required_code() ) );
	}
}
