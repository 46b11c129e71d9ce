<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Settings;

use PayViaProxyApi\Settings\SettingsSubmission;
use PHPUnit\Framework\TestCase;

final class SettingsSubmissionTest extends TestCase {

	private const SAVED = '1700000000-LocalStoreSimulator1';

	private const STORED = array(
		'enabled'              => 'yes',
		'api_key'              => self::SAVED,
		'callback_allowed_ips' => '196.201.214.0/24',
	);

	/**
	 * @param array<string, mixed> $changes Fields as submitted, over the stored ones.
	 */
	private function submit( array $changes, bool $clear = false ): SettingsSubmission {
		return new SettingsSubmission( array_merge( self::STORED, array( 'api_key' => '' ), $changes ), self::STORED, $clear );
	}

	public function test_an_empty_key_field_keeps_the_saved_key(): void {
		$submission = $this->submit( array() );
		$this->assertSame( self::SAVED, $submission->settings()['api_key'] );
		$this->assertSame( array(), $submission->errors() );
	}

	public function test_a_new_key_in_proxyapi_format_replaces_the_saved_one(): void {
		$this->assertSame( '1800000000-AbCdEfGhIjKlMnOpQrSt', $this->submit( array( 'api_key' => ' 1800000000-AbCdEfGhIjKlMnOpQrSt ' ) )->settings()['api_key'] );
	}

	public function test_a_key_not_in_proxyapi_format_changes_nothing_and_says_so(): void {
		foreach ( array( 'nonsense', '1800000000-short', 'Saved (ends in …tor1)' ) as $typed ) {
			$submission = $this->submit( array( 'api_key' => $typed ) );
			$this->assertSame( self::SAVED, $submission->settings()['api_key'], $typed );
			$this->assertSame( array( SettingsSubmission::ERROR_KEY_FORMAT => array() ), $submission->errors(), 'the error never quotes what was typed' );
		}
	}

	public function test_the_key_is_removed_only_on_request(): void {
		$this->assertSame( '', $this->submit( array(), true )->settings()['api_key'] );
		$this->assertSame( '', $this->submit( array( 'api_key' => '1800000000-AbCdEfGhIjKlMnOpQrSt' ), true )->settings()['api_key'], 'removing wins over typing' );
	}

	public function test_a_submission_without_the_key_field_leaves_it_alone(): void {
		$submission = new SettingsSubmission( array( 'enabled' => 'no' ), self::STORED, false );
		$this->assertSame( array( 'enabled' => 'no' ), $submission->settings() );
	}

	public function test_a_readable_allow_list_is_saved_one_entry_per_line(): void {
		$submission = $this->submit( array( 'callback_allowed_ips' => " 196.201.214.200, 2001:db8::/32\n\n10.0.0.0/8 " ) );
		$this->assertSame( "196.201.214.200\n2001:db8::/32\n10.0.0.0/8", $submission->settings()['callback_allowed_ips'] );
		$this->assertSame( '', $this->submit( array( 'callback_allowed_ips' => '  ' ) )->settings()['callback_allowed_ips'], 'emptying it switches it off' );
	}

	public function test_an_allow_list_with_an_unreadable_entry_keeps_the_saved_list_and_names_the_entry(): void {
		$submission = $this->submit( array( 'callback_allowed_ips' => "196.201.214.0/24\n196.201.214.0/33\nmpesa.example" ) );
		$this->assertSame( '196.201.214.0/24', $submission->settings()['callback_allowed_ips'] );
		$this->assertSame( array( SettingsSubmission::ERROR_ALLOWED_IPS => array( '196.201.214.0/33', 'mpesa.example' ) ), $submission->errors() );
	}

	public function test_the_rotation_box_is_acted_on_and_never_stored_ticked(): void {
		$ticked = $this->submit( array( 'rotate_callback_secret' => 'yes' ) );
		$this->assertTrue( $ticked->wants_rotation() );
		$this->assertSame( 'no', $ticked->settings()['rotate_callback_secret'] );
		$this->assertFalse( $this->submit( array( 'rotate_callback_secret' => 'no' ) )->wants_rotation() );
		$this->assertFalse( $this->submit( array() )->wants_rotation() );
	}
}
