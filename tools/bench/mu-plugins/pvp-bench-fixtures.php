<?php
/**
 * Plugin Name: Pay via ProxyAPI bench fixtures (BENCH STORES ONLY)
 * Description: Admin-only routes the benchmark harness uses to prepare orders with live payment attempts and
 * to switch the order storage. Copied into the bench store only (tools/bench); never ship it.
 *
 * @package PayViaProxyApi\Bench
 */

declare( strict_types=1 );

defined( 'ABSPATH' ) || exit;

/** The simulator accepts this number and never calls back, so the harness delivers every callback itself. */
const PVP_BENCH_SILENT_PHONE = '0700009000';

/**
 * A pending order for the store's physical test product (so a paid order goes to "processing", as in a shop).
 *
 * @param string $email Billing e-mail, unique per order so the harness can count the shopper's mails.
 * @return WC_Order
 */
function pvp_bench_new_order( string $email ): WC_Order {
	$order = wc_create_order();
	$order->add_product( wc_get_product( wc_get_product_id_by_sku( 'ACC-TEST-100' ) ), 1 );
	$order->set_currency( 'KES' );
	$order->set_billing_first_name( 'Bench' );
	$order->set_billing_email( $email );
	$order->set_billing_phone( '+254700009000' );
	$order->set_payment_method( 'proxyapi_pvp_settings' );
	$order->calculate_totals( false );
	$order->save();
	return $order;
}

/**
 * Starts a real payment through the gateway's process_payment() (PaymentService::start(), the simulator's
 * STK push), exactly as a checkout does after the order is created.
 *
 * @param WC_Order $order Pending order.
 * @return true|WP_Error
 */
function pvp_bench_start_payment( WC_Order $order ) {
	$gateways = WC()->payment_gateways()->payment_gateways();
	if ( ! isset( $gateways['proxyapi_pvp_settings'] ) ) {
		return new WP_Error( 'pvp_bench_no_gateway', 'The M-Pesa gateway is not registered.', array( 'status' => 409 ) );
	}
	// The gateway reads the number the way checkout posts it.
	$_POST['pvp_phone'] = PVP_BENCH_SILENT_PHONE;
	$result             = $gateways['proxyapi_pvp_settings']->process_payment( $order->get_id() );
	unset( $_POST['pvp_phone'] );
	if ( 'success' !== ( $result['result'] ?? '' ) ) {
		return new WP_Error( 'pvp_bench_payment_not_started', 'process_payment() did not start the payment.', array( 'status' => 500 ) );
	}
	return true;
}

/**
 * Pay via ProxyAPI 2.2.7's layout after its STK push: on hold, with its meta keys (the legacy plugin looks
 * orders up by checkout_request_id).
 *
 * @param WC_Order $order Pending order.
 * @return array<string, string> The ids its callbacks must carry.
 */
function pvp_bench_legacy_attempt( WC_Order $order ): array {
	$ids = array(
		'checkout_request_id' => 'ws_CO_BENCH' . $order->get_id() . '_' . wp_generate_password( 8, false ),
		'merchant_request_id' => 'bench-' . $order->get_id(),
	);
	$order->update_meta_data( 'request_id', wp_generate_password( 15, false ) );
	$order->update_meta_data( 'checkout_request_id', $ids['checkout_request_id'] );
	$order->set_status( 'on-hold', 'Order sent. Waiting for customer to confirm instant payment prompt from Safaricom.' );
	$order->save();
	return $ids;
}

/**
 * POST /pvp-bench/v1/orders: creates `count` orders; layout "attempt" starts a payment on each, "legacy"
 * gives them 2.2.7's layout, "plain" leaves them pending with no payment.
 *
 * @param WP_REST_Request $request Request.
 * @return array<int, array<string, mixed>>|WP_Error
 */
function pvp_bench_create_orders( WP_REST_Request $request ) {
	$created = array();
	for ( $i = 0; $i < (int) $request['count']; $i++ ) {
		$email = sprintf( 'bench-%s-%d-%d@example.com', $request['tag'], $i, wp_rand() );
		$order = pvp_bench_new_order( $email );
		$row   = array(
			'id'     => $order->get_id(),
			'number' => (string) $order->get_order_number(),
			'key'    => $order->get_order_key(),
			'email'  => $email,
		);
		if ( 'legacy' === $request['layout'] ) {
			$row += pvp_bench_legacy_attempt( $order );
		} elseif ( 'attempt' === $request['layout'] ) {
			$started = pvp_bench_start_payment( $order );
			if ( is_wp_error( $started ) ) {
				return $started;
			}
		}
		$created[] = $row;
	}
	return $created;
}

/**
 * POST /pvp-bench/v1/orders/{id}/complete?key=…: WooCommerce's own completion alone, payment_complete(), with
 * no checks of any gateway: the floor under every gateway's success callback. Unauthenticated like a
 * callback; the order key keeps anyone else out.
 *
 * @param WP_REST_Request $request Request.
 * @return array<string, bool>
 */
function pvp_bench_complete( WP_REST_Request $request ): array {
	$order = wc_get_order( (int) $request['id'] );
	return array( 'ok' => $order instanceof WC_Order && $order->payment_complete( 'BENCH' . $order->get_id() ) );
}

/**
 * @param WP_REST_Request $request Request.
 * @return bool Whether the key is the order's.
 */
function pvp_bench_order_key_matches( WP_REST_Request $request ): bool {
	$order = wc_get_order( (int) $request['id'] );
	return $order instanceof WC_Order && hash_equals( $order->get_order_key(), (string) $request['key'] );
}

/**
 * POST /pvp-bench/v1/hpos: makes the orders table (true) or the posts table (false) authoritative. Only the
 * 2.2.7 comparison needs posts: that plugin finds orders through a posts-only query filter.
 *
 * @param WP_REST_Request $request Request.
 * @return array<string, bool>
 */
function pvp_bench_switch_hpos( WP_REST_Request $request ): array {
	// Bench stores only: the bench's own throwaway orders need not be synchronised between the two tables.
	add_filter( 'wc_allow_changing_orders_storage_while_sync_is_pending', '__return_true' );
	update_option( 'woocommerce_custom_orders_table_enabled', $request['enabled'] ? 'yes' : 'no' );
	return array( 'enabled' => 'yes' === get_option( 'woocommerce_custom_orders_table_enabled' ) );
}

add_action(
	'rest_api_init',
	static function (): void {
		$admin_only = static fn (): bool => current_user_can( 'manage_woocommerce' );
		register_rest_route(
			'pvp-bench/v1',
			'/orders',
			array(
				'methods'             => 'POST',
				'permission_callback' => $admin_only,
				'callback'            => 'pvp_bench_create_orders',
				'args'                => array(
					'count'  => array(
						'type'     => 'integer',
						'required' => true,
						'minimum'  => 1,
						'maximum'  => 100,
					),
					'layout' => array(
						'type'    => 'string',
						'enum'    => array( 'attempt', 'legacy', 'plain' ),
						'default' => 'attempt',
					),
					'tag'    => array(
						'type'     => 'string',
						'required' => true,
						'pattern'  => '^[a-z0-9-]{1,24}$',
					),
				),
			)
		);
		register_rest_route(
			'pvp-bench/v1',
			'/orders/(?P<id>\\d+)/complete',
			array(
				'methods'             => 'POST',
				'permission_callback' => 'pvp_bench_order_key_matches',
				'callback'            => 'pvp_bench_complete',
				'args'                => array(
					'key' => array(
						'type'     => 'string',
						'required' => true,
					),
				),
			)
		);
		register_rest_route(
			'pvp-bench/v1',
			'/hpos',
			array(
				'methods'             => 'POST',
				'permission_callback' => $admin_only,
				'callback'            => 'pvp_bench_switch_hpos',
				'args'                => array(
					'enabled' => array(
						'type'     => 'boolean',
						'required' => true,
					),
				),
			)
		);
	}
);
