<?php
/**
 * The save rules of the provider choice and the Daraja settings.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Settings;

use PayViaProxyApi\Provider\Daraja\DarajaConfig;
use PayViaProxyApi\Provider\Daraja\SecurityCredential;
use PayViaProxyApi\Provider\ProviderFactory;

/**
 * Pure PHP, like SettingsSubmission for the ProxyAPI key. The screen never prints a saved secret, so an empty
 * secret field keeps the saved value (removing it is an explicit checkbox). Bad input changes nothing: a
 * shortcode or till that is not 5 to 7 digits, a till equal to the shortcode, or a certificate that cannot be
 * read keeps the saved value and reports an error code for the screen to explain.
 */
final class DarajaSubmission {

	/** Fields whose saved value is never shown. */
	public const SECRETS = array( 'daraja_consumer_key', 'daraja_consumer_secret', 'daraja_passkey', 'daraja_initiator_password' );

	public const ERROR_NUMBER      = 'daraja_number';
	public const ERROR_TILL        = 'daraja_till_is_shortcode';
	public const ERROR_CERTIFICATE = 'daraja_certificate';

	/** @var array<string, mixed> */
	private array $settings;

	/** @var array<string, string> Field key => error code. */
	private array $errors = array();

	/**
	 * @param array<string, mixed> $submitted Settings as WooCommerce validated them.
	 * @param array<string, mixed> $stored    Settings saved before this submission.
	 * @param string[]             $clear     Secret fields the admin asked to remove.
	 */
	public function __construct( array $submitted, private array $stored, array $clear = array() ) {
		$this->settings = $submitted;
		unset( $this->settings[ DarajaFields::TEST_FIELD ] );
		$this->choice( ProviderFactory::SETTING, array( ProviderFactory::PROXYAPI, ProviderFactory::DARAJA ) );
		$this->choice( 'daraja_environment', array( DarajaConfig::SANDBOX, DarajaConfig::PRODUCTION ) );
		foreach ( self::SECRETS as $key ) {
			$this->secret( $key, in_array( $key, $clear, true ) );
		}
		$this->number( 'daraja_shortcode' );
		$this->number( 'daraja_till' );
		$this->till_differs();
		$this->certificate();
	}

	/**
	 * @return array<string, mixed> What to save.
	 */
	public function settings(): array {
		return $this->settings;
	}

	/**
	 * @return array<string, string> Field => error code; empty when everything was accepted.
	 */
	public function errors(): array {
		return $this->errors;
	}

	/**
	 * @param string   $key     Field.
	 * @param string[] $allowed Its options (the first is the default).
	 */
	private function choice( string $key, array $allowed ): void {
		if ( array_key_exists( $key, $this->settings ) && ! in_array( $this->settings[ $key ], $allowed, true ) ) {
			$this->settings[ $key ] = in_array( $this->stored[ $key ] ?? null, $allowed, true ) ? $this->stored[ $key ] : $allowed[0];
		}
	}

	/**
	 * @param string $key   A secret field.
	 * @param bool   $clear Remove it.
	 */
	private function secret( string $key, bool $clear ): void {
		if ( ! array_key_exists( $key, $this->settings ) ) {
			return;
		}
		$submitted = is_string( $this->settings[ $key ] ) ? trim( $this->settings[ $key ] ) : '';
		if ( $clear ) {
			$this->settings[ $key ] = '';
		} elseif ( '' === $submitted ) {
			$this->settings[ $key ] = $this->stored_text( $key );
		} else {
			$this->settings[ $key ] = $submitted;
		}
	}

	/**
	 * @param string $key A shortcode or till field: empty, or 5 to 7 digits.
	 */
	private function number( string $key ): void {
		if ( ! array_key_exists( $key, $this->settings ) ) {
			return;
		}
		$value = preg_replace( '/\s+/', '', is_string( $this->settings[ $key ] ) ? $this->settings[ $key ] : '' );
		if ( '' !== $value && 1 !== preg_match( '/^\d{5,7}$/D', (string) $value ) ) {
			$this->refuse( self::ERROR_NUMBER, $key );
			return;
		}
		$this->settings[ $key ] = (string) $value;
	}

	/**
	 * A till entered as its own shortcode is the classic mistake: M-Pesa answers 2028 to every payment.
	 */
	private function till_differs(): void {
		$till = $this->settings['daraja_till'] ?? '';
		if ( '' !== $till && ( $this->settings['daraja_shortcode'] ?? null ) === $till ) {
			$this->refuse( self::ERROR_TILL, 'daraja_till' );
		}
	}

	/**
	 * The certificate must be readable now, not at the first refund.
	 */
	private function certificate(): void {
		$pem = $this->settings['daraja_certificate'] ?? null;
		if ( ! is_string( $pem ) ) {
			return;
		}
		$pem = trim( $pem );
		if ( '' !== $pem && ! SecurityCredential::is_readable( $pem ) ) {
			$this->refuse( self::ERROR_CERTIFICATE, 'daraja_certificate' );
			return;
		}
		$this->settings['daraja_certificate'] = '' === $pem ? '' : SecurityCredential::pem( $pem );
	}

	/**
	 * @param string $code Error code.
	 * @param string $key  Field that keeps its saved value.
	 */
	private function refuse( string $code, string $key ): void {
		$this->errors[ $key ]   = $code;
		$this->settings[ $key ] = $this->stored_text( $key );
	}

	/**
	 * @param string $key Field.
	 * @return string Its saved value ('' when none).
	 */
	private function stored_text( string $key ): string {
		return is_string( $this->stored[ $key ] ?? null ) ? $this->stored[ $key ] : '';
	}
}
