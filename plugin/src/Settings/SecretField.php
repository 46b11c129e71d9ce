<?php
/**
 * Shows credentials on the settings screen and in WooCommerce's REST API without ever printing them.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Settings;

use PayViaProxyApi\Hookable;

/**
 * WooCommerce's "password" field prints the saved value into the page (value="…"), and its payment-gateway
 * REST endpoint returns every setting's value. This renders credential fields empty, with a placeholder that
 * says a key is saved (and its last four characters, to tell keys apart), blanks them in REST answers, and
 * marks fields whose value comes from wp-config.php as read-only. SettingsSaveProcessor keeps the saved key
 * when the field comes back empty.
 */
final class SecretField implements Hookable {

	/** How many trailing characters identify a saved key without revealing it. */
	private const VISIBLE_TAIL = 4;

	/**
	 * @param Settings $settings Where values come from (constants win).
	 */
	public function __construct( private Settings $settings ) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_filter( 'woocommerce_generate_' . FormFields::SECRET_TYPE . '_html', array( $this, 'render' ), 10, 4 );
		add_filter( 'woocommerce_settings_api_form_fields_' . Settings::GATEWAY_ID, array( $this, 'mark_external' ), 20 );
		add_filter( 'woocommerce_rest_prepare_payment_gateway', array( $this, 'blank_in_rest' ), 10, 2 );
	}

	/**
	 * @param string                $html    HTML so far (empty).
	 * @param string                $key     Field key, e.g. api_key.
	 * @param array<string, mixed>  $field   Field definition.
	 * @param \WC_Settings_API|null $gateway The settings object rendering the field.
	 * @return string A settings-table row whose input never holds the saved value.
	 */
	public function render( string $html, string $key, array $field, $gateway = null ): string {
		unset( $html );
		if ( ! $gateway instanceof \WC_Settings_API ) {
			return '';
		}
		$id       = $gateway->get_field_key( $key );
		$saved    = (string) $gateway->get_option( $key );
		$disabled = ! empty( $field['disabled'] );
		$clear    = '' === $saved || $disabled ? '' : sprintf(
			'<br /><label for="%1$s_clear"><input type="checkbox" name="%1$s_clear" id="%1$s_clear" value="1" /> %2$s</label>',
			esc_attr( $id ),
			esc_html__( 'Remove the saved key', 'pay-via-proxyapi' )
		);
		return sprintf(
			'<tr valign="top"><th scope="row" class="titledesc"><label for="%1$s">%2$s</label></th><td class="forminp"><fieldset><legend class="screen-reader-text"><span>%2$s</span></legend><input class="input-text regular-input" type="password" name="%1$s" id="%1$s" value="" placeholder="%3$s" autocomplete="new-password" spellcheck="false" aria-describedby="%1$s-description"%4$s />%5$s<p class="description" id="%1$s-description">%6$s</p></fieldset></td></tr>',
			esc_attr( $id ),
			esc_html( (string) ( $field['title'] ?? '' ) ),
			esc_attr( $this->placeholder( $saved, $disabled ) ),
			$disabled ? ' disabled="disabled" readonly="readonly"' : '',
			$clear,
			wp_kses_post( (string) ( $field['description'] ?? '' ) )
		);
	}

	/**
	 * @param array<string, array<string, mixed>> $fields The gateway's fields.
	 * @return array<string, array<string, mixed>> The same, read-only where a constant sets the value.
	 */
	public function mark_external( array $fields ): array {
		if ( isset( $fields[ SettingsSubmission::ALLOWED_IPS ] ) && $this->settings->callback_allowed_ips_are_external() ) {
			$field = FormFields::set_elsewhere( $fields[ SettingsSubmission::ALLOWED_IPS ], 'PVP_CALLBACK_ALLOWED_IPS' );
			// The textarea shows the stored option, not the constant; say what is enforced.
			/* translators: %s: the allow-list in force. */
			$field['description']                     .= ' ' . sprintf( __( 'In force: %s', 'pay-via-proxyapi' ), esc_html( $this->settings->callback_allowed_ips() ) );
			$fields[ SettingsSubmission::ALLOWED_IPS ] = $field;
		}
		if ( isset( $fields[ SettingsSubmission::ROTATE ] ) && $this->settings->callback_secret_is_external() ) {
			$fields[ SettingsSubmission::ROTATE ] = FormFields::set_elsewhere( $fields[ SettingsSubmission::ROTATE ], 'PVP_CALLBACK_SECRET' );
		}
		return $fields;
	}

	/**
	 * @param \WP_REST_Response $response The gateway as WooCommerce's REST API describes it.
	 * @param mixed             $gateway  The gateway.
	 * @return \WP_REST_Response The same with credential values blanked.
	 */
	public function blank_in_rest( $response, $gateway ) {
		if ( ! $response instanceof \WP_REST_Response || ! $gateway instanceof \WC_Payment_Gateway || Settings::GATEWAY_ID !== $gateway->id ) {
			return $response;
		}
		$data = $response->get_data();
		if ( is_array( $data ) && isset( $data['settings'] ) && is_array( $data['settings'] ) ) {
			foreach ( $data['settings'] as $key => $setting ) {
				if ( is_array( $setting ) && FormFields::SECRET_TYPE === ( $setting['type'] ?? '' ) ) {
					// Empty, so a client that reads and writes back the settings keeps the key (see SettingsSubmission).
					$data['settings'][ $key ]['value'] = '';
				}
			}
			$response->set_data( $data );
		}
		return $response;
	}

	/**
	 * @param string $saved    The saved value.
	 * @param bool   $disabled Whether a constant sets it.
	 * @return string What the empty field shows.
	 */
	private function placeholder( string $saved, bool $disabled ): string {
		if ( $disabled ) {
			return __( 'Set in wp-config.php or the environment', 'pay-via-proxyapi' );
		}
		if ( '' === $saved ) {
			return '1234567890-AbCdEfGhIjKlMnOpQrSt';
		}
		/* translators: %s: the last characters of the saved key. */
		return sprintf( __( 'Saved (ends in …%s). Type a new key to replace it.', 'pay-via-proxyapi' ), mb_substr( $saved, -self::VISIBLE_TAIL ) );
	}
}
