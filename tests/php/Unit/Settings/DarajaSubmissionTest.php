<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Settings;

use PayViaProxyApi\Settings\DarajaSubmission;
use PHPUnit\Framework\TestCase;

final class DarajaSubmissionTest extends TestCase {

	private const STORED = array(
		'provider'                  => 'daraja',
		'daraja_environment'        => 'sandbox',
		'daraja_consumer_key'       => 'saved-key',
		'daraja_consumer_secret'    => 'saved-secret',
		'daraja_passkey'            => 'saved-passkey',
		'daraja_initiator_password' => 'saved-password',
		'daraja_shortcode'          => '174379',
		'daraja_till'               => '',
		'daraja_certificate'        => '',
	);

	private static function submitted( array $changes = array() ): array {
		return array_merge(
			array(
				'provider'                  => 'daraja',
				'daraja_environment'        => 'production',
				'daraja_consumer_key'       => '',
				'daraja_consumer_secret'    => '',
				'daraja_passkey'            => '',
				'daraja_initiator_password' => '',
				'daraja_shortcode'          => '174379',
				'daraja_till'               => '',
				'daraja_certificate'        => '',
				'pvp_daraja_test'           => '',
			),
			$changes
		);
	}

	public function test_empty_secret_fields_keep_the_saved_secrets(): void {
		$saved = ( new DarajaSubmission( self::submitted(), self::STORED ) )->settings();
		$this->assertSame( 'saved-key', $saved['daraja_consumer_key'] );
		$this->assertSame( 'saved-secret', $saved['daraja_consumer_secret'] );
		$this->assertSame( 'saved-passkey', $saved['daraja_passkey'] );
		$this->assertSame( 'saved-password', $saved['daraja_initiator_password'] );
		$this->assertSame( 'production', $saved['daraja_environment'] );
		$this->assertArrayNotHasKey( 'pvp_daraja_test', $saved, 'the button is not a setting' );
	}

	public function test_typed_secrets_replace_and_ticked_ones_are_removed(): void {
		$saved = ( new DarajaSubmission( self::submitted( array( 'daraja_consumer_key' => ' new-key ' ) ), self::STORED, array( 'daraja_passkey' ) ) )->settings();
		$this->assertSame( 'new-key', $saved['daraja_consumer_key'] );
		$this->assertSame( '', $saved['daraja_passkey'] );
	}

	public function test_numbers_must_be_five_to_seven_digits_or_nothing_changes(): void {
		$submission = new DarajaSubmission( self::submitted( array( 'daraja_shortcode' => '1743', 'daraja_till' => '600 990' ) ), self::STORED );
		$this->assertSame( '174379', $submission->settings()['daraja_shortcode'] );
		$this->assertSame( '600990', $submission->settings()['daraja_till'], 'spaces are dropped' );
		$this->assertSame( array( 'daraja_shortcode' => DarajaSubmission::ERROR_NUMBER ), $submission->errors() );
	}

	public function test_a_till_cannot_be_its_own_business_shortcode(): void {
		$submission = new DarajaSubmission( self::submitted( array( 'daraja_till' => '174379' ) ), self::STORED );
		$this->assertSame( '', $submission->settings()['daraja_till'] );
		$this->assertSame( array( 'daraja_till' => DarajaSubmission::ERROR_TILL ), $submission->errors() );
	}

	public function test_an_unreadable_certificate_keeps_the_saved_one(): void {
		$submission = new DarajaSubmission( self::submitted( array( 'daraja_certificate' => 'garbage' ) ), array_merge( self::STORED, array( 'daraja_certificate' => 'saved PEM' ) ) );
		$this->assertSame( 'saved PEM', $submission->settings()['daraja_certificate'] );
		$this->assertSame( array( 'daraja_certificate' => DarajaSubmission::ERROR_CERTIFICATE ), $submission->errors() );
	}

	public function test_a_readable_certificate_is_saved_as_clean_pem(): void {
		$key = openssl_pkey_new( array( 'private_key_bits' => 2048, 'private_key_type' => OPENSSL_KEYTYPE_RSA ) );
		$this->assertNotFalse( $key );
		$pem   = (string) openssl_pkey_get_details( $key )['key'];
		$saved = ( new DarajaSubmission( self::submitted( array( 'daraja_certificate' => str_replace( "\n", ' ', $pem ) ) ), self::STORED ) )->settings();
		$this->assertSame( $pem, $saved['daraja_certificate'] );
	}

	public function test_unknown_choices_fall_back(): void {
		$saved = ( new DarajaSubmission( self::submitted( array( 'provider' => 'mpesa-magic', 'daraja_environment' => 'live' ) ), self::STORED ) )->settings();
		$this->assertSame( 'daraja', $saved['provider'], 'the saved provider stays' );
		$this->assertSame( 'sandbox', $saved['daraja_environment'] );
		$this->assertSame( 'proxyapi', ( new DarajaSubmission( array( 'provider' => 'x' ), array() ) )->settings()['provider'] );
	}

	public function test_fields_not_submitted_are_left_alone(): void {
		$this->assertSame( array( 'title' => 'Lipa na M-Pesa' ), ( new DarajaSubmission( array( 'title' => 'Lipa na M-Pesa' ), self::STORED ) )->settings() );
	}
}
