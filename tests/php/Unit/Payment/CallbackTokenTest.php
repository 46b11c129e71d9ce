<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Payment;

use PayViaProxyApi\Payment\CallbackToken;
use PayViaProxyApi\Payment\RequestId;
use PHPUnit\Framework\TestCase;

final class CallbackTokenTest extends TestCase {

	private const SECRET = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

	public function test_a_minted_token_matches_its_stored_hash(): void {
		$token = CallbackToken::mint( self::SECRET, 42, 'K7QX2MNA4TZ9PLB' );
		$this->assertMatchesRegularExpression( '/^[a-f0-9]{64}$/', $token );
		$this->assertTrue( CallbackToken::matches( $token, CallbackToken::hash( $token ) ) );
	}

	public function test_tokens_differ_per_order_per_attempt_and_per_secret(): void {
		$base = CallbackToken::mint( self::SECRET, 42, 'K7QX2MNA4TZ9PLB' );
		$this->assertNotSame( $base, CallbackToken::mint( self::SECRET, 43, 'K7QX2MNA4TZ9PLB' ) );
		$this->assertNotSame( $base, CallbackToken::mint( self::SECRET, 42, 'K7QX2MNA4TZ9PLC' ) );
		$this->assertNotSame( $base, CallbackToken::mint( strrev( self::SECRET ), 42, 'K7QX2MNA4TZ9PLB' ) );
	}

	public function test_wrong_malformed_or_empty_tokens_never_match(): void {
		$token = CallbackToken::mint( self::SECRET, 42, 'K7QX2MNA4TZ9PLB' );
		$hash  = CallbackToken::hash( $token );
		$this->assertFalse( CallbackToken::matches( CallbackToken::mint( self::SECRET, 42, 'OTHER0000000000' ), $hash ) );
		$this->assertFalse( CallbackToken::matches( strtoupper( $token ), $hash ) );
		$this->assertFalse( CallbackToken::matches( '', $hash ) );
		$this->assertFalse( CallbackToken::matches( $hash, $hash ), 'the stored hash itself is not a valid token' );
		$this->assertFalse( CallbackToken::matches( $token, '' ) );
	}

	public function test_request_ids_are_fresh_and_use_the_unambiguous_alphabet(): void {
		$ids = array();
		for ( $i = 0; $i < 200; $i++ ) {
			$ids[] = RequestId::generate();
		}
		$this->assertCount( 200, array_unique( $ids ) );
		foreach ( $ids as $id ) {
			$this->assertMatchesRegularExpression( '/^[A-HJ-NP-Z1-9]{15}$/', $id );
			$this->assertTrue( RequestId::is_valid( $id ) );
		}
		$this->assertFalse( RequestId::is_valid( 'short' ) );
		$this->assertFalse( RequestId::is_valid( 'has space in it' ) );
	}
}
