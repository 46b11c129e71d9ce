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
