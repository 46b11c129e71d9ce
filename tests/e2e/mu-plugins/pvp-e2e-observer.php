<?php
/**
 * Plugin Name: Pay via ProxyAPI e2e observer (TEST STORES ONLY)
 * Description: Counts the plugin's action hooks per order and exposes an order's payment facts to the
 * end-to-end suite. Copied into the e2e store only (PVP_STORE_MU_PLUGINS); never ship it.
 *
 * @package PayViaProxyApi\Tests
 */

declare( strict_types=1 );

defined( 'ABSPATH' ) || exit;

const PVP_E2E_HOOKS_OPTION = 'pvp_e2e_hook_calls';

/**
 * @return string The plugin's callback inbox table, or '' before the plugin has created it (e.g. while only
 *                Pay via ProxyAPI 2.2.7 is active).
 */
function pvp_e2e_inbox_table(): string {
	global $wpdb;
	$table = $wpdb->prefix . 'pvp_callback_inbox';
	return $table === $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $table ) ) ) ? $table : ''; // phpcs:ignore
}

/**
 * Adds one to the count of $hook for $order_id. Uses an atomic UPDATE so concurrent callbacks are counted
 * exactly, which is the point of counting them.
 *
 * @param string $hook     Hook name.
 * @param int    $order_id Order id.
 */
function pvp_e2e_count_hook( string $hook, int $order_id ): void {
	global $wpdb;
	$table = $wpdb->prefix . 'pvp_e2e_hooks';
	$wpdb->query( $wpdb->prepare( "INSERT INTO {$table} (order_id, hook, calls) VALUES (%d, %s, 1) ON DUPLICATE KEY UPDATE calls = calls + 1", $order_id, $hook ) ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
}

add_action(
	'init',
	static function (): void {
		global $wpdb;
		if ( get_option( 'pvp_e2e_table' ) !== '1' ) {
			$wpdb->query( "CREATE TABLE IF NOT EXISTS {$wpdb->prefix}pvp_e2e_hooks (order_id BIGINT UNSIGNED NOT NULL, hook VARCHAR(100) NOT NULL, calls INT UNSIGNED NOT NULL, PRIMARY KEY (order_id, hook))" ); // phpcs:ignore
			update_option( 'pvp_e2e_table', '1' );
		}
	}
);

foreach ( array( 'proxyapi_pvp_payment_pending', 'proxyapi_pvp_payment_failed', 'proxyapi_pvp_payment_completed', 'pvp_on_payment_complete' ) as $pvp_e2e_hook ) {
	add_action(
		$pvp_e2e_hook,
		static function ( $order_id ) use ( $pvp_e2e_hook ): void {
			pvp_e2e_count_hook( $pvp_e2e_hook, (int) $order_id );
		}
	);
}

add_action(
	'rest_api_init',
	static function (): void {
		register_rest_route(
			'pvp-e2e/v1',
			'/inbox',
			array(
				'methods'             => 'GET',
				'permission_callback' => '__return_true',
				// How many accepted callbacks of the whole store still wait to be settled.
				'callback'            => static function (): array {
					global $wpdb;
					$table = pvp_e2e_inbox_table();
					return array( 'pending' => '' === $table ? 0 : (int) $wpdb->get_var( "SELECT COUNT(*) FROM {$table} WHERE settled_at = 0" ) ); // phpcs:ignore
				},
			)
		);
		register_rest_route(
			'pvp-e2e/v1',
			'/orders/(?P<id>\d+)',
			array(
				'methods'             => 'GET',
				// Test stores only: the suite reads orders without logging in.
				'permission_callback' => '__return_true',
				'callback'            => static function ( WP_REST_Request $request ) {
					global $wpdb;
					$order = wc_get_order( (int) $request['id'] );
					if ( ! $order ) {
						return new WP_Error( 'not_found', 'No such order', array( 'status' => 404 ) );
					}
					$hooks = $wpdb->get_results( $wpdb->prepare( "SELECT hook, calls FROM {$wpdb->prefix}pvp_e2e_hooks WHERE order_id = %d", $order->get_id() ), ARRAY_A ); // phpcs:ignore
					// Accepted callbacks in arrival order: settled or still waiting (answered first, settled after).
					$table = pvp_e2e_inbox_table();
					$inbox = '' === $table ? array() : $wpdb->get_results( $wpdb->prepare( "SELECT outcome, settled_at > 0 AS settled FROM {$table} WHERE order_id = %d ORDER BY id", $order->get_id() ), ARRAY_A ); // phpcs:ignore
					return array(
						'id'             => $order->get_id(),
						'status'         => $order->get_status(),
						'transaction_id' => $order->get_transaction_id(),
						'payment_method' => $order->get_payment_method(),
						'total'          => $order->get_total(),
						'notes'          => array_map( static fn ( $note ) => $note->content, wc_get_order_notes( array( 'order_id' => $order->get_id(), 'order' => 'ASC' ) ) ),
						'meta'           => array_column( array_map( static fn ( $m ) => array( $m->key, $m->value ), $order->get_meta_data() ), 1, 0 ),
						'hooks'          => (object) array_column( $hooks, 'calls', 'hook' ),
						'inbox'          => array_map( static fn ( array $row ): array => array( 'outcome' => $row['outcome'], 'settled' => '1' === (string) $row['settled'] ), is_array( $inbox ) ? $inbox : array() ),
					);
				},
			)
		);
	}
);
