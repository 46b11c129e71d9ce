<?php
/**
 * What the shopper is told about an order's M-Pesa payment: the state, the M-Pesa result, and whether a
 * new prompt may be asked for.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Payment;

/**
 * Pure mapping from an order's facts and attempts to the shopper's view, so each state is unit-tested
 * without WordPress. It carries only what the status panel needs: no ids, tokens, receipts or amounts, and
 * the phone only masked. Words are chosen in the browser (assets-src/shared/result-messages.ts); this side
 * sends codes, plus M-Pesa's own description as plain text for codes the browser does not know.
 */
final class ShopperStatus {

	/** A prompt is on the shopper's phone: "check your phone and enter your PIN". */
	public const AWAITING = 'awaiting';

	/** The prompt window has passed without a result; the result may still come (late callback, reconciliation). */
	public const DELAYED = 'delayed';

	/** The order is paid. Final. */
	public const PAID = 'paid';

	/** M-Pesa reported the latest prompt failed; result_code says how. */
	public const FAILED = 'failed';

	/** The prompt could not be sent (the provider refused the request). */
	public const NOT_SENT = 'not_sent';

	/** M-Pesa reported less money than asked: the store checks the order. Final for the shopper. */
	public const ON_HOLD = 'on_hold';

	/** The order no longer takes payments (cancelled, refunded, ...). Final. */
	public const CLOSED = 'closed';

	/** No prompt was ever sent for this order. */
	public const NONE = 'none';

	/** Longest provider description passed on; M-Pesa's are short, anything longer is not for shoppers. */
	private const MAX_DESCRIPTION = 200;

	/**
	 * @param ResendPolicy $policy The resend rules.
	 */
	public function __construct( private ResendPolicy $policy ) {
	}

	/**
	 * @param bool      $is_paid      Whether WooCommerce counts the order as paid.
	 * @param string    $order_status Order status without the wc- prefix.
	 * @param bool      $payable      Whether the order still needs paying (WC_Order::needs_payment()).
	 * @param Attempt[] $attempts     The order's attempts, oldest first.
	 * @param int       $now          Unix time.
	 * @return array{state: string, result_code: string, provider_message: string, phone: string, resend: array{allowed: bool, reason: string, available_in: int|null}}
	 */
	public function describe( bool $is_paid, string $order_status, bool $payable, array $attempts, int $now ): array {
		$latest  = $attempts ? $attempts[ count( $attempts ) - 1 ] : null;
		$state   = self::state( $is_paid, $order_status, $payable, $attempts, $latest, $now );
		$verdict = $this->policy->verdict( $attempts, $payable && ! $is_paid, $now );
		$failed  = self::FAILED === $state && null !== $latest;

		return array(
			'state'            => $state,
			'result_code'      => $failed ? $latest->result_code : '',
			'provider_message' => $failed ? self::plain_text( $latest->result_desc ) : '',
			'phone'            => null !== $latest ? self::masked_phone( $latest->phone ) : '',
			'resend'           => array(
				'allowed'      => $verdict->is_allowed(),
				'reason'       => $verdict->reason,
				'available_in' => $verdict->seconds_to_wait( $now ),
			),
		);
	}

	/**
	 * @param bool         $is_paid      Paid.
	 * @param string       $order_status Status.
	 * @param bool         $payable      Needs paying.
	 * @param Attempt[]    $attempts     Attempts.
	 * @param Attempt|null $latest       Newest attempt.
	 * @param int          $now          Unix time.
	 * @return string One of the constants.
	 */
	private static function state( bool $is_paid, string $order_status, bool $payable, array $attempts, ?Attempt $latest, int $now ): string {
		if ( $is_paid ) {
			return self::PAID;
		}
		foreach ( $attempts as $attempt ) {
			if ( AttemptStatus::UNDERPAID === $attempt->status && 'on-hold' === $order_status ) {
				return self::ON_HOLD;
			}
		}
		if ( ! $payable ) {
			return self::CLOSED;
		}
		if ( null === $latest ) {
			return self::NONE;
		}
		switch ( $latest->status ) {
			case AttemptStatus::PAID:
				// Paid by M-Pesa but not (yet) by WooCommerce's reckoning: still good news for the shopper.
				return self::PAID;
			case AttemptStatus::FAILED:
				return self::FAILED;
			case AttemptStatus::REJECTED:
				return self::NOT_SENT;
			default:
				return ResendPolicy::is_live( $latest, $now ) ? self::AWAITING : self::DELAYED;
		}
	}

	/**
	 * Provider text is attacker-influenced: tags and control characters go, length is capped; the browser
	 * still renders it as text, never as HTML.
	 *
	 * @param string $text Provider description.
	 * @return string Plain text.
	 */
	private static function plain_text( string $text ): string {
		$text = (string) preg_replace( '/[\p{Cc}\s]+/u', ' ', strip_tags( $text ) );
		return trim( mb_substr( trim( $text ), 0, self::MAX_DESCRIPTION ) );
	}

	/**
	 * @param string $msisdn Number the prompt went to, 2547XXXXXXXX.
	 * @return string The national form with only the prefix and last three digits: "07•• ••• 678".
	 */
	private static function masked_phone( string $msisdn ): string {
		if ( 1 !== preg_match( '/^254([71])\d{5}(\d{3})$/D', $msisdn, $parts ) ) {
			return '';
		}
		return '0' . $parts[1] . "\u{2022}\u{2022} \u{2022}\u{2022}\u{2022} " . $parts[2];
	}
}
