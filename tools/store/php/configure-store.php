<?php
/**
 * Configure the shop. Runs in a fresh process after WooCommerce was activated, so WooCommerce is fully
 * booted here (plugins_loaded and woocommerce_init have fired). Every part is idempotent: start runs it
 * on every bring-up.
 *
 * @package PayViaProxyAPI\LocalStore
 */

use Automattic\WooCommerce\Internal\Features\FeaturesController;

require __DIR__ . '/load-wordpress.php';

if ( ! function_exists( 'WC' ) || ! did_action( 'woocommerce_init' ) ) {
	pvp_store_fail( 'WooCommerce is not loaded; was it activated?' );
}
wp_set_current_user( 1 );

// Installer: a WooCommerce upgrade in the cache needs its installer/DB updates.
if ( get_option( 'woocommerce_version' ) !== WC()->version || get_option( 'woocommerce_db_version' ) !== WC()->version ) {
	WC_Install::install();
	pvp_store_say( 'WooCommerce installer run' );
}

// WooCommerce runs its "newly installed" routine (which turns HPOS on for a new shop) at the first
// wp-admin admin_init. A CLI-only install never gets there, so replay it to make the state deterministic.
if ( 'yes' === get_option( 'woocommerce_newly_installed' ) ) {
	do_action( 'woocommerce_newly_installed' );
	update_option( 'woocommerce_newly_installed', 'no' );
	add_option( 'woocommerce_initial_installed_version', WC()->version, '', false );
	pvp_store_say( 'newly-installed routine replayed' );
}

// Store options: a Kenyan shop in KES, onboarding skipped, open to logged-out shoppers.
$options = array(
	'woocommerce_default_country'                  => 'KE:KE30',
	'woocommerce_store_address'                    => 'Kenyatta Avenue 1',
	'woocommerce_store_address_2'                  => '',
	'woocommerce_store_city'                       => 'Nairobi',
	'woocommerce_store_postcode'                   => '00100',
	'woocommerce_currency'                         => 'KES',
	'woocommerce_currency_pos'                     => 'left_space',
	'woocommerce_price_thousand_sep'               => ',',
	'woocommerce_price_decimal_sep'                => '.',
	'woocommerce_price_num_decimals'               => '2',
	'woocommerce_allowed_countries'                => 'all',
	'woocommerce_ship_to_countries'                => '',
	'woocommerce_default_customer_address'         => 'base',
	'woocommerce_calc_taxes'                       => 'no',
	'woocommerce_enable_guest_checkout'            => 'yes',
	'woocommerce_weight_unit'                      => 'kg',
	'woocommerce_dimension_unit'                   => 'cm',
	'woocommerce_onboarding_profile'               => array(
		'skipped'   => true,
		'completed' => true,
	),
	'woocommerce_task_list_hidden'                 => 'yes',
	'woocommerce_task_list_complete'               => 'yes',
	'woocommerce_extended_task_list_hidden'        => 'yes',
	'woocommerce_task_list_welcome_modal_dismissed' => 'yes',
	'woocommerce_show_marketplace_suggestions'     => 'no',
	'woocommerce_allow_tracking'                   => 'no',
	'woocommerce_coming_soon'                      => 'no',
	'woocommerce_store_pages_only'                 => 'no',
	'woocommerce_demo_store'                       => 'no',
);
foreach ( $options as $name => $value ) {
	update_option( $name, $value );
}
// Without this the first admin page view goes to the setup wizard.
delete_transient( '_wc_activation_redirect' );
update_option( 'woocommerce_admin_notices', array() );

// Payments: Cash on delivery and Check payments on, direct bank transfer off.
$gateway_settings = array(
	'woocommerce_cod_settings'    => array(
		'enabled'            => 'yes',
		'enable_for_virtual' => 'yes',
	),
	'woocommerce_cheque_settings' => array( 'enabled' => 'yes' ),
	'woocommerce_bacs_settings'   => array( 'enabled' => 'no' ),
);
foreach ( $gateway_settings as $name => $values ) {
	$current = get_option( $name, array() );
	update_option( $name, array_merge( is_array( $current ) ? $current : array(), $values ) );
}

// Shipping: free shipping in a "Kenya" zone.
$kenya = null;
foreach ( WC_Shipping_Zones::get_zones() as $zone_data ) {
	if ( 'Kenya' === $zone_data['zone_name'] ) {
		$kenya = new WC_Shipping_Zone( $zone_data['id'] );
		break;
	}
}
if ( ! $kenya ) {
	$kenya = new WC_Shipping_Zone();
	$kenya->set_zone_name( 'Kenya' );
	$kenya->set_zone_order( 0 );
	$kenya->add_location( 'KE', 'country' );
	$kenya->save();
	pvp_store_say( 'shipping zone Kenya created' );
}
$has_free_shipping = false;
foreach ( $kenya->get_shipping_methods() as $method ) {
	$has_free_shipping = $has_free_shipping || 'free_shipping' === $method->id;
}
if ( ! $has_free_shipping ) {
	$kenya->add_shipping_method( 'free_shipping' );
}
// Zones written from PHP don't bump WooCommerce's cached method count; without this the cart says
// needs_shipping=false and the Checkout block shows no shipping address (the admin UI does the same).
WC_Cache_Helper::get_transient_version( 'shipping', true );
delete_transient( 'wc_shipping_method_count' );
delete_transient( 'wc_shipping_method_count_legacy' );

// Product: one simple physical product at 100 KES, looked up by SKU.
$product_id = wc_get_product_id_by_sku( 'ACC-TEST-100' );
$product    = $product_id ? wc_get_product( $product_id ) : new WC_Product_Simple();
$product->set_props(
	array(
		'name'               => 'Acceptance Test Product',
		'slug'               => 'acceptance-test-product',
		'sku'                => 'ACC-TEST-100',
		'regular_price'      => '100',
		'status'             => 'publish',
		'catalog_visibility' => 'visible',
		'manage_stock'       => false,
		'stock_status'       => 'instock',
		'virtual'            => false,
		'downloadable'       => false,
	)
);
if ( ! $product_id || $product->get_changes() ) {
	$product_id = $product->save();
	pvp_store_say( "product saved (id $product_id)" );
}

// Customer with a Kenyan billing address and an M-Pesa number.
$customer_user = get_user_by( 'login', 'customer' );
if ( ! $customer_user ) {
	$customer_id = wp_insert_user(
		array(
			'user_login' => 'customer',
			'user_pass'  => 'password',
			'user_email' => 'customer@example.com',
			'first_name' => 'Wanjiku',
			'last_name'  => 'Kamau',
			'role'       => 'customer',
		)
	);
	if ( is_wp_error( $customer_id ) ) {
		pvp_store_fail( 'customer: ' . $customer_id->get_error_message() );
	}
	pvp_store_say( 'customer created' );
} else {
	$customer_id = $customer_user->ID;
	if ( ! wp_check_password( 'password', $customer_user->user_pass, $customer_id ) ) {
		wp_set_password( 'password', $customer_id );
	}
}
$customer = new WC_Customer( $customer_id );
$customer->set_props(
	array(
		'billing_first_name' => 'Wanjiku',
		'billing_last_name'  => 'Kamau',
		'billing_country'    => 'KE',
		'billing_state'      => 'KE30',
		'billing_city'       => 'Nairobi',
		'billing_address_1'  => 'Moi Avenue 10',
		'billing_postcode'   => '00100',
		'billing_phone'      => '+254708374149',
		'billing_email'      => 'customer@example.com',
	)
);
if ( $customer->get_changes() ) {
	$customer->save();
}

// Cart and Checkout pages as blocks. create_pages() creates only the missing pages (with blocks on
// WooCommerce >= 8.3); pages that exist but lost their block get WooCommerce's own block content back.
WC_Install::create_pages();
$block_content = Closure::bind(
	static function ( $which ) {
		return 'cart' === $which ? WC_Install::get_cart_block_content() : WC_Install::get_checkout_block_content();
	},
	null,
	WC_Install::class
);
foreach ( array( 'cart', 'checkout' ) as $which ) {
	$page_id = wc_get_page_id( $which );
	$page    = $page_id > 0 ? get_post( $page_id ) : null;
	if ( ! $page ) {
		pvp_store_fail( "the $which page is missing after WC_Install::create_pages()" );
	}
	if ( false === strpos( $page->post_content, '<!-- wp:woocommerce/' . $which ) ) {
		wp_update_post(
			array(
				'ID'           => $page_id,
				'post_content' => $block_content( $which ),
				'post_status'  => 'publish',
			)
		);
		pvp_store_say( "$which page set to the $which block" );
	}
}

// HPOS on, compatibility sync off.
wc_get_container()->get( FeaturesController::class )->change_feature_enable( 'custom_order_tables', true );
update_option( 'woocommerce_custom_orders_table_data_sync_enabled', 'no' );

// Permalinks again (WooCommerce adds its own rules), with a soft flush.
global $wp_rewrite;
$wp_rewrite->set_permalink_structure( '/%postname%/' );
flush_rewrite_rules( false );

// Gateways instantiated before their options were written report a stale "enabled"; re-init last.
WC()->payment_gateways()->init();

pvp_store_say( 'store configured: product ' . $product_id . ', HPOS ' . ( 'yes' === get_option( 'woocommerce_custom_orders_table_enabled' ) ? 'on' : 'off' ) );
pvp_store_done();
