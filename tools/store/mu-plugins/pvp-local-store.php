<?php
/**
 * Plugin Name: Pay via ProxyAPI local store (offline helpers)
 * Description: Test-store only. Keeps the local store offline and quiet: no WordPress.org update checks, and
 *              e-mail goes to a JSON-lines log instead of a (missing) sendmail.
 * Version: 1.0.0
 *
 * Installed by tools/store/store.sh into wp-content/mu-plugins/. Never ship this in the plugin.
 *
 * @package PayViaProxyAPI\LocalStore
 */

defined( 'ABSPATH' ) || exit;

/*
 * Update checks. wp-includes/update.php is loaded before must-use plugins, so its hooks are already in place
 * and can be removed here. Answering the update transients is not enough: wp_update_plugins() runs again
 * whenever the plugin list changes, and every cron run would log a failed connection to WordPress.org.
 */
remove_action( 'init', 'wp_schedule_update_checks' );
remove_action( 'wp_version_check', 'wp_version_check' );
remove_action( 'wp_update_plugins', 'wp_update_plugins' );
remove_action( 'wp_update_themes', 'wp_update_themes' );
foreach ( array( 'load-plugins.php', 'load-update.php', 'load-update-core.php', 'load-themes.php' ) as $pvp_store_hook ) {
	remove_action( $pvp_store_hook, 'wp_update_plugins' );
	remove_action( $pvp_store_hook, 'wp_update_themes' );
}
unset( $pvp_store_hook );
remove_action( 'admin_init', '_maybe_update_core' );
remove_action( 'admin_init', '_maybe_update_plugins' );
remove_action( 'admin_init', '_maybe_update_themes' );
remove_action( 'wp_maybe_auto_update', 'wp_maybe_auto_update' );
add_filter( 'automatic_updater_disabled', '__return_true' );

/*
 * Mail. There is no sendmail on the test machine, and order e-mails must neither fail nor leave it. Each mail
 * becomes one JSON line (time, to, subject, message) and wp_mail() reports success; tests read what a
 * shopper or the shop would have received.
 */
add_filter(
	'pre_wp_mail',
	static function ( $short_circuit, $atts ) {
		if ( null !== $short_circuit ) {
			return $short_circuit;
		}
		$log = defined( 'PVP_STORE_MAIL_LOG' ) ? PVP_STORE_MAIL_LOG : WP_CONTENT_DIR . '/mail.log.jsonl';
		$to  = isset( $atts['to'] ) ? $atts['to'] : array();
		$line = array(
			'time'    => gmdate( 'c' ),
			'to'      => is_array( $to ) ? array_values( $to ) : array_map( 'trim', explode( ',', (string) $to ) ),
			'subject' => isset( $atts['subject'] ) ? (string) $atts['subject'] : '',
			'message' => isset( $atts['message'] ) ? (string) $atts['message'] : '',
		);
		// phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_file_put_contents -- a local log file.
		file_put_contents( $log, wp_json_encode( $line, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE ) . "\n", FILE_APPEND | LOCK_EX );
		return true;
	},
	10,
	2
);
