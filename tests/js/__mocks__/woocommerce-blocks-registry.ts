/**
 * Test double for `@woocommerce/blocks-registry` (window.wc.wcBlocksRegistry at runtime).
 *
 * Registrations are recorded in `registeredPaymentMethods` so tests can inspect them.
 */
import type { PaymentMethodConfiguration } from '@woocommerce/blocks-registry';

export const registeredPaymentMethods: PaymentMethodConfiguration[] = [];

export function registerPaymentMethod(
	options: PaymentMethodConfiguration
): void {
	registeredPaymentMethods.push( options );
}
