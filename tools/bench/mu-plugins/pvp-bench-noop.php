<?php
/**
 * Plugin Name: Pay via ProxyAPI bench baselines (BENCH STORES ONLY)
 * Description: Two routes that do nothing, as baselines for callbacks of the same kind: a REST route and a
 * WooCommerce /wc-api/ action. Copied into the bench store only (tools/bench); never ship it.
 *
 * @package PayViaProxyApi\Bench
 */

declare( strict_types=1 );

defined( 'ABSPATH' ) || exit;

/*
 * GET/POST /wp-json/pvp-bench/v1/noop. Open to anyone on purpose: it reads nothing and changes nothing, and
 * a callback arrives without a login, so the baseline must too.
 */
add_action(
	'rest_api_init',
	static function (): void {
		register_rest_route(
			'pvp-bench/v1',
			'/noop',
			array(
				'methods'             => array( 'GET', 'POST' ),
				'permission_callback' => '__return_true',
				'callback'            => static fn (): array => array( 'ok' => true ),
			)
		);
	}
);

/*
 * /wc-api/pvp_bench_noop: WooCommerce answers 200 when something is hooked, then "-1", exactly as for the
 * /wc-api/ callback of Pay via ProxyAPI 2.2.7.
 */
add_action( 'woocommerce_api_pvp_bench_noop', '__return_null' );
