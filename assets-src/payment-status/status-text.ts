/**
 * The words of the status panel for each state. Failure details come from the shared result-code table.
 */

/**
 * External dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { resultMessage } from '../shared/result-messages';
import type { ShopperPaymentStatus } from '../types/pay-via-proxyapi';

export interface StatusText {
	/** One line: where the payment stands. */
	heading: string;
	/** What it means and what to do. */
	detail: string;
}

/**
 * @param status The payment status.
 * @return Heading and detail, translated.
 */
export function statusText( status: ShopperPaymentStatus ): StatusText {
	switch ( status.state ) {
		case 'awaiting':
			return {
				heading: __(
					'Check your phone and enter your M-Pesa PIN',
					'pay-via-proxyapi'
				),
				detail:
					status.phone !== ''
						? sprintf(
								/* translators: %s: the phone number, partly hidden, e.g. 07•• ••• 678. */
								__(
									'We sent a payment prompt to %s. This page updates by itself once you have paid.',
									'pay-via-proxyapi'
								),
								status.phone
							)
						: __(
								'We sent a payment prompt to your phone. This page updates by itself once you have paid.',
								'pay-via-proxyapi'
							),
			};
		case 'delayed':
			return {
				heading: __( 'Waiting for M-Pesa', 'pay-via-proxyapi' ),
				detail: __(
					'We have not heard back from M-Pesa yet. If you entered your PIN, your payment will show here shortly. If no prompt reached your phone, resend it.',
					'pay-via-proxyapi'
				),
			};
		case 'paid':
			return {
				heading: __( 'Payment received', 'pay-via-proxyapi' ),
				detail: __(
					'Thank you! M-Pesa confirmed your payment.',
					'pay-via-proxyapi'
				),
			};
		case 'failed':
			return {
				heading: __( 'Payment not completed', 'pay-via-proxyapi' ),
				detail: resultMessage(
					status.resultCode,
					status.providerMessage
				),
			};
		case 'not_sent':
			return {
				heading: __(
					'The M-Pesa prompt could not be sent',
					'pay-via-proxyapi'
				),
				detail: __(
					'Please try again in a moment, or choose another way to pay.',
					'pay-via-proxyapi'
				),
			};
		case 'on_hold':
			return {
				heading: __( 'Payment being checked', 'pay-via-proxyapi' ),
				detail: __(
					'M-Pesa reported a different amount than expected. The store will check your payment and contact you.',
					'pay-via-proxyapi'
				),
			};
		case 'closed':
			return {
				heading: __( 'This order is closed', 'pay-via-proxyapi' ),
				detail: __(
					'This order no longer takes payments.',
					'pay-via-proxyapi'
				),
			};
		default:
			return {
				heading: __( 'No M-Pesa payment yet', 'pay-via-proxyapi' ),
				detail: __(
					'Send an M-Pesa prompt to your phone to pay for this order.',
					'pay-via-proxyapi'
				),
			};
	}
}
