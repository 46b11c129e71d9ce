<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Provider\Daraja;

use PayViaProxyApi\Provider\Daraja\DarajaConfig;
use PHPUnit\Framework\TestCase;

final class DarajaConfigTest extends TestCase {

	public function test_a_complete_paybill_and_till_can_take_payments(): void {
		$this->assertTrue( Configs::paybill()->can_take_payments() );
		$this->assertFalse( Configs::paybill()->is_till() );
		$this->assertSame( '174379', Configs::paybill()->receiver() );
		$this->assertTrue( Configs::till()->can_take_payments() );
		$this->assertSame( '600990', Configs::till()->receiver() );
	}

	public function test_names_what_is_missing_or_malformed(): void {
		$config = new DarajaConfig( DarajaConfig::SANDBOX, 'https://x.test', '', '', '17437', '', '12' );
		$this->assertSame( array( 'consumer key', 'consumer secret', 'passkey', 'till number' ), $config->payment_problems() );
		$this->assertSame( array( 'business shortcode' ), ( new DarajaConfig( DarajaConfig::SANDBOX, 'https://x.test', 'k', 's', '1743', 'p' ) )->payment_problems() );
	}

	public function test_reversals_also_need_the_initiator_and_the_certificate(): void {
		$this->assertFalse( Configs::paybill()->can_reverse() );
		$this->assertTrue( Configs::paybill( '-----BEGIN PUBLIC KEY-----' )->can_reverse() );
	}
}
