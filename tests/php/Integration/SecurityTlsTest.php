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

	/** @var resource|null The self-signed TLS server (fixtures/tls-server.php). */
	private $server = null;

	private string $pem = '';

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
		if ( is_resource( $this->server ) ) {
			proc_terminate( $this->server );
			proc_close( $this->server );
		}
		if ( '' !== $this->pem ) {
			unlink( $this->pem ); // phpcs:ignore WordPress.WP.AlternativeFunctions.unlink_unlink -- our own temporary file.
		}
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

	/**
	 * @return array<string, array{0: string[]}>
	 */
	public static function sabotage_on_the_wire(): array {
		return array(
			'https_ssl_verify returns false'            => array( array( 'https_ssl_verify_last' ) ),
			'http_request_args sets sslverify to false' => array( array( 'http_request_args' ) ),
			'http_api_curl switches cURL checks off'    => array( array( 'http_api_curl' ) ),
			'all three'                                 => array( array( 'https_ssl_verify_last', 'http_request_args', 'http_api_curl' ) ),
		);
	}

	/**
	 * End to end, over a real TLS connection to a server with a self-signed certificate: the site's own
	 * requests connect (the sabotage works), ours refuse the certificate.
	 *
	 * @dataProvider sabotage_on_the_wire
	 * @param string[] $sabotage Site filters to install.
	 */
	public function test_a_server_with_an_untrusted_certificate_is_refused_whatever_the_site_switched_off( array $sabotage ): void {
		$url = $this->start_tls_server();
		foreach ( $sabotage as $filter ) {
			$this->install( $filter );
		}

		$theirs = wp_remote_post( $url, array( 'timeout' => 5, 'body' => '{}' ) );
		$this->assertSame( 200, wp_remote_retrieve_response_code( $theirs ), 'the site\'s own request accepts the certificate: ' . ( is_wp_error( $theirs ) ? $theirs->get_error_message() : '' ) );

		foreach ( array( 'ProxyAPI' => fn () => ( new WpHttpClient() )->post_json( $url, array(), 5 ), 'Daraja' => fn () => ( new WpDarajaTransport() )->send( 'GET', $url, array(), null, 5 ) ) as $client => $send ) {
			try {
				$send();
				$this->fail( $client . ': a request to a server with a self-signed certificate got an answer' );
			} catch ( ProviderException $e ) {
				$this->assertSame( ProviderException::TRANSPORT, $e->kind, $client );
				$this->assertMatchesRegularExpression( '/SSL|certificate/i', $e->getMessage(), $client );
			}
		}
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
			'http_api_curl'         => array(
				'http_api_curl',
				static function ( $handle ): void {
					curl_setopt( $handle, CURLOPT_SSL_VERIFYPEER, false );
					curl_setopt( $handle, CURLOPT_SSL_VERIFYHOST, 0 );
				},
				PHP_INT_MAX,
				1,
			),
		};
		add_filter( ...$filter );
		$this->site_filters[] = $filter;
	}

	/**
	 * @return string The https URL of a fresh local server whose certificate nobody trusts.
	 */
	private function start_tls_server(): string {
		$key  = openssl_pkey_new( array( 'private_key_bits' => 2048 ) );
		$cert = openssl_csr_sign( openssl_csr_new( array( 'commonName' => '127.0.0.1' ), $key ), null, $key, 1 );
		openssl_x509_export( $cert, $cert_pem );
		openssl_pkey_export( $key, $key_pem );
		$this->pem = (string) tempnam( sys_get_temp_dir(), 'pvp-tls-test' );
		file_put_contents( $this->pem, $cert_pem . $key_pem );

		// A free port: bind to 0 and let the system choose, then hand it to the server.
		$probe = stream_socket_server( 'tcp://127.0.0.1:0' );
		$port  = (int) substr( (string) strrchr( (string) stream_socket_get_name( $probe, false ), ':' ), 1 );
		fclose( $probe );

		$quiet        = array( 'file', '/dev/null', 'w' );
		$this->server = proc_open( array( PHP_BINARY, __DIR__ . '/fixtures/tls-server.php', (string) $port, $this->pem ), array( 0 => array( 'file', '/dev/null', 'r' ), 1 => $quiet, 2 => $quiet ), $pipes );
		$this->assertIsResource( $this->server );
		// Wait until it listens (a plain TCP knock; the server drops it and waits for the next).
		for ( $tries = 0; $tries < 50; $tries++ ) {
			$knock = @fsockopen( '127.0.0.1', $port, $errno, $errstr, 0.2 ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged
			if ( false !== $knock ) {
				fclose( $knock );
				break;
			}
			usleep( 100000 );
		}
		$this->assertNotFalse( $knock, 'the TLS server listens' );
		return 'https://127.0.0.1:' . $port . '/pvp/lnm';
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
