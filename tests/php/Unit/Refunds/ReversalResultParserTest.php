<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Refunds;

use PayViaProxyApi\Refunds\MalformedReversalResult;
use PayViaProxyApi\Refunds\ReversalRecord;
use PayViaProxyApi\Refunds\ReversalResultParser;
use PHPUnit\Framework\TestCase;

final class ReversalResultParserTest extends TestCase {

	private static function body( array $result ): string {
		return (string) json_encode( array( 'Result' => $result ) );
	}

	public function test_reads_a_successful_reversal(): void {
		$result = ( new ReversalResultParser() )->parse(
			self::body(
				array(
					'ResultType'               => 0,
					'ResultCode'               => 0,
					'ResultDesc'               => 'The service request is processed successfully.',
					'OriginatorConversationID' => '71840-27539181-07',
					'ConversationID'           => 'AG_20260101_12345abcdef',
					'TransactionID'            => 'UKR9Z8Y7X6',
					'ResultParameters'         => array(
						'ResultParameter' => array(
							array( 'Key' => 'Amount', 'Value' => 100 ),
							array( 'Key' => 'OriginalTransactionID', 'Value' => 'UKA1B2C3D4' ),
						),
					),
					'ReferenceData'            => array( 'ReferenceItem' => array( 'Key' => 'QueueTimeoutURL', 'Value' => 'https://x' ) ),
				)
			)
		);
		$this->assertTrue( $result->is_success() );
		$this->assertSame( 'AG_20260101_12345abcdef', $result->conversation_id );
		$this->assertSame( '71840-27539181-07', $result->originator_conversation_id );
		$this->assertSame( 'UKR9Z8Y7X6', $result->reversal_receipt );
		$this->assertSame( 100.0, $result->amount );
	}

	public function test_reads_a_failure_with_a_string_code_and_a_single_parameter_object(): void {
		$result = ( new ReversalResultParser() )->parse(
			self::body(
				array(
					'ResultCode'       => 'R000002',
					'ResultDesc'       => 'The OriginalTransactionID is invalid. <script>x</script>',
					'ConversationID'   => 'AG_2',
					'TransactionID'    => 'UKR9Z8Y7X6',
					'ResultParameters' => array( 'ResultParameter' => array( 'Key' => 'Amount', 'Value' => '100' ) ),
				)
			)
		);
		$this->assertFalse( $result->is_success() );
		$this->assertSame( 'R000002', $result->result_code );
		$this->assertSame( 'The OriginalTransactionID is invalid. x', $result->result_desc );
		$this->assertSame( '', $result->reversal_receipt, 'a failure has no reversal receipt' );
		$this->assertSame( 100.0, $result->amount );
	}

	/**
	 * @return array<string, array{0: string}>
	 */
	public function malformed(): array {
		return array(
			'not JSON'            => array( 'nope' ),
			'no Result'           => array( '{"Body":{}}' ),
			'no ResultCode'       => array( self::body( array( 'ConversationID' => 'AG_1' ) ) ),
			'a float ResultCode'  => array( self::body( array( 'ResultCode' => 0.5, 'ConversationID' => 'AG_1' ) ) ),
			'no ConversationID'   => array( self::body( array( 'ResultCode' => 0 ) ) ),
			'odd ConversationID'  => array( self::body( array( 'ResultCode' => 0, 'ConversationID' => 'AG 1; drop' ) ) ),
			'too large'           => array( str_repeat( ' ', ReversalResultParser::MAX_BYTES + 1 ) ),
		);
	}

	/**
	 * @dataProvider malformed
	 */
	public function test_refuses_bodies_m_pesa_would_not_send( string $raw ): void {
		$this->expectException( MalformedReversalResult::class );
		( new ReversalResultParser() )->parse( $raw );
	}

	public function test_records_survive_storage_and_unknown_states_fall_back(): void {
		$record = new ReversalRecord( 7, str_repeat( 'a', 64 ), 100, 'UKA1B2C3D4', 'completed', 1767258000, ReversalRecord::REQUESTED, 'o', 'AG_1', true, '0', 'ok', 'UKR9Z8Y7X6', 1767258100 );
		$this->assertEquals( $record, ReversalRecord::from_array( $record->to_array() ) );
		$this->assertSame( ReversalRecord::REQUESTING, ReversalRecord::from_array( array( 'status' => 'weird' ) )->status );
		$this->assertFalse( $record->is_final() );
		$this->assertTrue( $record->has_pending_result() );
	}
}
