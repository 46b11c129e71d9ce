<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Logging;

use PayViaProxyApi\Logging\Redactor;
use PHPUnit\Framework\TestCase;

final class RedactorTest extends TestCase {

	public function test_masks_phone_numbers_in_every_written_form(): void {
		$this->assertSame( 'to 2547****5678, 2541****5678 and 2547****4149', Redactor::text( 'to 0712345678, +254112345678 and 254708374149' ) );
	}

	public function test_hides_api_keys_and_tokens_in_text(): void {
		$text = Redactor::text( 'key 1700000000-LocalStoreSimulator1 url /callbacks/1/' . str_repeat( 'ab', 32 ) );
		$this->assertStringNotContainsString( 'LocalStoreSimulator1', $text );
		$this->assertStringNotContainsString( str_repeat( 'ab', 32 ), $text );
	}

	public function test_drops_secret_keys_and_scrubs_nested_values(): void {
		$clean = Redactor::context(
			array(
				'ApiKey'  => 'anything at all',
				'nested'  => array( 'password' => 'p', 'phone' => '0712345678' ),
				'msisdn'  => 254712345678,
				'count'   => 3,
			)
		);
		$this->assertSame( '[redacted]', $clean['ApiKey'] );
		$this->assertSame( '[redacted]', $clean['nested']['password'] );
		$this->assertSame( '2547****5678', $clean['nested']['phone'] );
		$this->assertSame( '2547****5678', $clean['msisdn'] );
		$this->assertSame( 3, $clean['count'] );
	}

	public function test_masks_phone_numbers_written_with_spaces_or_hyphens(): void {
		$this->assertSame( 'to 2547****5678, 2547****5678 and 2541****5678', Redactor::text( 'to 0712 345 678, +254 712-345-678 and 254-112 345 678' ) );
	}

	public function test_leaves_numbers_that_only_contain_a_phone_shaped_run_alone(): void {
		$this->assertSame( 'date 20260101120112, id ws_CO_01012026030000512712345678, amount 100', Redactor::text( 'date 20260101120112, id ws_CO_01012026030000512712345678, amount 100' ) );
	}

	public function test_hides_known_secrets_whatever_their_shape(): void {
		$this->assertSame( 'key [secret] and [secret]!', Redactor::text( 'key sk-live-OTHER-SHAPE-1234 and sk-live-OTHER-SHAPE-1234!', array( 'sk-live-OTHER-SHAPE-1234' ) ) );
		$this->assertSame( array( 'note' => 'with [secret] inside' ), Redactor::context( array( 'note' => 'with sk-live-OTHER-SHAPE-1234 inside' ), array( 'sk-live-OTHER-SHAPE-1234' ) ) );
		$this->assertSame( 'short abc stays', Redactor::text( 'short abc stays', array( 'abc', '' ) ), 'too short to be a credential' );
	}
}
