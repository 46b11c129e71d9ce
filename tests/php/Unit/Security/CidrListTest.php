<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Security;

use PayViaProxyApi\Security\CidrList;
use PHPUnit\Framework\TestCase;

final class CidrListTest extends TestCase {

	public function test_an_ipv4_network_holds_exactly_its_addresses(): void {
		$list = new CidrList( '196.201.214.0/24' );
		$this->assertTrue( $list->contains( '196.201.214.0' ) );
		$this->assertTrue( $list->contains( '196.201.214.200' ) );
		$this->assertTrue( $list->contains( '196.201.214.255' ) );
		$this->assertFalse( $list->contains( '196.201.215.0' ) );
		$this->assertFalse( $list->contains( '196.201.213.255' ) );
	}

	public function test_prefixes_that_do_not_end_on_a_byte_boundary_are_exact(): void {
		$list = new CidrList( '172.16.0.0/12 10.1.2.3/31' );
		$this->assertTrue( $list->contains( '172.31.255.255' ) );
		$this->assertFalse( $list->contains( '172.32.0.0' ) );
		$this->assertFalse( $list->contains( '172.15.255.255' ) );
		$this->assertTrue( $list->contains( '10.1.2.2' ) );
		$this->assertTrue( $list->contains( '10.1.2.3' ) );
		$this->assertFalse( $list->contains( '10.1.2.4' ) );
	}

	public function test_a_single_address_is_a_network_of_one(): void {
		$list = new CidrList( '203.0.113.7' );
		$this->assertTrue( $list->contains( '203.0.113.7' ) );
		$this->assertFalse( $list->contains( '203.0.113.8' ) );
	}

	public function test_ipv6_networks_and_addresses_match_in_any_written_form(): void {
		$list = new CidrList( "2001:db8::/32\n::1" );
		$this->assertTrue( $list->contains( '2001:0db8:0000:0000:0000:0000:0000:0001' ) );
		$this->assertTrue( $list->contains( '2001:db8:ffff::1' ) );
		$this->assertFalse( $list->contains( '2001:db9::1' ) );
		$this->assertTrue( $list->contains( '0:0:0:0:0:0:0:1' ) );
		$this->assertFalse( $list->contains( '::2' ) );
	}

	public function test_ipv4_and_ipv6_never_match_each_other_except_mapped_addresses(): void {
		$list = new CidrList( '0.0.0.0/0' );
		$this->assertTrue( $list->contains( '8.8.8.8' ) );
		$this->assertFalse( $list->contains( '2001:db8::1' ), 'an IPv4 catch-all does not admit IPv6' );
		$this->assertTrue( $list->contains( '::ffff:8.8.8.8' ), 'an IPv4-mapped IPv6 address is that IPv4 address' );
		$this->assertFalse( ( new CidrList( '::/0' ) )->contains( '8.8.8.8' ) );
	}

	public function test_entries_may_be_separated_by_commas_spaces_and_lines(): void {
		$list = new CidrList( " 1.1.1.1, 2.2.2.0/24;\n\n  3.3.3.3 \r\n" );
		$this->assertSame( array( '1.1.1.1', '2.2.2.0/24', '3.3.3.3' ), CidrList::entries( " 1.1.1.1, 2.2.2.0/24;\n\n  3.3.3.3 \r\n" ) );
		$this->assertTrue( $list->contains( '2.2.2.9' ) );
		$this->assertSame( array(), $list->invalid_entries() );
	}

	public function test_anything_that_is_not_exactly_an_address_or_network_is_reported_not_guessed(): void {
		$bad  = array( '1.2.3', '1.2.3.4/33', '::1/129', '1.2.3.4/24/1', 'example.com', '1.2.3.4/-1', '1.2.3.4/', 'fe80::1%eth0', '[::1]', '256.1.1.1', '1.2.3.4/08x', '8' );
		$list = new CidrList( implode( "\n", $bad ) );
		$this->assertSame( $bad, $list->invalid_entries() );
		$this->assertTrue( $list->is_empty() );
		$this->assertFalse( $list->contains( '1.2.3.4' ) );
	}

	public function test_an_empty_list_holds_nothing_and_bad_addresses_never_match(): void {
		$this->assertTrue( ( new CidrList( '' ) )->is_empty() );
		$list = new CidrList( '0.0.0.0/0 ::/0' );
		foreach ( array( '', 'localhost', '1.2.3.4.5', '::g', '1.2.3.4:80', ' 1.2.3.4' ) as $garbage ) {
			$this->assertFalse( $list->contains( $garbage ), $garbage );
		}
	}
}
