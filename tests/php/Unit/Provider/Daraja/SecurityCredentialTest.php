<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Provider\Daraja;

use PayViaProxyApi\Provider\Daraja\SecurityCredential;
use PHPUnit\Framework\TestCase;

/**
 * A throwaway key pair (and a self-signed certificate, as Safaricom issues one) made in the test: the
 * credential decrypts, with the private key, to the initiator password.
 */
final class SecurityCredentialTest extends TestCase {

	/** @var \OpenSSLAsymmetricKey */
	private static $private_key;

	private static string $certificate = '';

	private static string $public_key;

	public static function setUpBeforeClass(): void {
		$key = openssl_pkey_new( array( 'private_key_bits' => 2048, 'private_key_type' => OPENSSL_KEYTYPE_RSA ) );
		self::assertNotFalse( $key );
		self::$private_key = $key;
		$csr               = openssl_csr_new( array( 'commonName' => 'sandbox.safaricom.test' ), $key );
		self::assertNotFalse( $csr );
		$cert = openssl_csr_sign( $csr, null, $key, 1 );
		self::assertNotFalse( $cert );
		openssl_x509_export( $cert, self::$certificate );
		self::$public_key = (string) openssl_pkey_get_details( $key )['key'];
	}

	private static function decrypt( string $credential ): string {
		$plain = '';
		self::assertTrue( openssl_private_decrypt( (string) base64_decode( $credential, true ), $plain, self::$private_key, OPENSSL_PKCS1_PADDING ) );
		return $plain;
	}

	public function test_encrypts_the_password_with_the_certificate(): void {
		$credential = SecurityCredential::encrypt( 'Safaricom999!*!', self::$certificate );
		$this->assertMatchesRegularExpression( '/^[A-Za-z0-9+\/]+={0,2}$/', $credential );
		$this->assertSame( 344, strlen( $credential ), 'one 2048-bit RSA block, base64' );
		$this->assertSame( 'Safaricom999!*!', self::decrypt( $credential ) );
	}

	public function test_a_public_key_works_as_well(): void {
		$this->assertSame( 'pw-1', self::decrypt( SecurityCredential::encrypt( 'pw-1', self::$public_key ) ) );
	}

	public function test_is_made_fresh_for_each_request(): void {
		$this->assertNotSame( SecurityCredential::encrypt( 'pw', self::$certificate ), SecurityCredential::encrypt( 'pw', self::$certificate ), 'PKCS #1 v1.5 padding is random' );
	}

	public function test_a_certificate_pasted_without_line_breaks_is_rebuilt(): void {
		$flattened = str_replace( "\n", ' ', self::$certificate );
		$this->assertTrue( SecurityCredential::is_readable( $flattened ) );
		$this->assertSame( 'pw-2', self::decrypt( SecurityCredential::encrypt( 'pw-2', $flattened ) ) );
		$this->assertSame( self::$certificate, SecurityCredential::pem( $flattened ) );
	}

	public function test_refuses_an_unreadable_certificate_or_an_empty_password(): void {
		$this->assertFalse( SecurityCredential::is_readable( 'not a certificate' ) );
		foreach ( array( array( 'pw', 'not a certificate' ), array( 'pw', "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n" ), array( '', self::$certificate ) ) as [ $password, $certificate ] ) {
			try {
				SecurityCredential::encrypt( $password, $certificate );
				$this->fail( 'expected a refusal' );
			} catch ( \InvalidArgumentException $e ) {
				$this->assertStringNotContainsString( 'pw', $e->getMessage() );
			}
		}
	}
}
