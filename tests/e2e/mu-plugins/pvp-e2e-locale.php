<?php
/**
 * Plugin Name: Pay via ProxyAPI e2e locale switch (TEST STORES ONLY)
 * Description: A browser with the cookie pvp_e2e_locale=<locale> sees the site in that locale, so the
 * translations test can switch one shopper's (or admin's) language without touching the others. Copied into
 * the e2e store only (PVP_STORE_MU_PLUGINS); never ship it.
 *
 * @package PayViaProxyApi\Tests
 */

declare( strict_types=1 );

defined( 'ABSPATH' ) || exit;

$pvp_e2e_locale = isset( $_COOKIE['pvp_e2e_locale'] ) ? (string) $_COOKIE['pvp_e2e_locale'] : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput
if ( 1 === preg_match( '/^[a-z]{2,3}_[A-Z]{2}$/D', $pvp_e2e_locale ) ) {
	$pvp_e2e_switch = static fn (): string => $pvp_e2e_locale;
	add_filter( 'locale', $pvp_e2e_switch, 99 );
	add_filter( 'determine_locale', $pvp_e2e_switch, 99 );
}
unset( $pvp_e2e_locale, $pvp_e2e_switch );
