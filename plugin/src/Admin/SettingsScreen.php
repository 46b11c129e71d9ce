<?php
/**
 * The gateway's settings screen, grouped and explained, with the "Verify API key" button.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Admin;

use PayViaProxyApi\Assets\ScriptAsset;
use PayViaProxyApi\Gateway\Gateway;
use PayViaProxyApi\Hookable;
use PayViaProxyApi\Payment\CallbackAddress;

/**
 * Adds section headings and explanations around the fields FormFields declares (through WooCommerce's
 * form-fields filter, so the field list keeps one owner), and a button that asks ProxyAPI whether the key works.
 */
final class SettingsScreen implements Hookable {

	/** Field type of the verify button (rendered here, never saved). */
	public const VERIFY_FIELD = 'pvp_verify_key';

	/**
	 * @param ScriptAsset $assets Registers the button's script.
	 */
	public function __construct( private ScriptAsset $assets ) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_filter( 'woocommerce_settings_api_form_fields_' . Gateway::ID, array( $this, 'group_fields' ) );
		add_filter( 'woocommerce_generate_' . self::VERIFY_FIELD . '_html', array( $this, 'verify_field_html' ), 10, 2 );
		add_filter( 'woocommerce_settings_api_sanitized_fields_' . Gateway::ID, array( $this, 'drop_verify_field' ) );
		add_action( 'admin_enqueue_scripts', array( $this, 'enqueue' ) );
	}

	/**
	 * @param array<string, array<string, mixed>> $fields The gateway's fields.
	 * @return array<string, array<string, mixed>> The same fields under two explained headings.
	 */
	public function group_fields( array $fields ): array {
		$connection = array_intersect_key( $fields, array_flip( array( 'api_key' ) ) );
		$checkout   = array_diff_key( $fields, $connection );
		return array_merge(
			array(
				'pvp_checkout_section' => array(
					'title'       => __( 'At checkout', 'pay-via-proxyapi' ),
					'type'        => 'title',
					'description' => __( 'What shoppers see. Lipa na M-Pesa is shown only when the store currency is Kenyan shillings (KES) and the connection below works.', 'pay-via-proxyapi' ),
				),
			),
			$checkout,
			array(
				'pvp_connection_section' => array(
					'title'       => __( 'Connection to ProxyAPI', 'pay-via-proxyapi' ),
					'type'        => 'title',
					'description' => $this->connection_help(),
				),
			),
			$connection,
			array(
				self::VERIFY_FIELD => array(
					'title' => __( 'Check the key', 'pay-via-proxyapi' ),
					'type'  => self::VERIFY_FIELD,
				),
			)
		);
	}

	/**
	 * @return string Explanation of the key and the callback address (kses-filtered by WooCommerce).
	 */
	private function connection_help(): string {
		$callback = rest_url( CallbackAddress::REST_NAMESPACE . '/callbacks/' );
		return sprintf(
			'%1$s<br />%2$s <code>%3$s</code>',
			esc_html__( 'The API key is issued by ProxyAPI for your M-Pesa shortcode: sign in to the ProxyAPI portal, open your Pay via ProxyAPI shortcode and copy the key shown at the bottom of its page. It looks like 1234567890-AbCdEfGhIjKlMnOpQrSt.', 'pay-via-proxyapi' ),
			esc_html__( 'ProxyAPI reports each payment to this store\'s callback address, which must be reachable from the internet over HTTPS:', 'pay-via-proxyapi' ),
			esc_html( $callback . '…' )
		);
	}

	/**
	 * @param string               $html  HTML so far (empty).
	 * @param string               $key   Field key.
	 * @return string A settings-table row with the button and a live region for the result.
	 */
	public function verify_field_html( string $html, string $key ): string {
		unset( $html, $key );
		return sprintf(
			'<tr valign="top"><th scope="row" class="titledesc">%1$s</th><td class="forminp"><button type="button" class="button" id="pvp-verify-key" aria-describedby="pvp-verify-key-help">%2$s</button><p class="description" id="pvp-verify-key-help">%3$s</p><p class="pvp-verify-key__result" id="pvp-verify-key-result" role="status" aria-live="polite"></p></td></tr>',
			esc_html__( 'Check the key', 'pay-via-proxyapi' ),
			esc_html__( 'Verify API key', 'pay-via-proxyapi' ),
			esc_html__( 'Asks ProxyAPI whether it accepts the key in the field above (it is not saved until you save changes).', 'pay-via-proxyapi' )
		);
	}

	/**
	 * @param array<string, mixed> $settings Sanitised settings about to be saved.
	 * @return array<string, mixed> Without the button's empty value.
	 */
	public function drop_verify_field( array $settings ): array {
		unset( $settings[ self::VERIFY_FIELD ] );
		return $settings;
	}

	/**
	 * Loads the button's script on the gateway's section of WooCommerce › Settings › Payments only.
	 */
	public function enqueue(): void {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- only decides which screen this is.
		$section = isset( $_GET['section'] ) ? sanitize_key( wp_unslash( (string) $_GET['section'] ) ) : '';
		if ( Gateway::ID !== $section || ! current_user_can( 'manage_woocommerce' ) ) {
			return;
		}
		$handle = $this->assets->register( 'admin-settings' );
		if ( '' !== $handle ) {
			wp_enqueue_script( $handle );
			if ( wp_style_is( $handle, 'registered' ) ) {
				wp_enqueue_style( $handle );
			}
		}
	}
}
