<?php
/**
 * What the rest of the plugin needs from an M-Pesa provider (ProxyAPI PVP now, Daraja direct later).
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Provider;

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
}
