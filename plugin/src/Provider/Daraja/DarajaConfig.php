<?php
/**
 * A store's Daraja app: environment, credentials, numbers, and the initiator used for reversals.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Provider\Daraja;

/**
 * Plain value object; DarajaSettings builds it from wp-config constants, the environment and the settings
 * screen. Its fields are secrets or near-secrets: it is never logged, serialised or sent to the browser.
 */
final class DarajaConfig {

	public const SANDBOX    = 'sandbox';
	public const PRODUCTION = 'production';

	/** Fixed by the environment; only PVP_DARAJA_BASE_URL (a local simulator) overrides them. */
	public const BASE_URLS = array(
		self::SANDBOX    => 'https://sandbox.safaricom.co.ke',
		self::PRODUCTION => 'https://api.safaricom.co.ke',
	);

	/** Daraja shortcodes (paybill, store number, till) have 5 to 7 digits. */
	private const NUMBER = '/^\d{5,7}$/D';

	/**
	 * @param string $environment        SANDBOX or PRODUCTION.
	 * @param string $base_url           API base URL, no trailing slash.
	 * @param string $consumer_key       The app's consumer key.
	 * @param string $consumer_secret    The app's consumer secret.
	 * @param string $shortcode          Paybill number, or the store (head office) number of a till.
	 * @param string $passkey            Lipa na M-Pesa Online passkey.
	 * @param string $till               Till number; '' for a paybill.
	 * @param string $initiator_name     API operator allowed to reverse payments.
	 * @param string $initiator_password That operator's password (encrypted per request, never stored encrypted).
	 * @param string $certificate        Safaricom's public certificate (or key), PEM.
	 */
	public function __construct(
		public readonly string $environment,
		public readonly string $base_url,
		public readonly string $consumer_key,
		public readonly string $consumer_secret,
		public readonly string $shortcode,
		public readonly string $passkey,
		public readonly string $till = '',
		public readonly string $initiator_name = '',
		public readonly string $initiator_password = '',
		public readonly string $certificate = ''
	) {
	}

	/**
	 * @return bool Whether payments go to a till (Buy Goods) under the store number.
	 */
	public function is_till(): bool {
		return '' !== $this->till;
	}

	/**
	 * @return string The number that receives the money: the till, else the paybill.
	 */
	public function receiver(): string {
		return $this->is_till() ? $this->till : $this->shortcode;
	}

	/**
	 * @return string[] Names of the settings missing or malformed for taking payments (empty when complete).
	 */
	public function payment_problems(): array {
		$problems = array();
		foreach ( array( 'consumer key' => $this->consumer_key, 'consumer secret' => $this->consumer_secret, 'passkey' => $this->passkey ) as $name => $value ) {
			if ( '' === $value ) {
				$problems[] = $name;
			}
		}
		if ( 1 !== preg_match( self::NUMBER, $this->shortcode ) ) {
			$problems[] = 'business shortcode';
		}
		if ( $this->is_till() && 1 !== preg_match( self::NUMBER, $this->till ) ) {
			$problems[] = 'till number';
		}
		return $problems;
	}

	/**
	 * @return bool Whether STK pushes can be sent.
	 */
	public function can_take_payments(): bool {
		return array() === $this->payment_problems();
	}

	/**
	 * @return bool Whether reversals can be requested (payments, plus the initiator and the certificate).
	 */
	public function can_reverse(): bool {
		return $this->can_take_payments() && '' !== $this->initiator_name && '' !== $this->initiator_password && '' !== $this->certificate;
	}

	/**
	 * Tokens belong to one app in one environment: a new key, secret or environment must not reuse a token.
	 *
	 * @return string A name for this app's cached token that reveals nothing about the credentials.
	 */
	public function token_cache_key(): string {
		return 'pvp_daraja_token_' . substr( hash( 'sha256', implode( "\n", array( $this->environment, $this->base_url, $this->consumer_key, $this->consumer_secret ) ) ), 0, 32 );
	}
}
