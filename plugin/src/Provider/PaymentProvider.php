<?php
/**
 * What the rest of the plugin needs from an M-Pesa provider (ProxyAPI PVP now, Daraja direct later).
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Provider;

use PayViaProxyApi\Payment\Attempt;
use PayViaProxyApi\Payment\PaymentResult;

/**
 * Checkout, callbacks and reconciliation talk to this, never to a concrete provider.
 */
interface PaymentProvider {

	/**
	 * @param StkPushRequest $request What to push.
	 * @return StkPushAccepted
	 * @throws ProviderException When no prompt was (known to be) sent.
	 */
	public function start_stk_push( StkPushRequest $request ): StkPushAccepted;

	/**
	 * Asks the provider what became of an accepted attempt whose result never reached the store.
	 * Reconciliation calls this and hands any result to the same Settlement as callbacks, so the
	 * provider only reports; it never decides what happens to the order.
	 *
	 * @param Attempt $attempt The attempt (its CheckoutRequestID is the usual key).
	 * @return PaymentResult|null The final result, or null when the provider has none yet.
	 * @throws ProviderException When the provider cannot answer now (the caller counts it as a try).
	 */
	public function query_result( Attempt $attempt ): ?PaymentResult;

	/**
	 * Capability: whether WooCommerce's Refund button can return the money through this provider. Callers
	 * ask this instead of asking which provider is configured.
	 *
	 * @return bool
	 */
	public function supports_refunds(): bool;

	/**
	 * Capability: the provider's own list of transactions, which the M-Pesa report cross-checks the store's
	 * attempts against.
	 *
	 * @return ProxyApiReport|null The report client, or null when the provider keeps no such list for us.
	 */
	public function transaction_report(): ?ProxyApiReport;
}
