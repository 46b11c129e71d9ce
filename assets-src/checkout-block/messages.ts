/**
 * External dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * The message for an unusable phone number, shared by the inline field error and the payment-setup error
 * so the shopper reads the same words wherever the checkout stops them.
 *
 * @return The translated message.
 */
export function invalidPhoneMessage(): string {
	return __(
		'Enter a Safaricom M-Pesa number, e.g. 0712 345 678',
		'pay-via-proxyapi'
	);
}
