<?php
/**
 * The words and HTTP status for a refused resend, shared by the attempts route and the order-pay form.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Rest;

use PayViaProxyApi\Payment\ResendVerdict;

/**
 * One wording per reason, so the status panel and the classic order-pay page say the same thing.
 */
final class ResendRefusal {

	/**
	 * @param ResendVerdict $verdict A refusal.
	 * @param int           $now     Unix time.
	 * @return string For the shopper, translated.
	 */
	public static function message( ResendVerdict $verdict, int $now ): string {
		$wait = (int) $verdict->seconds_to_wait( $now );
		switch ( $verdict->reason ) {
			case ResendVerdict::TOO_MANY:
				$minutes = (int) ceil( $wait / 60 );
				/* translators: %d: minutes to wait. */
				return sprintf( _n( 'You have asked for several M-Pesa prompts in a short time. Please try again in %d minute.', 'You have asked for several M-Pesa prompts in a short time. Please try again in %d minutes.', $minutes, 'pay-via-proxyapi' ), $minutes );
			case ResendVerdict::PROMPT_LIVE:
				/* translators: %d: seconds to wait. */
				return sprintf( _n( 'The last M-Pesa prompt may still be on your phone: enter your PIN there, or try again in %d second.', 'The last M-Pesa prompt may still be on your phone: enter your PIN there, or try again in %d seconds.', $wait, 'pay-via-proxyapi' ), $wait );
			default:
				return __( 'This order does not need paying any more.', 'pay-via-proxyapi' );
		}
	}

	/**
	 * A REST error answer: 429 for too many (a rate limit), 409 for a live prompt or nothing to pay (the
	 * order's state is in the way), with Retry-After when waiting helps.
	 *
	 * @param ResendVerdict $verdict A refusal.
	 * @param int           $now     Unix time.
	 * @return \WP_REST_Response
	 */
	public static function response( ResendVerdict $verdict, int $now ): \WP_REST_Response {
		$codes    = array(
			ResendVerdict::TOO_MANY    => array( 'pvp_too_many_prompts', 429 ),
			ResendVerdict::PROMPT_LIVE => array( 'pvp_prompt_live', 409 ),
		);
		$code     = $codes[ $verdict->reason ] ?? array( 'pvp_not_payable', 409 );
		$wait     = $verdict->seconds_to_wait( $now );
		$response = rest_convert_error_to_response(
			new \WP_Error(
				$code[0],
				self::message( $verdict, $now ),
				array(
					'status'       => $code[1],
					'reason'       => $verdict->reason,
					'available_in' => $wait,
				)
			)
		);
		if ( null !== $wait ) {
			$response->header( 'Retry-After', (string) max( 1, $wait ) );
		}
		$response->header( 'Cache-Control', 'no-store, private' );
		return $response;
	}
}
