<?php
/**
 * Hands an admin screen's script its starting data, and the settings every admin screen formats with.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Admin;

use PayViaProxyApi\Assets\ScriptAsset;

/**
 * Data is inlined as JSON with every HTML-significant character escaped (JSON_HEX_*), so a payer name
 * such as "</script><script>…" stays a string inside the script and never closes it.
 */
final class ScreenData {

	private const JSON_FLAGS = JSON_HEX_TAG | JSON_HEX_AMP | JSON_HEX_APOS | JSON_HEX_QUOT | JSON_UNESCAPED_SLASHES;

	/**
	 * @param ScriptAsset $assets Script registration.
	 */
	public function __construct( private ScriptAsset $assets ) {
	}

	/**
	 * Enqueues a screen's script and style with its data as window[$variable].
	 *
	 * @param string               $entry    Webpack entry, e.g. admin-report.
	 * @param string               $variable Global the entry reads, e.g. pvpReportData.
	 * @param array<string, mixed> $data     The screen's data.
	 * @return bool Whether the script exists (false when the build is missing).
	 */
	public function enqueue( string $entry, string $variable, array $data ): bool {
		$handle = $this->assets->register( $entry );
		if ( '' === $handle ) {
			return false;
		}
		$json = wp_json_encode( array_merge( self::formatting(), $data ), self::JSON_FLAGS );
		wp_add_inline_script( $handle, 'window.' . $variable . ' = ' . ( false === $json ? '{}' : $json ) . ';', 'before' );
		wp_enqueue_script( $handle );
		// The screens are built from @wordpress/components, whose styles WordPress ships as wp-components.
		wp_enqueue_style( 'wp-components' );
		if ( wp_style_is( $handle, 'registered' ) ) {
			wp_enqueue_style( $handle );
		}
		return true;
	}

	/**
	 * @return array{timeZone: string, locale: string, orderEditUrl: string} How dates and order links are shown.
	 */
	private static function formatting(): array {
		return array(
			// An IANA name (Africa/Nairobi) or a fixed offset (+03:00), as the site is set up.
			'timeZone'     => wp_timezone_string(),
			'locale'       => str_replace( '_', '-', get_user_locale() ),
			'orderEditUrl' => self::order_edit_url(),
		);
	}

	/**
	 * @return string The order edit URL without its id (HPOS or posts screen), the id is appended.
	 */
	private static function order_edit_url(): string {
		$hpos = class_exists( \Automattic\WooCommerce\Utilities\OrderUtil::class ) && \Automattic\WooCommerce\Utilities\OrderUtil::custom_orders_table_usage_is_enabled();
		return $hpos ? admin_url( 'admin.php?page=wc-orders&action=edit&id=' ) : admin_url( 'post.php?action=edit&post=' );
	}
}
