<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Security;

use PayViaProxyApi\Security\CidrList;
use PayViaProxyApi\Security\ClientAddress;
use PHPUnit\Framework\TestCase;

final class ClientAddressTest extends TestCase {

	private function behind( string $header, string $extra_proxies = '' ): ClientAddress {
		return new ClientAddress( $header, new CidrList( ClientAddress::PRIVATE_NETWORKS . ' ' . $extra_proxies ) );
	}

	public function test_without_a_trusted_header_only_the_peer_counts(): void {
		$client = $this->behind( '' );
		$this->assertSame( '196.201.214.200', $client->resolve( '196.201.214.200', '1.2.3.4' ) );
		$this->assertSame( '10.0.0.5', $client->resolve( '10.0.0.5', '196.201.214.200' ), 'a header is ignored when the admin trusts none' );
		$this->assertNull( $client->resolve( 'not-an-address', null ) );
	}

	public function test_behind_a_proxy_the_right_most_address_that_is_not_ours_is_the_client(): void {
		$client = $this->behind( 'X-Forwarded-For' );
		$this->assertSame( '196.201.214.200', $client->resolve( '127.0.0.1', '196.201.214.200' ) );
		$this->assertSame( '196.201.214.200', $client->resolve( '10.0.0.2', '196.201.214.200, 10.0.0.1' ), 'chained internal proxies are skipped' );
	}

	public function test_addresses_a_caller_prepends_are_ignored(): void {
		$client = $this->behind( 'X-Forwarded-For' );
		// The caller sent "X-Forwarded-For: 196.201.214.200"; our proxy appended the caller's real address.
		$this->assertSame( '203.0.113.66', $client->resolve( '127.0.0.1', '196.201.214.200, 203.0.113.66' ) );
		// A forged private address to the left does not hide the caller either.
		$this->assertSame( '203.0.113.66', $client->resolve( '127.0.0.1', '10.0.0.9, 203.0.113.66' ) );
	}

	public function test_a_header_from_a_peer_that_is_not_our_proxy_is_not_believed(): void {
		// Misconfiguration: header named, but the site is reached directly. The caller controls the header.
		$client = $this->behind( 'X-Forwarded-For' );
		$this->assertSame( '203.0.113.66', $client->resolve( '203.0.113.66', '196.201.214.200' ) );
	}

	public function test_public_proxies_count_as_ours_only_when_listed(): void {
		$cdn = '198.51.100.0/24';
		$this->assertSame( '198.51.100.10', $this->behind( 'CF-Connecting-IP' )->resolve( '198.51.100.10', '196.201.214.200' ) );
		$this->assertSame( '196.201.214.200', $this->behind( 'CF-Connecting-IP', $cdn )->resolve( '198.51.100.10', '196.201.214.200' ) );
	}

	public function test_rfc_7239_forwarded_and_ports_and_brackets_are_read(): void {
		$client = $this->behind( 'Forwarded' );
		$this->assertSame( '196.201.214.200', $client->resolve( '127.0.0.1', 'for=196.201.214.200;proto=https;by=10.0.0.1' ) );
		$this->assertSame( '2001:db8::17', $client->resolve( '::1', 'for=192.0.2.43, for="[2001:db8::17]:4711"' ) );
		$this->assertSame( '196.201.214.200', $this->behind( 'X-Forwarded-For' )->resolve( '127.0.0.1', '196.201.214.200:51234' ) );
	}

	public function test_garbage_where_the_client_should_be_gives_no_address(): void {
		$client = $this->behind( 'X-Forwarded-For' );
		$this->assertNull( $client->resolve( '127.0.0.1', 'unknown' ) );
		$this->assertNull( $client->resolve( '127.0.0.1', '196.201.214.200, ' ) );
		$this->assertSame( '203.0.113.66', $client->resolve( '127.0.0.1', 'garbage, 203.0.113.66' ), 'garbage left of the client is never read' );
	}

	public function test_a_request_that_never_left_the_site_network_is_its_origin(): void {
		$this->assertSame( '10.0.0.9', $this->behind( 'X-Forwarded-For' )->resolve( '127.0.0.1', '10.0.0.9' ) );
		$this->assertSame( '127.0.0.1', $this->behind( 'X-Forwarded-For' )->resolve( '127.0.0.1', null ), 'no header: the peer' );
	}
}
