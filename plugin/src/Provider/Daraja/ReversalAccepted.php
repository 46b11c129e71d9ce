<?php
/**
 * Daraja's "reversal accepted for processing" answer.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Provider\Daraja;

/**
 * The ids the reversal's result will carry.
 */
final class ReversalAccepted {

	/**
	 * @param string $originator_conversation_id OriginatorConversationID.
	 * @param string $conversation_id            ConversationID.
	 * @param string $description                Daraja's message.
	 */
	public function __construct(
		public readonly string $originator_conversation_id,
		public readonly string $conversation_id,
		public readonly string $description
	) {
	}
}
