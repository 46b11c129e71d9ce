<?php
/**
 * Daraja's Reversal API: POST /mpesa/reversal/v1/request.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Provider\Daraja;

use PayViaProxyApi\Provider\ProviderException;

/**
 * Asks M-Pesa to reverse one payment (in full: reversals return the whole transaction). M-Pesa answers at
 * once that it accepted the request; the outcome is posted later to the ResultURL.
 */
final class ReversalClient {

	private const TIMEOUT = 30;

	/** "Organisation short code", the identifier type Daraja's reversal documentation gives for the receiver. */
	private const RECEIVER_TYPE = '11';

	/**
	 * @param DarajaConnection $api Authorised calls.
	 */
	public function __construct( private DarajaConnection $api ) {
	}

	/**
	 * @param string $receipt    M-Pesa receipt of the payment (its TransactionID).
	 * @param int    $amount     Whole shillings paid.
	 * @param string $result_url Where M-Pesa posts the result (carries the refund's token).
	 * @param string $remarks    Up to 100 characters, kept by M-Pesa.
	 * @return ReversalAccepted
	 * @throws ProviderException When M-Pesa did not accept the request (or the settings are incomplete).
	 */
	public function reverse( string $receipt, int $amount, string $result_url, string $remarks ): ReversalAccepted {
		$config = $this->api->config();
		if ( ! $config->can_reverse() ) {
			throw new ProviderException( ProviderException::REJECTED, 'Refunds through M-Pesa need the Daraja initiator name, initiator password and Safaricom certificate in the settings.' );
		}
		try {
			$credential = SecurityCredential::encrypt( $config->initiator_password, $config->certificate );
		} catch ( \InvalidArgumentException $e ) {
			throw new ProviderException( ProviderException::REJECTED, $e->getMessage() );
		}
		$response = $this->api->post(
			'/mpesa/reversal/v1/request',
			array(
				'Initiator'              => $config->initiator_name,
				'SecurityCredential'     => $credential,
				'CommandID'              => 'TransactionReversal',
				'TransactionID'          => $receipt,
				'Amount'                 => $amount,
				'ReceiverParty'          => (int) $config->receiver(),
				// Daraja's own spelling.
				'RecieverIdentifierType' => self::RECEIVER_TYPE,
				'ResultURL'              => $result_url,
				'QueueTimeOutURL'        => $result_url,
				'Remarks'                => mb_substr( $remarks, 0, 100 ),
				'Occasion'               => '',
			),
			self::TIMEOUT
		);
		$data         = DarajaAnswer::accepted( $response, 'the reversal' );
		$originator   = $data['OriginatorConversationID'] ?? null;
		$conversation = $data['ConversationID'] ?? null;
		if ( ! DarajaAnswer::is_id( $conversation ) ) {
			throw new ProviderException( ProviderException::INVALID_RESPONSE, 'Daraja accepted the reversal but sent no ConversationID.' );
		}
		return new ReversalAccepted( DarajaAnswer::is_id( $originator ) ? $originator : '', $conversation, DarajaAnswer::text( $data, 'ResponseDescription' ) );
	}
}
