<?php
/**
 * The door of the shopper's payment routes: an order id and its order key, or nothing.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Rest;

use PayViaProxyApi\Gateway\Gateway;

/**
 * The order key is the shopper's bearer secret (it is in the order-received URL WooCommerce gives them).
 * A wrong key, a missing order and an order paid some other way all get the same 404, so neither order ids
 * nor keys can be probed.
 */
final class ShopperOrderAccess {

	/**
	 * @return array<string, array<string, mixed>> The `args` schema both shopper routes share.
	 */
	public static function args(): array {
		return array(
			'order_id' => array(
				'type'     => 'integer',
				'minimum'  => 1,
				'required' => true,
			),
			'key'      => array(
				'description' => 'The order key from the order-received URL.',
				'type'        => 'string',
				'minLength'   => 1,
				'maxLength'   => 100,
				'required'    => true,
			),
		);
	}

	/**
	 * The register_rest_route() options of a shopper route: the order key check at the door, the shared args.
	 *
	 * @param string                              $methods    HTTP methods.
	 * @param callable                            $callback   Handler.
	 * @param array<string, array<string, mixed>> $extra_args More args besides order_id and key.
	 * @return array<string, mixed>
	 */
	public function endpoint( string $methods, callable $callback, array $extra_args = array() ): array {
		return array(
			'methods'             => $methods,
			'callback'            => $callback,
			'permission_callback' => array( $this, 'permit' ),
			'args'                => array_merge( self::args(), $extra_args ),
		);
	}

	/**
	 * permission_callback of the shopper routes.
	 *
	 * @param \WP_REST_Request $request Request with order_id and key.
	 * @phpstan-param \WP_REST_Request<array<string, mixed>> $request
	 * @return true|\WP_Error
	 */
	public function permit( \WP_REST_Request $request ): bool|\WP_Error {
		return null !== $this->order( $request ) ? true : self::not_found();
	}

	/**
	 * @param \WP_REST_Request $request Request with order_id and key.
	 * @phpstan-param \WP_REST_Request<array<string, mixed>> $request
	 * @return \WC_Order|null The order, read fresh, when the key is its own and it is paid with M-Pesa.
	 */
	public function order( \WP_REST_Request $request ): ?\WC_Order {
		$key   = $request->get_param( 'key' );
		$order = wc_get_order( (int) $request->get_param( 'order_id' ) );
		if ( ! $order instanceof \WC_Order || ! is_string( $key ) || '' === $order->get_order_key() ) {
			return null;
		}
		if ( ! hash_equals( $order->get_order_key(), $key ) || Gateway::ID !== $order->get_payment_method() ) {
			return null;
		}
		return $order;
	}

	/**
	 * @return \WP_Error The one answer for every order the caller may not see.
	 */
	public static function not_found(): \WP_Error {
		return new \WP_Error( 'pvp_order_not_found', __( 'No such order.', 'pay-via-proxyapi' ), array( 'status' => 404 ) );
	}
}
