<?php
/**
 * Turns an order's attempts into rows of the report's index table.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Reports;

use PayViaProxyApi\Payment\Decision;

/**
 * Pure. Reads attempts as plain arrays (Attempt::to_array()), so fields the attempt gains later
 * (settled_at, accepted_at, ...) are used when present and never required.
 */
final class IndexRows {

	/** Longest result description kept in the index (the order meta keeps the full text). */
	public const DESC_LENGTH = 255;

	private const STATE_CHANGES = array( Decision::COMPLETE, Decision::FAIL, Decision::FAIL_ATTEMPT_ONLY, Decision::HOLD_UNDERPAID );

	/**
	 * @param int                              $order_id     Order id.
	 * @param string                           $order_number Order number as the store shows it.
	 * @param array<int, array<string, mixed>> $attempts     The order's attempts, oldest first.
	 * @param bool                             $legacy       Whether they were rebuilt from 2.2.7 order meta.
	 * @return array<int, array<string, int|string>> One row per attempt, keyed by column.
	 */
	public static function for_order( int $order_id, string $order_number, array $attempts, bool $legacy = false ): array {
		$outcome = OrderOutcome::of( array_map( static fn ( array $a ): string => (string) ( $a['status'] ?? '' ), $attempts ) );
		$rows    = array();
		foreach ( $attempts as $attempt ) {
			$events = is_array( $attempt['events'] ?? null ) ? array_values( $attempt['events'] ) : array();
			$status = (string) ( $attempt['status'] ?? '' );
			$rows[] = array(
				'order_id'            => $order_id,
				'order_number'        => mb_substr( $order_number, 0, 40 ),
				'request_id'          => self::text( $attempt, 'request_id', 64 ),
				'merchant_request_id' => self::text( $attempt, 'merchant_request_id', 64 ),
				'checkout_request_id' => self::text( $attempt, 'checkout_request_id', 64 ),
				'receipt'             => self::text( $attempt, 'receipt', 32 ),
				'phone'               => self::text( $attempt, 'phone', 32 ),
				'amount'              => max( 0, (int) ( $attempt['amount'] ?? 0 ) ),
				'status'              => $status,
				'result_code'         => self::text( $attempt, 'result_code', 32 ),
				'result_desc'         => self::text( $attempt, 'result_desc', self::DESC_LENGTH ),
				'created_at'          => max( 0, (int) ( $attempt['created_at'] ?? 0 ) ),
				'settled_at'          => self::settled_at( $attempt, $events ),
				'reconciliation'      => ReconciliationState::of( $attempt ),
				'order_outcome'       => $outcome,
				'legacy'              => $legacy ? 1 : 0,
			);
		}
		return $rows;
	}

	/**
	 * @param array<string, mixed>             $attempt The attempt.
	 * @param array<int, array<string, mixed>> $events  Its events.
	 * @return int When its result was recorded: its own settled_at if it has one, else the time of the
	 *             newest event that changed its state, else 0.
	 */
	private static function settled_at( array $attempt, array $events ): int {
		if ( (int) ( $attempt['settled_at'] ?? 0 ) > 0 ) {
			return (int) $attempt['settled_at'];
		}
		$at = 0;
		foreach ( $events as $event ) {
			if ( is_array( $event ) && in_array( $event['decision'] ?? '', self::STATE_CHANGES, true ) ) {
				$at = max( $at, (int) ( $event['at'] ?? 0 ) );
			}
		}
		return $at;
	}

	/**
	 * @param array<string, mixed> $attempt The attempt.
	 * @param string               $key     Field.
	 * @param int                  $length  Column width.
	 * @return string The field as text, cut to the column.
	 */
	private static function text( array $attempt, string $key, int $length ): string {
		$value = $attempt[ $key ] ?? '';
		return is_scalar( $value ) ? mb_substr( (string) $value, 0, $length ) : '';
	}
}
