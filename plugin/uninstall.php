<?php
/**
 * Runs when the plugin is deleted (Plugins › Delete): removes the plugin's settings and scheduled jobs.
 *
 * Never touches orders or their meta (receipts, attempts, payer details): they are the store's accounting
 * records and stay readable after the plugin is gone. The attempts index table is dropped, because it is
 * only a copy of the order meta that a reinstall rebuilds.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

/**
 * Removes this plugin's data from the current site.
 */
function pvp_uninstall_site(): void {
	global $wpdb;

	// Options: the gateway settings (name kept from 2.2.7), every pvp_* option and pvp_* transient.
	delete_option( 'woocommerce_proxyapi_pvp_settings_settings' );
	$like  = $wpdb->esc_like( 'pvp_' ) . '%';
	$names = $wpdb->get_col( // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- one-off cleanup.
		$wpdb->prepare(
			"SELECT option_name FROM {$wpdb->options} WHERE option_name LIKE %s OR option_name LIKE %s OR option_name LIKE %s",
			$like,
			$wpdb->esc_like( '_transient_pvp_' ) . '%',
			$wpdb->esc_like( '_transient_timeout_pvp_' ) . '%'
		)
	);
	foreach ( $names as $name ) {
		delete_option( $name );
	}

	// Scheduled jobs (reconciliation) in the plugin's Action Scheduler group.
	if ( function_exists( 'as_unschedule_all_actions' ) ) {
		as_unschedule_all_actions( '', array(), 'pay-via-proxyapi' );
	}

	// The attempts index (a copy of order meta for the report).
	$wpdb->query( "DROP TABLE IF EXISTS {$wpdb->prefix}pvp_attempts" ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- fixed name.

	// The callback inbox, unless it still holds a payment nobody has applied: that one must not be lost.
	$inbox = $wpdb->prefix . 'pvp_callback_inbox';
	if ( $inbox === $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $inbox ) ) ) // phpcs:ignore WordPress.DB.DirectDatabaseQuery -- one-off cleanup.
		&& '0' === (string) $wpdb->get_var( "SELECT COUNT(*) FROM {$inbox} WHERE settled_at = 0" ) ) { // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- fixed name.
		$wpdb->query( "DROP TABLE {$inbox}" ); // phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- fixed name.
	}
}

if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids' ) ) as $pvp_site_id ) {
		switch_to_blog( (int) $pvp_site_id );
		pvp_uninstall_site();
		restore_current_blog();
	}
} else {
	pvp_uninstall_site();
}

// Per-user notice dismissals (user meta is network-wide).
delete_metadata( 'user', 0, 'pvp_setup_notice_dismissed_at', '', true );
