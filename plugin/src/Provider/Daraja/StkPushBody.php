<?php
/**
 * The M-Pesa Express request body for a paybill or a till.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Provider\Daraja;

use PayViaProxyApi\Provider\StkPushRequest;

/**
 * Paybill: CustomerPayBillOnline, PartyB = the paybill. Till: CustomerBuyGoodsOnline, BusinessShortCode = the
 * store (head office) number, PartyB = the till; a till alone cannot use the API. The password is always made
 * with the BusinessShortCode. Pure PHP.
 */
final class StkPushBody {

	public const PAYBILL   = 'CustomerPayBillOnline';
	public const BUY_GOODS = 'CustomerBuyGoodsOnline';

	/** Daraja's limits: AccountReference at most 12 characters, TransactionDesc at most 13. */
	public const REFERENCE_MAX   = 12;
	public const DESCRIPTION_MAX = 13;

	/**
	 * @param DarajaConfig   $config  The app (shortcode, passkey, till).
	 * @param StkPushRequest $request What to push (amount in whole shillings).
	 * @param int            $unix    The request's Unix time (for the password and timestamp).
	 * @return array<string, int|string> The JSON body.
	 */
	public static function build( DarajaConfig $config, StkPushRequest $request, int $unix ): array {
		$reference = self::account_reference( $request->account_reference );
		return array_merge(
			array( 'BusinessShortCode' => (int) $config->shortcode ),
			LipaPassword::fields( $config->shortcode, $config->passkey, $unix ),
			array(
				'TransactionType'  => $config->is_till() ? self::BUY_GOODS : self::PAYBILL,
				'Amount'           => $request->amount,
				'PartyA'           => (int) $request->phone,
				'PartyB'           => (int) $config->receiver(),
				'PhoneNumber'      => (int) $request->phone,
				'CallBackURL'      => $request->callback_url,
				'AccountReference' => $reference,
				'TransactionDesc'  => self::description( $reference ),
			)
		);
	}

	/**
	 * The order number, shown to the shopper in the prompt. Longer numbers (custom order-number plugins)
	 * keep their last 12 characters, the part that tells orders apart; the callback never relies on it
	 * (callbacks are matched by their token and CheckoutRequestID).
	 *
	 * @param string $order_number WooCommerce order number.
	 * @return string At most 12 characters.
	 */
	public static function account_reference( string $order_number ): string {
		$reference = trim( $order_number );
		if ( mb_strlen( $reference ) <= self::REFERENCE_MAX ) {
			return $reference;
		}
		// No dangling separator where the cut falls ("WC-2026-000123" becomes "2026-000123").
		return ltrim( mb_substr( $reference, -self::REFERENCE_MAX ), ' -_./#' );
	}

	/**
	 * @param string $reference The AccountReference.
	 * @return string "Order <reference>", cut to 13 characters.
	 */
	public static function description( string $reference ): string {
		return mb_substr( 'Order ' . $reference, 0, self::DESCRIPTION_MAX );
	}
}
