<?php
/**
 * Compares ProxyAPI's list of transactions with the store's attempts and picks out what needs attention.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Reports;

use PayViaProxyApi\Payment\AttemptStatus;
use PayViaProxyApi\Provider\ReportRow;

/**
 * Pure. The audit the original security notes recommend: money M-Pesa took that the store never credited,
 * and orders the store marked paid that ProxyAPI does not know. Rows are matched by CheckoutRequestID only.
 */
final class CrossCheck {

	/** M-Pesa says paid; the store's attempt is not paid (and the order is not paid by another attempt). */
	public const NOT_COMPLETED = 'not_completed';

	/** M-Pesa says paid for an attempt that failed, on an order another attempt already paid: paid twice. */
	public const PAID_TWICE = 'paid_twice';

	/** M-Pesa says paid for a CheckoutRequestID the store has no attempt for. */
	public const UNKNOWN_PAYMENT = 'unknown_payment';

	/** The store says paid; ProxyAPI does not list the payment as paid. */
	public const NOT_LISTED = 'not_listed';

	/** Most urgent first: money taken and not credited, then money taken twice, then the rest. */
	private const URGENCY = array( self::NOT_COMPLETED, self::PAID_TWICE, self::UNKNOWN_PAYMENT, self::NOT_LISTED );

	/** ProxyAPI reports times in Kenya time (YYYYMMDDHHmmss). */
	private const PROVIDER_ZONE = 'Africa/Nairobi';

	/**
	 * Local paid attempts older than ProxyAPI's oldest listed payment are not judged: the list may only reach
	 * back so far. An hour of slack covers clock differences between the store and M-Pesa.
	 */
	private const WINDOW_SLACK = 3600;

	/**
	 * @param ReportRow[]                                $remote     ProxyAPI's rows.
	 * @param array<string, array<string, int|string>>   $local      Index rows for the remote CheckoutRequestIDs, keyed by that id.
	 * @param array<int, array<string, int|string>>      $local_paid The store's paid attempts in the period, newest first.
	 * @return array{items: array<int, array<string, int|string|float>>, listed: int, matched: int, window_start: int}
	 */
	public static function compare( array $remote, array $local, array $local_paid ): array {
		$items       = array();
		$remote_paid = array();
		$matched     = 0;
		foreach ( $remote as $row ) {
			$attempt = $local[ $row->checkout_request_id ] ?? null;
			if ( $row->is_paid() ) {
				$remote_paid[ $row->checkout_request_id ] = true;
			}
			$kind = self::remote_problem( $row, $attempt );
			if ( null === $kind ) {
				$matched += null !== $attempt ? 1 : 0;
				continue;
			}
			$items[] = self::remote_item( $kind, $row, $attempt );
		}
		$window = self::window_start( $remote );
		foreach ( $local_paid as $attempt ) {
			if ( ! isset( $remote_paid[ (string) $attempt['checkout_request_id'] ] ) && (int) $attempt['created_at'] >= $window ) {
				$items[] = self::local_item( $attempt );
			}
		}
		usort( $items, array( self::class, 'compare_items' ) );
		return array(
			'items'        => $items,
			'listed'       => count( $remote ),
			'matched'      => $matched,
			'window_start' => $window,
		);
	}

	/**
	 * @param ReportRow                      $row     ProxyAPI's row.
	 * @param array<string, int|string>|null $attempt The store's attempt with that CheckoutRequestID.
	 * @return string|null The problem, or null when the two agree (or ProxyAPI lists no payment).
	 */
	private static function remote_problem( ReportRow $row, ?array $attempt ): ?string {
		if ( ! $row->is_paid() ) {
			return null;
		}
		if ( null === $attempt ) {
			return self::UNKNOWN_PAYMENT;
		}
		if ( AttemptStatus::PAID === $attempt['status'] ) {
			return null;
		}
		return OrderOutcome::PAID === $attempt['order_outcome'] ? self::PAID_TWICE : self::NOT_COMPLETED;
	}

	/**
	 * @param string                         $kind    Problem.
	 * @param ReportRow                      $row     ProxyAPI's row.
	 * @param array<string, int|string>|null $attempt The store's attempt, if any.
	 * @return array<string, int|string|float>
	 */
	private static function remote_item( string $kind, ReportRow $row, ?array $attempt ): array {
		return array(
			'kind'                => $kind,
			'checkout_request_id' => $row->checkout_request_id,
			'receipt'             => $row->receipt,
			'amount'              => $row->amount,
			'phone'               => $row->phone,
			'payer'               => trim( $row->first_name . ' ' . $row->last_name ),
			'account_reference'   => $row->account_reference,
			'at'                  => self::provider_time( $row->transaction_time ),
			'order_id'            => (int) ( $attempt['order_id'] ?? 0 ),
			'order_number'        => (string) ( $attempt['order_number'] ?? '' ),
			'local_status'        => (string) ( $attempt['status'] ?? '' ),
		);
	}

	/**
	 * @param array<string, int|string> $attempt A paid attempt ProxyAPI does not list as paid.
	 * @return array<string, int|string|float>
	 */
	private static function local_item( array $attempt ): array {
		return array(
			'kind'                => self::NOT_LISTED,
			'checkout_request_id' => (string) $attempt['checkout_request_id'],
			'receipt'             => (string) $attempt['receipt'],
			'amount'              => (int) $attempt['amount'],
			'phone'               => (string) $attempt['phone'],
			'payer'               => '',
			'account_reference'   => '',
			'at'                  => (int) ( $attempt['settled_at'] ?: $attempt['created_at'] ),
			'order_id'            => (int) $attempt['order_id'],
			'order_number'        => (string) $attempt['order_number'],
			'local_status'        => (string) $attempt['status'],
		);
	}

	/**
	 * @param ReportRow[] $remote ProxyAPI's rows.
	 * @return int The time from which the store's payments can be judged: ProxyAPI's oldest listed payment
	 *             (less the slack), or 0 when it lists none (then every paid attempt in the period is judged).
	 */
	private static function window_start( array $remote ): int {
		$times = array_filter( array_map( static fn ( ReportRow $row ): int => self::provider_time( $row->transaction_time ), $remote ) );
		return array() === $times ? 0 : min( $times ) - self::WINDOW_SLACK;
	}

	/**
	 * @param string $time YYYYMMDDHHmmss in Kenya time, or ''.
	 * @return int Unix time; 0 when absent or malformed.
	 */
	private static function provider_time( string $time ): int {
		$date = \DateTimeImmutable::createFromFormat( '!YmdHis', $time, new \DateTimeZone( self::PROVIDER_ZONE ) );
		return false !== $date && $date->format( 'YmdHis' ) === $time ? $date->getTimestamp() : 0;
	}

	/**
	 * @param array<string, int|string|float> $a One item.
	 * @param array<string, int|string|float> $b Another.
	 * @return int Most urgent kind first, then newest first.
	 */
	private static function compare_items( array $a, array $b ): int {
		$by_kind = array_search( $a['kind'], self::URGENCY, true ) <=> array_search( $b['kind'], self::URGENCY, true );
		return 0 !== $by_kind ? $by_kind : $b['at'] <=> $a['at'];
	}
}
