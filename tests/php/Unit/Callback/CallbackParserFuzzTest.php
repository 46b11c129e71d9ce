<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Callback;

use PayViaProxyApi\Callback\CallbackParser;
use PayViaProxyApi\Callback\MalformedCallback;
use PayViaProxyApi\Payment\PaymentResult;
use PHPUnit\Framework\TestCase;

/**
 * Whatever the network sends, the parser answers with a PaymentResult or a MalformedCallback: never a PHP
 * warning, notice or TypeError (PHPUnit turns those into failures). Seeded, so a failure can be replayed.
 */
final class CallbackParserFuzzTest extends TestCase {

	private const SEED = 20261130;

	private const CASES = 3000;

	public function test_generated_bodies_parse_or_are_refused_cleanly(): void {
		mt_srand( self::SEED );
		$parser  = new CallbackParser();
		$refused = 0;
		for ( $i = 0; $i < self::CASES; $i++ ) {
			$body = $this->body();
			try {
				$this->assertInstanceOf( PaymentResult::class, $parser->parse( $body ) );
			} catch ( MalformedCallback $e ) {
				++$refused;
				$this->assertDoesNotMatchRegularExpression( '/\{|<script/', $e->getMessage(), 'the message never quotes the body' );
			}
		}
		$this->assertGreaterThan( self::CASES / 2, $refused, 'the generator mostly makes bad bodies' );
	}

	public function test_oversized_and_deeply_nested_bodies_are_refused(): void {
		$parser = new CallbackParser();
		foreach ( array( str_repeat( ' ', CallbackParser::MAX_BYTES + 1 ), str_repeat( '[', 5000 ) . str_repeat( ']', 5000 ), '{"Body":' . str_repeat( '{"a":', 50 ) . '1' . str_repeat( '}', 51 ) ) as $body ) {
			try {
				$parser->parse( $body );
				$this->fail( 'refused' );
			} catch ( MalformedCallback $e ) {
				$this->assertNotSame( '', $e->getMessage() );
			}
		}
	}

	/**
	 * @return string A body: valid callbacks with one field broken, or random JSON, or noise.
	 */
	private function body(): string {
		switch ( mt_rand( 0, 4 ) ) {
			case 0:
				return $this->noise();
			case 1:
				return (string) json_encode( $this->value( 4 ) );
			default:
				return (string) json_encode( $this->mutated( $this->plausible_callback() ) );
		}
	}

	/**
	 * @return array<string, mixed> A plausible callback of either shape.
	 */
	private function plausible_callback(): array {
		if ( mt_rand( 0, 1 ) ) {
			return array(
				'Body' => array(
					'stkCallback' => array(
						'MerchantRequestID' => '29115-34620561-1',
						'CheckoutRequestID' => 'ws_CO_01012026030000512712345678',
						'ResultCode'        => mt_rand( 0, 1 ) ? 0 : 1032,
						'ResultDesc'        => 'The service request is processed successfully.',
						'CallbackMetadata'  => array(
							'Item' => array(
								array( 'Name' => 'Amount', 'Value' => 100 ),
								array( 'Name' => 'MpesaReceiptNumber', 'Value' => 'UKA1B2C3D4' ),
								array( 'Name' => 'Balance' ),
								array( 'Name' => 'TransactionDate', 'Value' => 20260101120112 ),
								array( 'Name' => 'PhoneNumber', 'Value' => 254712345678 ),
							),
						),
					),
				),
			);
		}
		return array(
			'Body' => array(
				'pvpCallback' => array(
					'RequestID'         => 'K7QX2MNA4TZ9PLB',
					'CheckoutRequestID' => 'ws_CO_01012026030000512712345678',
					'CallbackMetadata'  => array(
						'TransactionID'   => 'UKA1B2C3D4',
						'TransactionTime' => '20260101120112',
						'SenderMSISDN'    => '254712345678',
						'SenderFirstName' => 'Jane',
						'SenderLastName'  => 'Doe',
						'DueDate'         => 1769904000,
					),
				),
			),
		);
	}

	/**
	 * @param array<mixed> $data A callback.
	 * @return array<mixed> The same with one value anywhere replaced, removed or joined by an extra field.
	 */
	private function mutated( array $data ): array {
		$keys = array_keys( $data );
		$key  = $keys[ mt_rand( 0, count( $keys ) - 1 ) ];
		$roll = mt_rand( 0, 9 );
		if ( is_array( $data[ $key ] ) && $roll < 6 ) {
			$data[ $key ] = $this->mutated( $data[ $key ] );
		} elseif ( 6 === $roll ) {
			unset( $data[ $key ] );
		} elseif ( 7 === $roll ) {
			$data[ 'Extra' . mt_rand( 0, 9 ) ] = $this->value( 2 );
		} else {
			$data[ $key ] = $this->value( 2 );
		}
		return $data;
	}

	/**
	 * @param int $depth How deep arrays may go.
	 * @return mixed A random JSON value.
	 */
	private function value( int $depth ): mixed {
		$scalars = array( null, true, false, 0, -1, 1.5, 1e300, PHP_INT_MAX, '', '0', 'UKA1B2C3D4', '<script>alert(1)</script>', str_repeat( 'x', 600 ), "\u{202E}\u{0000}", '1032', 'SFC_IC0003' );
		if ( $depth <= 0 || mt_rand( 0, 2 ) ) {
			return $scalars[ mt_rand( 0, count( $scalars ) - 1 ) ];
		}
		$items = array();
		for ( $i = mt_rand( 0, 3 ); $i > 0; $i-- ) {
			if ( mt_rand( 0, 1 ) ) {
				$items[] = $this->value( $depth - 1 );
			} else {
				$items[ array( 'Body', 'stkCallback', 'pvpCallback', 'Item', 'Name', 'Value', 'CallbackMetadata' )[ mt_rand( 0, 6 ) ] ] = $this->value( $depth - 1 );
			}
		}
		return $items;
	}

	/**
	 * @return string Bytes that are mostly not JSON.
	 */
	private function noise(): string {
		$pieces = array( '', '{', '}', '[', ']', '"', 'null', '{"Body":', '\\u0000', "\xff\xfe", '<xml/>', '1e999', ',' );
		$text   = '';
		for ( $i = mt_rand( 0, 12 ); $i > 0; $i-- ) {
			$text .= $pieces[ mt_rand( 0, count( $pieces ) - 1 ) ];
		}
		return $text;
	}
}
