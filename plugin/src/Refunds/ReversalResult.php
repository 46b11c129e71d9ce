<?php
/**
 * What M-Pesa posted to a reversal's ResultURL.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Refunds;

/**
 * Plain value object, built by ReversalResultParser.
 */
final class ReversalResult {

	/**
	 * @param string     $result_code                '0' when the money was returned; codes may be non-numeric (R000002).
	 * @param string     $result_desc                M-Pesa's words (plain text).
	 * @param string     $conversation_id            ConversationID.
	 * @param string     $originator_conversation_id OriginatorConversationID.
	 * @param string     $reversal_receipt           The reversal's own M-Pesa receipt ('' on failure).
	 * @param float|null $amount                     Amount reversed, when reported.
	 */
	public function __construct(
		public readonly string $result_code,
		public readonly string $result_desc,
		public readonly string $conversation_id,
		public readonly string $originator_conversation_id = '',
		public readonly string $reversal_receipt = '',
		public readonly ?float $amount = null
	) {
	}

	/**
	 * @return bool Whether M-Pesa reports the money returned.
	 */
	public function is_success(): bool {
		return '0' === $this->result_code;
	}
}
