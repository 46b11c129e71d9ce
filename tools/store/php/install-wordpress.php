<?php
/**
 * Install WordPress without WP-CLI (skipped when already installed), then make the site settings true:
 * admin password, timezone, pretty permalinks, the block theme.
 *
 * @package PayViaProxyAPI\LocalStore
 */

$pvp_store_installing = true;
require __DIR__ . '/load-wordpress.php';

if ( ! is_blog_installed() ) {
	$result = wp_install( 'Pay via ProxyAPI test store', 'admin', 'admin@example.com', true, '', 'password' );
	if ( empty( $result['user_id'] ) ) {
		pvp_store_fail( 'wp_install() did not create the admin user' );
	}
	pvp_store_say( 'WordPress installed' );
} else {
	pvp_store_say( 'WordPress already installed' );
}

// The documented logins must work even if someone changed them in wp-admin.
$admin = get_user_by( 'login', 'admin' );
if ( ! $admin ) {
	pvp_store_fail( 'user admin is missing' );
}
if ( ! wp_check_password( 'password', $admin->user_pass, $admin->ID ) ) {
	wp_set_password( 'password', $admin->ID );
}

update_option( 'timezone_string', 'Africa/Nairobi' );
update_option( 'blog_public', '1' );

// nginx sends every unknown path to index.php, so no .htaccess is needed.
global $wp_rewrite;
if ( '/%postname%/' !== get_option( 'permalink_structure' ) ) {
	$wp_rewrite->set_permalink_structure( '/%postname%/' );
}

if ( 'twentytwentyfour' !== get_option( 'stylesheet' ) ) {
	$theme = wp_get_theme( 'twentytwentyfour' );
	if ( ! $theme->exists() ) {
		pvp_store_fail( 'theme twentytwentyfour is not in wp-content/themes' );
	}
	switch_theme( 'twentytwentyfour' );
}

pvp_store_done();
