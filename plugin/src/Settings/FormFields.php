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

	/** Field type of credentials: rendered by SecretField, which never prints the saved value. */
	public const SECRET_TYPE = 'pvp_secret';

	/**
	 * @param bool $key_is_external Whether PVP_API_KEY is set in wp-config.php or the environment.
	 * @return array<string, array<string, mixed>> WooCommerce settings API fields.
	 */
	public static function fields( bool $key_is_external ): array {
		$key_field = array(
			'title'       => __( 'API key', 'pay-via-proxyapi' ),
			'type'        => self::SECRET_TYPE,
			'description' => __( 'The Pay via ProxyAPI key shown at the bottom of your shortcode\'s page in the ProxyAPI portal. Safer: define PVP_API_KEY in wp-config.php instead.', 'pay-via-proxyapi' ),
			'default'     => '',
		);
		if ( $key_is_external ) {
			$key_field = self::set_elsewhere( $key_field, 'PVP_API_KEY' );
		}
		return array_merge( self::checkout_fields(), array( 'api_key' => $key_field ), DarajaFields::fields(), self::security_fields() );
	}

	/**
	 * @param array<string, mixed> $field    A field.
	 * @param string               $constant The constant / environment variable that sets it.
	 * @return array<string, mixed> The field, read-only, saying where its value comes from.
	 */
	public static function set_elsewhere( array $field, string $constant ): array {
		/* translators: %s: constant name, e.g. PVP_API_KEY. */
		$field['description']       = sprintf( __( 'Set in wp-config.php or the server environment (%s); change it there.', 'pay-via-proxyapi' ), $constant );
		$field['disabled']          = true;
		$field['custom_attributes'] = array( 'readonly' => 'readonly' );
		return $field;
	}

	/**
	 * The callback allow-list (optional, off when empty) and the secret's rotation. Their "set in
	 * wp-config.php" state is applied by SecretField, which knows the constants.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private static function security_fields(): array {
		return array(
			'pvp_security_section'          => array(
				'title'       => __( 'Callback security', 'pay-via-proxyapi' ),
				'type'        => 'title',
				'description' => __( 'Every payment result ProxyAPI sends must carry that payment\'s own secret address, so forged results are refused whatever you set here.', 'pay-via-proxyapi' ),
			),
			SettingsSubmission::ALLOWED_IPS => array(
				'title'       => __( 'Accept callbacks only from', 'pay-via-proxyapi' ),
				'type'        => 'textarea',
				'description' => __( 'Optional. IP addresses or networks (CIDR, IPv4 or IPv6), one per line, e.g. 196.201.214.0/24. Leave empty to accept callbacks from any address. Behind a reverse proxy or CDN, also set PVP_TRUSTED_PROXY_HEADER in wp-config.php (see the plugin\'s README), or every callback is refused.', 'pay-via-proxyapi' ),
				'default'     => '',
				'placeholder' => "196.201.214.0/24\n2001:db8::/32",
			),
			SettingsSubmission::ROTATE      => array(
				'title'       => __( 'Callback secret', 'pay-via-proxyapi' ),
				'label'       => __( 'Make a new callback secret when I save', 'pay-via-proxyapi' ),
				'type'        => 'checkbox',
				'description' => __( 'Do this if your database or a backup may have been exposed. Payments already waiting for M-Pesa are not affected; new payments get addresses made from the new secret.', 'pay-via-proxyapi' ),
				'default'     => 'no',
			),
		);
	}

	/**
	 * Descriptions are shown as text under the fields, never as WooCommerce `desc_tip` tooltips: a tooltip
	 * hides the help behind hover or focus, and WooCommerce draws it as a focusable span with an aria-label
	 * but no role, which assistive technology may not read (axe: aria-prohibited-attr).
	 *
	 * @return array<string, array<string, mixed>> What shoppers see.
	 */
	private static function checkout_fields(): array {
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
			),
			'description' => array(
				'title'       => __( 'Description', 'pay-via-proxyapi' ),
				'type'        => 'textarea',
				'description' => __( 'Shown under the title at checkout.', 'pay-via-proxyapi' ),
				'default'     => __( 'Enter your M-Pesa phone number. You will get a prompt on your phone to enter your M-Pesa PIN.', 'pay-via-proxyapi' ),
			),
		);
	}
}
