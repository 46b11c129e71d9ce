<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Integration;

use PayViaProxyApi\Provider\Daraja\WpDarajaTransport;
use PayViaProxyApi\Provider\ProviderException;
use PayViaProxyApi\Provider\WpHttpClient;
use PHPUnit\Framework\TestCase;

/**
 * Our provider requests verify TLS even when a site filter switches verification off, and other requests
 * keep what the site chose. What is asserted is what WordPress hands the Requests library (its
 * `requests.before_request` hook sees the final options, after every WordPress filter).
 */
final class SecurityTlsTest extends TestCase {

	/** Nothing listens here: the request fails at once, after WordPress has settled its options. */
	private const URL = 'https://127.0.0.1:1/pvp/lnm';

	/** @var array<int, array{url: string, verify: mixed, verifyname: mixed}> */
	private array $seen = array();

	/** @var array<int, array{0: string, 1: callable, 2: int, 3: int}> Site filters installed by a test. */
	private array $site_filters = array();

	private \Closure $capture;

	protected function setUp(): void {
		parent::setUp();
		$this->capture = function ( $url, $headers, $data, $type, $options ): void {
			unset( $headers, $data, $type );
			$this->seen[] = array(
				'url'        => (string) $url,
				'verify'     => $options['verify'] ?? null,
				'verifyname' => $options['verifyname'] ?? null,
			);
		};
		add_action( 'requests-requests.before_request', $this->capture, 10, 5 );
	}

	protected function tearDown(): void {
		remove_action( 'requests-requests.before_request', $this->capture, 10 );
		foreach ( $this->site_filters as $filter ) {
			remove_filter( $filter[0], $filter[1], $filter[2] );
		}
		parent::tearDown();
	}

	/**
	 * @return array<string, array{0: string}>
	 */
	public static function sabotage(): array {
		return array(
			'https_ssl_verify returns false'              => array( 'https_ssl_verify' ),
			'https_ssl_verify returns false, run last'    => array( 'https_ssl_verify_last' ),
			'http_request_args sets sslverify to false'   => array( 'http_request_args' ),
		);
	}

	/**
	 * @dataProvider sabotage
	 */
	public function test_proxyapi_requests_verify_tls_whatever_the_site_filters_say( string $sabotage ): void {
		$this->install( $sabotage );

		$this->send_proxyapi();

		$this->assertVerified( $this->only_request() );
	}

	/**
	 * @dataProvider sabotage
	 */
	public function test_daraja_requests_verify_tls_whatever_the_site_filters_say( string $sabotage ): void {
		$this->install( $sabotage );

		$this->send_daraja();

		$this->assertVerified( $this->only_request() );
	}

	public function test_other_requests_keep_the_site_s_choice(): void {
		$this->install( 'https_ssl_verify' );
		$this->send_proxyapi();
		$this->send_daraja();

		wp_remote_get( self::URL, array( 'timeout' => 2 ) );

		$this->assertCount( 3, $this->seen );
		$this->assertFalse( $this->seen[2]['verify'], 'the guard was removed after our requests' );
	}

	public function test_without_site_filters_our_requests_use_wordpress_s_ca_bundle(): void {
		$this->send_proxyapi();

		$request = $this->only_request();
		$this->assertIsString( $request['verify'] );
		$this->assertStringEndsWith( 'ca-bundle.crt', $request['verify'] );
	}

	private function install( string $sabotage ): void {
		$filter = match ( $sabotage ) {
			'https_ssl_verify'      => array( 'https_ssl_verify', '__return_false', 10, 1 ),
			'https_ssl_verify_last' => array( 'https_ssl_verify', '__return_false', PHP_INT_MAX, 1 ),
			'http_request_args'     => array( 'http_request_args', static fn ( array $args ): array => array_merge( $args, array( 'sslverify' => false ) ), PHP_INT_MAX, 1 ),
		};
		add_filter( ...$filter );
		$this->site_filters[] = $filter;
	}

	private function send_proxyapi(): void {
		try {
			( new WpHttpClient() )->post_json( self::URL, array( 'RequestID' => 'tls-test' ), 2 );
			$this->fail( 'nothing listens at ' . self::URL );
		} catch ( ProviderException $e ) {
			$this->assertSame( ProviderException::TRANSPORT, $e->kind );
		}
	}

	private function send_daraja(): void {
		try {
			( new WpDarajaTransport() )->send( 'GET', self::URL, array( 'Authorization' => 'Basic dGxzOnRlc3Q=' ), null, 2 );
			$this->fail( 'nothing listens at ' . self::URL );
		} catch ( ProviderException $e ) {
			$this->assertSame( ProviderException::TRANSPORT, $e->kind );
		}
	}

	/**
	 * @return array{url: string, verify: mixed, verifyname: mixed}
	 */
	private function only_request(): array {
		$this->assertCount( 1, $this->seen, 'one request reached the Requests library' );
		$this->assertSame( self::URL, $this->seen[0]['url'] );
		return $this->seen[0];
	}

	/**
	 * @param array{url: string, verify: mixed, verifyname: mixed} $request What Requests was given.
	 */
	private function assertVerified( array $request ): void {
		$this->assertTrue( true === $request['verify'] || ( is_string( $request['verify'] ) && '' !== $request['verify'] ), 'the peer certificate is verified' );
		$this->assertNotFalse( $request['verifyname'], 'the host name is verified' );
	}
}
