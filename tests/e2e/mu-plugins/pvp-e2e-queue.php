<?php
/**
 * Plugin Name: Pay via ProxyAPI e2e queue runner (TEST STORES ONLY)
 * Description: Lets the end-to-end suite run an order's pending reconciliation checks (Action Scheduler hook
 * pvp_reconcile_attempt) now, instead of waiting minutes for them to fall due. Copied into the e2e store only
 * (PVP_STORE_MU_PLUGINS); never ship it.
 *
 * @package PayViaProxyApi\Tests
 */

declare( strict_types=1 );

defined( 'ABSPATH' ) || exit;

/**
 * @param int $order_id Order.
 * @return int[] Ids of the order's pending reconciliation checks, oldest first.
 */
function pvp_e2e_pending_checks( int $order_id ): array {
	$actions = as_get_scheduled_actions(
		array(
			'hook'     => 'pvp_reconcile_attempt',
			'group'    => 'pay-via-proxyapi',
			'status'   => ActionScheduler_Store::STATUS_PENDING,
			'search'   => '"order_id":' . $order_id . ',',
			'orderby'  => 'date',
			'order'    => 'ASC',
			'per_page' => 20,
		)
	);
	$ids = array();
	foreach ( $actions as $id => $action ) {
		if ( $action instanceof ActionScheduler_Action && $order_id === ( $action->get_args()['order_id'] ?? null ) ) {
			$ids[] = (int) $id;
		}
	}
	return $ids;
}

add_action(
	'rest_api_init',
	static function (): void {
		register_rest_route(
			'pvp-e2e/v1',
			'/orders/(?P<id>\d+)/reconciliation-checks',
			array(
				array(
					'methods'             => 'GET',
					// Test stores only: the suite drives the store without logging in.
					'permission_callback' => '__return_true',
					'callback'            => static fn ( WP_REST_Request $request ): array => array( 'pending' => count( pvp_e2e_pending_checks( (int) $request['id'] ) ) ),
				),
				array(
					'methods'             => 'POST',
					'permission_callback' => '__return_true',
					// Runs the due-or-not checks through Action Scheduler's own runner, as its queue would;
					// with ?all=1 it keeps going while each check queues the next (at most 10).
					'callback'            => static function ( WP_REST_Request $request ): array {
						$order_id = (int) $request['id'];
						$ran      = 0;
						do {
							$pending = pvp_e2e_pending_checks( $order_id );
							if ( array() === $pending ) {
								break;
							}
							ActionScheduler::runner()->process_action( $pending[0], 'pvp-e2e' );
							++$ran;
						} while ( $request->get_param( 'all' ) && $ran < 10 );
						return array(
							'ran'     => $ran,
							'pending' => count( pvp_e2e_pending_checks( $order_id ) ),
						);
					},
				),
			)
		);
	}
);
