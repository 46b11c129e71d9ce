<?php
/**
 * Which callbacks the Pay via ProxyAPI 2.2.7 URL may still settle, and the attempt they settle.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Legacy;

use PayViaProxyApi\Payment\Amount;
use PayViaProxyApi\Payment\Attempt;
use PayViaProxyApi\Payment\AttemptStatus;
use PayViaProxyApi\Payment\PhoneNumber;

/**
 * Pure. Callbacks on the 2.2.7 URL carry no token, so they are accepted only for what 2.2.7 itself
 * started: an order of this gateway with 2.2.7's request ids, the same CheckoutRequestID as the body, no
 * attempt of this plugin, and young enough that a real callback could still be on its way.
 */
final class LegacyCallbackRules {

	/**
	 * M-Pesa does not retry callbacks and a prompt lasts 90 s, so a real 2.2.7 callback arrives within
	 * minutes of its order. A week covers any upgrade window and ProxyAPI delays while keeping old, unpaid
	 * 2.2.7 orders out of reach of anyone who learns their CheckoutRequestID.
	 */
	public const WINDOW_SECONDS = 7 * 86400;

	public const NOT_THIS_GATEWAY = 'not_this_gateway';
	public const NO_LEGACY_REQUEST = 'no_2_2_7_request';
	public const OTHER_REQUEST = 'other_request';
	public const HAS_PLUGIN_ATTEMPTS = 'has_attempts_of_this_plugin';
	public const TOO_OLD = 'too_old';
	public const BAD_TOTAL = 'unreadable_total';

	/**
	 * @param LegacyOrder $order               The order found by the body's CheckoutRequestID.
	 * @param string      $checkout_request_id The body's CheckoutRequestID.
	 * @param int         $now                 Unix time.
	 * @return string|null Why the callback is refused (a constant above), or null to accept it.
	 */
	public static function refusal( LegacyOrder $order, string $checkout_request_id, int $now ): ?string {
		return match ( true ) {
			! $order->paid_with_gateway => self::NOT_THIS_GATEWAY,
			'' === $order->request_id || '' === $order->checkout_request_id => self::NO_LEGACY_REQUEST,
			! hash_equals( $order->checkout_request_id, $checkout_request_id ) => self::OTHER_REQUEST,
			$order->plugin_attempts > 0 => self::HAS_PLUGIN_ATTEMPTS,
			$now - $order->created_at > self::WINDOW_SECONDS => self::TOO_OLD,
			null === self::shillings( $order->total ) => self::BAD_TOTAL,
			default => null,
		};
	}

	/**
	 * The attempt 2.2.7 made, so Settlement applies its usual rules (the amount check among them).
	 *
	 * @param LegacyOrder $order An order refusal() accepted.
	 * @return Attempt
	 */
	public static function attempt( LegacyOrder $order ): Attempt {
		$phone = PhoneNumber::parse( $order->billing_phone );
		return new Attempt(
			$order->request_id,
			'',
			null !== $phone ? $phone->msisdn() : '',
			(int) self::shillings( $order->total ),
			$order->created_at,
			AttemptStatus::AWAITING,
			'',
			$order->checkout_request_id,
			origin: Attempt::ORIGIN_LEGACY
		);
	}

	/**
	 * @param string $total Order total.
	 * @return int|null The total rounded up to whole shillings, as M-Pesa charges; null when unreadable.
	 */
	private static function shillings( string $total ): ?int {
		try {
			return Amount::from_order_total( $total )->shillings();
		} catch ( \InvalidArgumentException $e ) {
			return null;
		}
	}
}
