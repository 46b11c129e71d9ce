<?php
/**
 * The gateway's settings screen fields.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Settings;

/**
 * A plain description of the fields; WooCommerce renders and saves them.
 */
final class FormFields {

	/**
	 * @param bool $key_is_external Whether PVP_API_KEY is set in wp-config.php or the environment.
	 * @return array<string, array<string, mixed>> WooCommerce settings API fields.
	 */
	public static function fields( bool $key_is_external ): array {
		$key_field = array(
			'title'       => __( 'API key', 'pay-via-proxyapi' ),
			'type'        => 'password',
			'description' => __( 'The Pay via ProxyAPI key shown at the bottom of your shortcode\'s page in the ProxyAPI portal. Safer: define PVP_API_KEY in wp-config.php instead.', 'pay-via-proxyapi' ),
			'default'     => '',
		);
		if ( $key_is_external ) {
			$key_field['description']       = __( 'Set in wp-config.php or the server environment (PVP_API_KEY); change it there.', 'pay-via-proxyapi' );
			$key_field['disabled']          = true;
			$key_field['custom_attributes'] = array( 'readonly' => 'readonly' );
		}
		return array(
			'enabled'     => array(
				'title'   => __( 'Enable/Disable', 'pay-via-proxyapi' ),
				'label'   => __( 'Take Lipa na M-Pesa payments through Pay via ProxyAPI', 'pay-via-proxyapi' ),
				'type'    => 'checkbox',
				'default' => 'no',
			),
			'title'       => array(
				'title'       => __( 'Title', 'pay-via-proxyapi' ),
				'type'        => 'text',
				'description' => __( 'The payment method name shoppers see at checkout.', 'pay-via-proxyapi' ),
				'default'     => __( 'Lipa na M-Pesa', 'pay-via-proxyapi' ),
				'desc_tip'    => true,
			),
			'description' => array(
				'title'       => __( 'Description', 'pay-via-proxyapi' ),
				'type'        => 'textarea',
				'description' => __( 'Shown under the title at checkout.', 'pay-via-proxyapi' ),
				'default'     => __( 'Enter your M-Pesa phone number. You will get a prompt on your phone to enter your M-Pesa PIN.', 'pay-via-proxyapi' ),
				'desc_tip'    => true,
			),
			'api_key'     => $key_field,
		);
	}
}
