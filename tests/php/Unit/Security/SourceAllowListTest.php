<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Security;

use PayViaProxyApi\Security\CidrList;
use PayViaProxyApi\Security\ClientAddress;
use PayViaProxyApi\Security\SourceAllowList;
use PHPUnit\Framework\TestCase;

final class SourceAllowListTest extends TestCase {

	private function list( string $allowed, string $header = '' ): SourceAllowList {
		return new SourceAllowList( new CidrList( $allowed ), new ClientAddress( $header, new CidrList( ClientAddress::PRIVATE_NETWORKS ) ) );
	}

	public function test_an_empty_list_is_off_and_lets_every_caller_through(): void {
		$this->assertFalse( $this->list( '' )->is_active() );
		$this->assertNull( $this->list( '' )->refusal( '203.0.113.66', null ) );
		$this->assertNull( $this->list( " \n " )->refusal( 'garbage', null ) );
	}

	public function test_a_list_admits_its_networks_and_refuses_everyone_else_by_address(): void {
		$list = $this->list( "196.201.214.0/24\n2001:db8::/32" );
		$this->assertNull( $list->refusal( '196.201.214.200', null ) );
		$this->assertNull( $list->refusal( '2001:db8::5', null ) );
		$this->assertSame( 'the source address 203.0.113.66 is not on the callback allow-list', $list->refusal( '203.0.113.66', null ) );
	}

	public function test_behind_a_trusted_proxy_the_forwarded_client_is_checked(): void {
		$list = $this->list( '196.201.214.0/24', 'X-Forwarded-For' );
		$this->assertNull( $list->refusal( '127.0.0.1', '196.201.214.200' ) );
		$this->assertNotNull( $list->refusal( '127.0.0.1', '196.201.214.200, 203.0.113.66' ), 'a forged entry does not help' );
		$this->assertNotNull( $this->list( '196.201.214.0/24' )->refusal( '127.0.0.1', '196.201.214.200' ), 'no trusted header: the proxy itself is the caller' );
	}

	public function test_a_list_with_an_unreadable_entry_refuses_everything(): void {
		$list = $this->list( "196.201.214.0/24\n196.201.214.300" );
		$this->assertTrue( $list->is_active() );
		$this->assertStringContainsString( '196.201.214.300', (string) $list->refusal( '196.201.214.200', null ) );
	}

	public function test_an_unknowable_source_is_refused(): void {
		$this->assertSame( 'the source address could not be read from X-Forwarded-For', $this->list( '0.0.0.0/0', 'X-Forwarded-For' )->refusal( '127.0.0.1', 'unknown' ) );
		$this->assertNotNull( $this->list( '0.0.0.0/0' )->refusal( '', null ) );
	}
}
