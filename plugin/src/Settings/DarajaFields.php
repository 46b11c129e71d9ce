<?php
/**
 * The settings screen fields of the provider choice and of Daraja direct.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Settings;

use PayViaProxyApi\Provider\Daraja\DarajaConfig;
use PayViaProxyApi\Provider\ProviderFactory;

/**
 * A plain description of the fields, merged into FormFields; WooCommerce renders and saves them. Secrets use
 * FormFields::SECRET_TYPE (never printed back). Admin\DarajaSettingsScreen places them on the screen and
 * marks the ones a wp-config constant sets; DarajaSubmission applies their save rules.
 */
final class DarajaFields {

	/** Field type of the "Test connection" button (rendered by the screen, never saved). */
	public const TEST_TYPE = 'pvp_daraja_test';

	/** Keys of the button and the two headings: not settings. */
	public const TEST_FIELD      = 'pvp_daraja_test';
	public const SECTION         = 'pvp_daraja_section';
	public const REFUNDS_SECTION = 'pvp_daraja_refunds_section';

	/**
	 * @return array<string, array<string, mixed>> The provider choice, then the Daraja block.
	 */
	public static function fields(): array {
		return array_merge( array( ProviderFactory::SETTING => self::provider_field() ), self::connection_fields(), self::refund_fields() );
	}

	/**
	 * @return array<string, mixed> ProxyAPI or Daraja direct, with what each means for refunds.
	 */
	private static function provider_field(): array {
		return array(
			'title'       => __( 'Payment provider', 'pay-via-proxyapi' ),
			'type'        => 'select',
			'default'     => ProviderFactory::PROXYAPI,
			'options'     => array(
				ProviderFactory::PROXYAPI => __( 'ProxyAPI (Pay via ProxyAPI)', 'pay-via-proxyapi' ),
				ProviderFactory::DARAJA   => __( 'Daraja direct (your own Safaricom Daraja app)', 'pay-via-proxyapi' ),
			),
			'description' => __( 'Who sends the M-Pesa prompt. Refunds: with Daraja direct, WooCommerce\'s Refund button reverses the M-Pesa payment (whole orders only). With ProxyAPI, refunds through M-Pesa are not offered: pay the shopper back yourself and record the refund manually.', 'pay-via-proxyapi' ),
		);
	}

	/**
	 * @return array<string, array<string, mixed>> The app, the numbers and the test button.
	 */
	private static function connection_fields(): array {
		return array(
			self::SECTION             => array(
				'title'       => __( 'Daraja direct', 'pay-via-proxyapi' ),
				'type'        => 'title',
				'description' => self::connection_help(),
			),
			'daraja_environment'      => array(
				'title'   => __( 'Environment', 'pay-via-proxyapi' ),
				'type'    => 'select',
				'default' => DarajaConfig::SANDBOX,
				'options' => array(
					DarajaConfig::SANDBOX    => __( 'Sandbox (testing, no real money)', 'pay-via-proxyapi' ),
					DarajaConfig::PRODUCTION => __( 'Production (live payments)', 'pay-via-proxyapi' ),
				),
			),
			'daraja_consumer_key'     => self::secret( __( 'Consumer key', 'pay-via-proxyapi' ), __( 'From your app on the Daraja portal. Or define PVP_DARAJA_CONSUMER_KEY in wp-config.php.', 'pay-via-proxyapi' ) ),
			'daraja_consumer_secret'  => self::secret( __( 'Consumer secret', 'pay-via-proxyapi' ), __( 'Or define PVP_DARAJA_CONSUMER_SECRET in wp-config.php.', 'pay-via-proxyapi' ) ),
			'daraja_shortcode'        => array(
				'title'       => __( 'Business shortcode', 'pay-via-proxyapi' ),
				'type'        => 'text',
				'default'     => '',
				'placeholder' => '174379',
				'description' => __( 'Your paybill number; for a till, the store (head office) number, not the till. 5 to 7 digits.', 'pay-via-proxyapi' ),
			),
			'daraja_till'             => array(
				'title'       => __( 'Till number (Buy Goods)', 'pay-via-proxyapi' ),
				'type'        => 'text',
				'default'     => '',
				'description' => __( 'Leave empty for a paybill. With a till number, payments go to the till under the store number above.', 'pay-via-proxyapi' ),
			),
			'daraja_passkey'          => self::secret( __( 'Passkey', 'pay-via-proxyapi' ), __( 'The Lipa na M-Pesa Online passkey (Safaricom e-mails it after Go-Live). Or define PVP_DARAJA_PASSKEY in wp-config.php.', 'pay-via-proxyapi' ) ),
			self::TEST_FIELD          => array(
				'title' => __( 'Check the connection', 'pay-via-proxyapi' ),
				'type'  => self::TEST_TYPE,
			),
		);
	}

	/**
	 * @return array<string, array<string, mixed>> The initiator and certificate reversals need.
	 */
	private static function refund_fields(): array {
		return array(
			self::REFUNDS_SECTION        => array(
				'title'       => __( 'Refunds through Daraja', 'pay-via-proxyapi' ),
				'type'        => 'title',
				'description' => __( 'WooCommerce\'s Refund button on an M-Pesa order asks M-Pesa to reverse the payment. M-Pesa reverses whole payments only, so refund the whole order. This needs an API operator (initiator) with the reversal role on your M-Pesa organisation portal, and Safaricom\'s public certificate for the environment. The password is encrypted with the certificate for each refund; it is never stored encrypted.', 'pay-via-proxyapi' ),
			),
			'daraja_initiator_name'      => array(
				'title'       => __( 'Initiator name', 'pay-via-proxyapi' ),
				'type'        => 'text',
				'default'     => '',
				'description' => __( 'Or define PVP_DARAJA_INITIATOR_NAME in wp-config.php.', 'pay-via-proxyapi' ),
			),
			'daraja_initiator_password'  => self::secret( __( 'Initiator password', 'pay-via-proxyapi' ), __( 'Or define PVP_DARAJA_INITIATOR_PASSWORD in wp-config.php.', 'pay-via-proxyapi' ) ),
			'daraja_certificate'         => array(
				'title'       => __( 'Safaricom certificate', 'pay-via-proxyapi' ),
				'type'        => 'textarea',
				'default'     => '',
				'placeholder' => "-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----",
				'description' => __( 'Paste the certificate (PEM text, including the BEGIN and END lines). It is public, not a secret. Or set PVP_DARAJA_CERT in wp-config.php to the PEM text or to the path of the file.', 'pay-via-proxyapi' ),
			),
		);
	}

	/**
	 * @return string Where the values come from, and the till rule (kses-filtered by WooCommerce).
	 */
	private static function connection_help(): string {
		return sprintf(
			'%1$s<br />%2$s',
			esc_html__( 'Used when the provider is Daraja direct. Create an app on developer.safaricom.co.ke for the sandbox; after Go-Live Safaricom gives you production credentials. Each value can also be set in wp-config.php (PVP_DARAJA_ENV, PVP_DARAJA_CONSUMER_KEY, PVP_DARAJA_CONSUMER_SECRET, PVP_DARAJA_SHORTCODE, PVP_DARAJA_PASSKEY, PVP_DARAJA_TILL), which is safer; the field then shows it is set there.', 'pay-via-proxyapi' ),
			esc_html__( 'Paybill or till? A paybill is its own business shortcode. A till alone cannot use the API: you need the store (head office) number you went live with as the business shortcode, and the till number in its own field.', 'pay-via-proxyapi' )
		);
	}

	/**
	 * @param string $title       Field title.
	 * @param string $description Field help.
	 * @return array<string, mixed> A credential field (never printed back).
	 */
	private static function secret( string $title, string $description ): array {
		return array(
			'title'       => $title,
			'type'        => FormFields::SECRET_TYPE,
			'default'     => '',
			'description' => $description,
		);
	}
}
