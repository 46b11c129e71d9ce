<?php
/**
 * Plugin Name: Pay via ProxyAPI e2e upstream faults (TEST STORES ONLY)
 * Description: Lets the end-to-end suite shorten the plugin's ProxyAPI timeout (pvp_provider_timeout) and send
 * its ProxyAPI requests into a real connection or TLS failure on 127.0.0.1. Inert until a test switches it on.
 * Copied into the e2e store only (PVP_STORE_MU_PLUGINS); never ship it.
 *
 * @package PayViaProxyApi\Tests
 */

declare( strict_types=1 );

defined( 'ABSPATH' ) || exit;

const PVP_E2E_UPSTREAM_OPTION = 'pvp_e2e_upstream';

/**
 * @return array{timeout: int, divert: string} The switches the suite set ('' / 0 = off).
 */
function pvp_e2e_upstream(): array {
	$stored = get_option( PVP_E2E_UPSTREAM_OPTION, array() );
	$stored = is_array( $stored ) ? $stored : array();
	return array(
		'timeout' => (int) ( $stored['timeout'] ?? 0 ),
		'divert'  => (string) ( $stored['divert'] ?? '' ),
	);
}

// A timeout test must not wait the production 30 seconds.
add_filter(
	'pvp_provider_timeout',
	static function ( $timeout ) {
		$wanted = pvp_e2e_upstream()['timeout'];
		return $wanted > 0 ? $wanted : $timeout;
	}
);

// Real failures, not fakes: "refused" connects to a closed port, "tls" speaks TLS to the simulator's plain HTTP port.
add_filter(
	'pre_http_request',
	static function ( $preempt, $args, $url ) {
		static $diverting = false;
		$divert = pvp_e2e_upstream()['divert'];
		$base   = defined( 'PVP_API_BASE_URL' ) ? (string) PVP_API_BASE_URL : '';
		if ( false !== $preempt || $diverting || '' === $divert || '' === $base || ! str_starts_with( (string) $url, $base . '/pvp/' ) ) {
			return $preempt;
		}
		$target = 'tls' === $divert ? preg_replace( '#^http://#', 'https://', (string) $url ) : 'http://127.0.0.1:1/pvp/lnm';
		$diverting = true;
		$result    = wp_remote_request( $target, $args );
		$diverting = false;
		return $result;
	},
	10,
	3
);

add_action(
	'rest_api_init',
	static function (): void {
		register_rest_route(
			'pvp-e2e/v1',
			'/upstream',
			array(
				'methods'             => 'POST',
				// Test stores only: the suite steers the fault without logging in.
				'permission_callback' => '__return_true',
				'args'                => array(
					'timeout' => array(
						'type'    => 'integer',
						'minimum' => 0,
						'maximum' => 60,
						'default' => 0,
					),
					'divert'  => array(
						'type'    => 'string',
						'enum'    => array( '', 'refused', 'tls' ),
						'default' => '',
					),
				),
				'callback'            => static function ( WP_REST_Request $request ) {
					update_option(
						PVP_E2E_UPSTREAM_OPTION,
						array(
							'timeout' => (int) $request['timeout'],
							'divert'  => (string) $request['divert'],
						),
						true
					);
					return pvp_e2e_upstream();
				},
			)
		);
	}
);
