<?php
/**
 * Plugin Name: Pay via ProxyAPI e2e Daraja switch (TEST STORES ONLY)
 * Description: Lets the end-to-end suite switch the gateway between ProxyAPI and Daraja direct and set the
 * Daraja settings in one call, and counts the reversal hooks with the observer's counter. Copied into the
 * e2e store only (PVP_STORE_MU_PLUGINS); never ship it.
 *
 * @package PayViaProxyApi\Tests
 */

declare( strict_types=1 );

defined( 'ABSPATH' ) || exit;

const PVP_E2E_DARAJA_KEYS = array( 'provider', 'daraja_environment', 'daraja_consumer_key', 'daraja_consumer_secret', 'daraja_shortcode', 'daraja_passkey', 'daraja_till', 'daraja_initiator_name', 'daraja_initiator_password', 'daraja_certificate' );

foreach ( array( 'pvp_reversal_completed', 'pvp_reversal_failed' ) as $pvp_e2e_reversal_hook ) {
	add_action(
		$pvp_e2e_reversal_hook,
		static function ( $order_id ) use ( $pvp_e2e_reversal_hook ): void {
			// Defined by pvp-e2e-observer.php (loaded by then: hooks fire long after must-use plugins load).
			if ( function_exists( 'pvp_e2e_count_hook' ) ) {
				pvp_e2e_count_hook( $pvp_e2e_reversal_hook, (int) $order_id );
			}
		}
	);
}

add_action(
	'rest_api_init',
	static function (): void {
		register_rest_route(
			'pvp-e2e/v1',
			'/daraja',
			array(
				'methods'             => 'POST',
				// Test stores only: the suite drives the store without logging in.
				'permission_callback' => '__return_true',
				// Body: settings to merge (only the provider and daraja_* keys), or {"reset": true} for ProxyAPI
				// with no Daraja settings.
				'callback'            => static function ( WP_REST_Request $request ): array {
					$option   = 'woocommerce_proxyapi_pvp_settings_settings';
					$settings = get_option( $option, array() );
					$settings = is_array( $settings ) ? $settings : array();
					$body     = (array) $request->get_json_params();
					if ( ! empty( $body['reset'] ) ) {
						$settings = array_diff_key( $settings, array_flip( PVP_E2E_DARAJA_KEYS ) );
					}
					$settings = array_merge( $settings, array_intersect_key( $body, array_flip( PVP_E2E_DARAJA_KEYS ) ) );
					update_option( $option, $settings );
					return array( 'provider' => $settings['provider'] ?? 'proxyapi' );
				},
			)
		);
	}
);
