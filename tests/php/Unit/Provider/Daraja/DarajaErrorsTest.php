<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Provider\Daraja;

use PayViaProxyApi\Provider\Daraja\DarajaErrors;
use PayViaProxyApi\Provider\HttpResponse;
use PayViaProxyApi\Provider\ProviderException;
use PHPUnit\Framework\TestCase;

final class DarajaErrorsTest extends TestCase {

	public function test_reads_the_error_shape(): void {
		$this->assertSame(
			array( 'code' => '400.002.02', 'message' => 'Bad Request - Invalid PhoneNumber' ),
			DarajaErrors::read( FakeTransport::error( 400, '400.002.02', 'Bad Request - Invalid PhoneNumber' ) )
		);
		$this->assertNull( DarajaErrors::read( new HttpResponse( 502, '<html>Bad gateway</html>' ) ) );
		$this->assertNull( DarajaErrors::read( FakeTransport::json( 400, array( 'errorCode' => 'DROP TABLE' ) ) ) );
	}

	public function test_recognises_an_invalid_token_and_a_transaction_still_being_processed(): void {
		$this->assertTrue( DarajaErrors::is_invalid_token( FakeTransport::error( 404, '404.001.03', 'Invalid Access Token' ) ) );
		$this->assertFalse( DarajaErrors::is_invalid_token( FakeTransport::error( 404, '404.001.01', 'Resource not found' ) ) );
		$this->assertTrue( DarajaErrors::is_being_processed( FakeTransport::error( 500, '500.001.1001', 'The transaction is being processed' ) ) );
		$this->assertFalse( DarajaErrors::is_being_processed( FakeTransport::error( 500, '500.001.1001', 'Wrong credentials' ) ), 'the same code for bad credentials is a refusal' );
	}

	/**
	 * @return array<string, array{0: HttpResponse, 1: string, 2: string}>
	 */
	public function refusals(): array {
		return array(
			'bad field'          => array( FakeTransport::error( 400, '400.002.02', 'Bad Request - Invalid AccountReference' ), ProviderException::REJECTED, 'Daraja refused the payment request: Bad Request - Invalid AccountReference (400.002.02).' ),
			'wrong credentials'  => array( FakeTransport::error( 500, '500.001.1001', 'Wrong credentials' ), ProviderException::REJECTED, 'Daraja refused the payment request: Wrong credentials (500.001.1001).' ),
			'spike arrest'       => array( FakeTransport::error( 500, '500.003.02', 'Error Occurred: Spike Arrest Violation' ), ProviderException::REJECTED, 'Daraja refused the payment request: Error Occurred: Spike Arrest Violation (500.003.02).' ),
			'internal error'     => array( FakeTransport::error( 500, '500.003.1001', 'Internal Server Error' ), ProviderException::INVALID_RESPONSE, 'Daraja refused the payment request: Internal Server Error (500.003.1001).' ),
			'html page'          => array( new HttpResponse( 503, '<html>down</html>' ), ProviderException::INVALID_RESPONSE, 'Daraja sent an answer to the payment request that could not be read (HTTP 503).' ),
			'markup and a phone' => array( FakeTransport::error( 400, '400.002.02', '<b>Invalid</b> PhoneNumber 254712345678' ), ProviderException::REJECTED, 'Daraja refused the payment request: Invalid PhoneNumber 2547****5678 (400.002.02).' ),
		);
	}

	/**
	 * @dataProvider refusals
	 */
	public function test_maps_refusals_to_provider_exceptions_with_darajas_words( HttpResponse $response, string $kind, string $message ): void {
		$e = DarajaErrors::exception( $response, 'the payment request' );
		$this->assertSame( $kind, $e->kind );
		$this->assertSame( $message, $e->getMessage() );
	}
}
