/**
 * Types of the data the PHP side sends to the browser: the one place for server-contract types.
 *
 * Each type mirrors a PHP payload; change both together.
 */

/**
 * What `Blocks\PaymentMethodType::get_payment_method_data()` returns, read in the Checkout block
 * through `getSetting( 'proxyapi_pvp_settings_data' )`. Public values only.
 */
export interface PvpData {
	/** Gateway title as set by the merchant; may contain HTML entities. */
	title: string;
	/** Gateway description, plain text (sanitised on the server). */
	description: string;
	/** `supports` features of the gateway, e.g. `[ 'products' ]`. */
	supports: string[];
}

/**
 * What `Rest\VerifyKeyRoute` answers to "Verify API key". Never contains the key.
 */
export interface VerifyKeyAnswer {
	/** Whether ProxyAPI accepted the key. */
	ok: boolean;
	/** `verified`, `missing`, `rejected`, `invalid_response`, `unreachable` (or `request_failed`, client side). */
	code: string;
	/** What happened, for the store owner, translated. */
	message: string;
	/** How many transactions ProxyAPI listed (verified only). */
	transactions?: number;
}

/** `ShopperStatus` states (PHP `Payment\ShopperStatus`). */
export type ShopperPaymentState =
	| 'awaiting'
	| 'delayed'
	| 'paid'
	| 'failed'
	| 'not_sent'
	| 'on_hold'
	| 'closed'
	| 'none';

/** Why a new prompt may not be asked for now (PHP `Payment\ResendVerdict`); '' when it may. */
export type ResendRefusalReason =
	'' | 'prompt_live' | 'too_many' | 'not_payable';

/**
 * What `GET /pay-via-proxyapi/v1/orders/{id}/payment?key=…` (and a successful resend) answers, built by PHP
 * `Rest\ShopperPaymentView`. Only what the shopper needs: no ids, tokens or receipts; the phone masked.
 * The wire keys are snake_case (`result_code`, `provider_message`, `resend.available_in`); the
 * payment-status script's `parseShopperStatus()` validates them into this camelCase shape.
 */
export interface ShopperPaymentStatus {
	state: ShopperPaymentState;
	/** M-Pesa ResultCode of a failed prompt ('' otherwise); may be non-numeric. */
	resultCode: string;
	/** M-Pesa's description of a failed prompt, plain text ('' otherwise). */
	providerMessage: string;
	/** The number prompted, masked (e.g. "07•• ••• 678"), or ''. */
	phone: string;
	resend: {
		allowed: boolean;
		reason: ResendRefusalReason;
		/** Seconds until a resend is allowed: 0 now, null never. */
		availableIn: number | null;
	};
}
