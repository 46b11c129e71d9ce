<?php
/**
 * The store's choice to show M-Pesa phone numbers in full or masked, on WooCommerce › Settings › Accounts & Privacy.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Admin;

use PayViaProxyApi\Hookable;
use PayViaProxyApi\Reports\PhoneDisplay;

/**
 * A store-wide privacy choice, independent of the gateway (it also covers 2.2.7 orders and other providers),
 * so it lives in its own option next to WooCommerce's other privacy settings. Masked by default.
 */
final class PhoneDisplaySetting implements Hookable {

	public const OPTION = 'pvp_show_full_phone';

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_filter( 'woocommerce_get_settings_account', array( $this, 'add_field' ) );
	}

	/**
	 * @param array<int, array<string, mixed>> $settings The Accounts & Privacy fields.
	 * @return array<int, array<string, mixed>>
	 */
	public function add_field( array $settings ): array {
		$settings[] = array(
			'title' => __( 'M-Pesa payments', 'pay-via-proxyapi' ),
			'type'  => 'title',
			'id'    => 'pvp_privacy',
		);
		$settings[] = array(
			'title'    => __( 'Payer phone numbers', 'pay-via-proxyapi' ),
			'desc'     => __( 'Show M-Pesa phone numbers in full in the M-Pesa report, its CSV export and the order screen', 'pay-via-proxyapi' ),
			'desc_tip' => __( 'Off: numbers are shown as 2547****5678. Only staff who manage WooCommerce see either form.', 'pay-via-proxyapi' ),
			'id'       => self::OPTION,
			'type'     => 'checkbox',
			'default'  => 'no',
			'autoload' => false,
		);
		$settings[] = array(
			'type' => 'sectionend',
			'id'   => 'pvp_privacy',
		);
		return $settings;
	}

	/**
	 * @return PhoneDisplay How numbers are shown right now.
	 */
	public function display(): PhoneDisplay {
		return new PhoneDisplay( 'yes' === get_option( self::OPTION, 'no' ) );
	}
}
