<?php
/**
 * Plugin Name: Pay via ProxyAPI e2e 2.2.7 orders (TEST STORES ONLY)
 * Description: Lets the end-to-end suite create an order as Pay via ProxyAPI 2.2.7 left it after its prompt was
 * accepted (on hold, with its request_id and checkout_request_id meta), to prove the upgrade path. Copied into
 * the e2e store only (PVP_STORE_MU_PLUGINS); never ship it.
 *
 * @package PayViaProxyApi\Tests
 */

declare( strict_types=1 );

defined( 'ABSPATH' ) || exit;

add_action(
	'rest_api_init',
	static function (): void {
		register_rest_route(
			'pvp-e2e/v1',
			'/legacy-orders',
			array(
				'methods'             => 'POST',
				// Test stores only: the suite drives the store without logging in.
				'permission_callback' => '__return_true',
				'args'                => array(
					'request_id'          => array(
						'type'     => 'string',
						'required' => true,
					),
					'checkout_request_id' => array(
						'type'     => 'string',
						'required' => true,
					),
				),
				'callback'            => static function ( WP_REST_Request $request ): array {
					$order = wc_create_order( array( 'created_via' => 'checkout' ) );
					$order->add_product( wc_get_product( wc_get_product_id_by_sku( 'ACC-TEST-100' ) ), 1 );
					$order->set_currency( 'KES' );
					$order->set_billing_first_name( 'Wanjiku' );
					$order->set_billing_email( 'wanjiku@example.com' );
					$order->set_billing_phone( '0700000000' );
					$order->set_payment_method( 'proxyapi_pvp_settings' );
					$order->set_payment_method_title( 'Lipa na M-Pesa' );
					$order->calculate_totals();
					// Exactly what 2.2.7 stored (it wrote them with update_post_meta; the keys are the same).
					$order->update_meta_data( 'request_id', (string) $request['request_id'] );
					$order->update_meta_data( 'checkout_request_id', (string) $request['checkout_request_id'] );
					$order->set_status( 'on-hold', 'Order sent. Waiting for customer to confirm instant payment prompt from Safaricom.' );
					$order->save();
					return array(
						'id'    => $order->get_id(),
						'total' => $order->get_total(),
					);
				},
			)
		);
	}
);
