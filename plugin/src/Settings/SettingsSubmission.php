<?php
/**
 * The save rules of the settings that protect the store: the API key and the callback allow-list.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Settings;

use PayViaProxyApi\Provider\ProxyApiClient;
use PayViaProxyApi\Security\CidrList;

/**
 * Pure PHP. The settings screen never prints the saved key, so an empty key field means "keep the saved
 * one", not "delete it" (deleting is an explicit checkbox). Bad input changes nothing: a key that is not in
 * ProxyAPI's format, or an allow-list with an entry that is not an address or network, keeps the saved
 * value and reports an error code for the screen to explain.
 */
final class SettingsSubmission {

	public const KEY = 'api_key';

	public const ALLOWED_IPS = 'callback_allowed_ips';

	/** A checkbox acted on when saving, never stored as "yes". */
	public const ROTATE = 'rotate_callback_secret';

	public const ERROR_KEY_FORMAT = 'api_key_format';

	public const ERROR_ALLOWED_IPS = 'allowed_ips_invalid';

	/** @var array<string, mixed> */
	private array $settings;

	/** @var array<string, string[]> Error code => offending values (for the message; never the key). */
	private array $errors = array();

	/** Whether the admin asked for a new callback secret. */
	private bool $rotate;

	/**
	 * @param array<string, mixed> $submitted Settings as WooCommerce validated them from the form.
	 * @param array<string, mixed> $stored    Settings saved before this submission.
	 * @param bool                 $clear_key Whether the admin ticked "remove the saved key".
	 */
	public function __construct( array $submitted, array $stored, bool $clear_key ) {
		$this->settings = $submitted;
		$this->rotate   = 'yes' === ( $submitted[ self::ROTATE ] ?? 'no' );
		if ( array_key_exists( self::ROTATE, $this->settings ) ) {
			$this->settings[ self::ROTATE ] = 'no';
		}
		$this->settle_key( $stored, $clear_key );
		$this->settle_allowed_ips( $stored );
	}

	/**
	 * @return array<string, mixed> What to save.
	 */
	public function settings(): array {
		return $this->settings;
	}

	/**
	 * @return bool Whether the admin asked for a new callback secret with this save.
	 */
	public function wants_rotation(): bool {
		return $this->rotate;
	}

	/**
	 * @return array<string, string[]> Error code => offending values; empty when everything was accepted.
	 */
	public function errors(): array {
		return $this->errors;
	}

	/**
	 * @param array<string, mixed> $stored    Saved settings.
	 * @param bool                 $clear_key Remove the key.
	 */
	private function settle_key( array $stored, bool $clear_key ): void {
		if ( ! array_key_exists( self::KEY, $this->settings ) ) {
			return;
		}
		$saved     = is_string( $stored[ self::KEY ] ?? null ) ? $stored[ self::KEY ] : '';
		$submitted = is_string( $this->settings[ self::KEY ] ) ? trim( $this->settings[ self::KEY ] ) : '';
		if ( $clear_key ) {
			$this->settings[ self::KEY ] = '';
			return;
		}
		if ( '' === $submitted ) {
			$this->settings[ self::KEY ] = $saved;
			return;
		}
		if ( 1 !== preg_match( ProxyApiClient::KEY_PATTERN, $submitted ) ) {
			$this->errors[ self::ERROR_KEY_FORMAT ] = array();
			$this->settings[ self::KEY ]            = $saved;
			return;
		}
		$this->settings[ self::KEY ] = $submitted;
	}

	/**
	 * @param array<string, mixed> $stored Saved settings.
	 */
	private function settle_allowed_ips( array $stored ): void {
		if ( ! array_key_exists( self::ALLOWED_IPS, $this->settings ) ) {
			return;
		}
		$submitted = is_string( $this->settings[ self::ALLOWED_IPS ] ) ? $this->settings[ self::ALLOWED_IPS ] : '';
		$list      = new CidrList( $submitted );
		if ( array() !== $list->invalid_entries() ) {
			$this->errors[ self::ERROR_ALLOWED_IPS ] = $list->invalid_entries();
			$this->settings[ self::ALLOWED_IPS ]     = is_string( $stored[ self::ALLOWED_IPS ] ?? null ) ? $stored[ self::ALLOWED_IPS ] : '';
			return;
		}
		// One entry per line: what the admin sees next time is exactly what is enforced.
		$this->settings[ self::ALLOWED_IPS ] = implode( "\n", CidrList::entries( $submitted ) );
	}
}
