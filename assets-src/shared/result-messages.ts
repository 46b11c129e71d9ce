/**
 * What the shopper reads for each M-Pesa ResultCode: one table, translated with `@wordpress/i18n`.
 *
 * The codes are those of the API notes, section 3 (Daraja's STK result codes, then the generic M-Pesa codes
 * that can also appear). Each message says what happened in plain words and what the shopper can do next.
 * The server sends only the code, plus M-Pesa's own description as plain text; that description is shown
 * (as text, never as HTML) only for a code this table does not know.
 */

/**
 * External dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Message builders, called when needed so translations loaded after this module are used.
 * Keys are ResultCode strings: codes can be non-numeric (`SFC_IC0003`).
 */
const RESULT_MESSAGES: Readonly< Record< string, () => string > > = {
	'1': () =>
		__(
			'Your M-Pesa balance is too low for this payment. Top up your M-Pesa, then resend the prompt, or pay from another number.',
			'pay-via-proxyapi'
		),
	'2': () =>
		__(
			'M-Pesa declined the payment because the amount is below its minimum. Please contact the store.',
			'pay-via-proxyapi'
		),
	'3': () =>
		__(
			'The amount is more than M-Pesa allows in one payment. Please contact the store or choose another way to pay.',
			'pay-via-proxyapi'
		),
	'4': () =>
		__(
			'This payment would go over your daily M-Pesa limit. Try again tomorrow, or pay from another number.',
			'pay-via-proxyapi'
		),
	'5': () =>
		__(
			'This payment would take your M-Pesa account below its minimum balance. Top up, then resend the prompt, or pay from another number.',
			'pay-via-proxyapi'
		),
	'6': () =>
		__(
			'M-Pesa could not identify the account paying. Check the number, then resend the prompt, or use another number.',
			'pay-via-proxyapi'
		),
	'7': () =>
		__(
			'M-Pesa could not identify the store’s account. Please contact the store or choose another way to pay.',
			'pay-via-proxyapi'
		),
	'8': () =>
		__(
			'The store’s M-Pesa account cannot receive this payment right now. Please contact the store or choose another way to pay.',
			'pay-via-proxyapi'
		),
	'10': () =>
		__(
			'This number is not registered for M-Pesa. Use another number.',
			'pay-via-proxyapi'
		),
	'11': () =>
		__(
			'M-Pesa could not take the money from this account. Check your M-Pesa account, or pay from another number.',
			'pay-via-proxyapi'
		),
	'12': () =>
		__(
			'M-Pesa could not pay into the store’s account. Please contact the store.',
			'pay-via-proxyapi'
		),
	'13': () =>
		__(
			'M-Pesa could not find the account to pay from. Check the number, or use another number.',
			'pay-via-proxyapi'
		),
	'14': () =>
		__(
			'M-Pesa could not find the store’s account. Please contact the store.',
			'pay-via-proxyapi'
		),
	'15': () =>
		__(
			'M-Pesa saw this as a repeat of a recent payment. Check your M-Pesa messages before you try again.',
			'pay-via-proxyapi'
		),
	'17': () =>
		__(
			'M-Pesa blocks the same payment twice within two minutes. Wait two minutes, then resend the prompt.',
			'pay-via-proxyapi'
		),
	'20': () =>
		__(
			'M-Pesa could not verify who started this payment. Resend the prompt; if it keeps failing, contact the store.',
			'pay-via-proxyapi'
		),
	'26': () =>
		__(
			'M-Pesa is busy right now. Wait a minute, then resend the prompt.',
			'pay-via-proxyapi'
		),
	'1001': () =>
		__(
			'Another M-Pesa transaction is already in progress on your phone. Finish or cancel it, then resend the prompt.',
			'pay-via-proxyapi'
		),
	'1019': () =>
		__(
			'The payment request expired before it was completed. Resend the prompt and enter your PIN when it appears.',
			'pay-via-proxyapi'
		),
	'1025': () =>
		__(
			'M-Pesa could not send the prompt to your phone. Resend the prompt; if it keeps failing, contact the store.',
			'pay-via-proxyapi'
		),
	'1032': () =>
		__(
			'You cancelled the payment on your phone. If that was a mistake, resend the prompt.',
			'pay-via-proxyapi'
		),
	'1037': () =>
		__(
			'We could not reach your phone. Make sure it is on, has signal and is not busy with a call or another menu, then resend the prompt.',
			'pay-via-proxyapi'
		),
	'2001': () =>
		__(
			'The M-Pesa PIN was wrong. Resend the prompt and enter the correct PIN.',
			'pay-via-proxyapi'
		),
	'2028': () =>
		__(
			'The store’s M-Pesa settings do not allow this payment. Please contact the store or choose another way to pay.',
			'pay-via-proxyapi'
		),
	'8006': () =>
		__(
			'Your M-Pesa PIN is locked. Call Safaricom customer care to unlock it, or pay from another number.',
			'pay-via-proxyapi'
		),
	'9999': () =>
		__(
			'M-Pesa had a problem sending the prompt. Wait a moment, then resend it.',
			'pay-via-proxyapi'
		),
	SFC_IC0003: () =>
		__(
			'The store’s M-Pesa till or paybill is not set up correctly. Please contact the store or choose another way to pay.',
			'pay-via-proxyapi'
		),
};

/**
 * @return Every ResultCode the table has a message of its own for.
 */
export function knownResultCodes(): string[] {
	return Object.keys( RESULT_MESSAGES );
}

/**
 * The message for a failed payment.
 *
 * @param resultCode      M-Pesa's ResultCode as a string (e.g. "1032", "SFC_IC0003").
 * @param providerMessage M-Pesa's own description, plain text; used only for codes the table does not know.
 * @return The translated message, ready to render as text.
 */
export function resultMessage(
	resultCode: string,
	providerMessage = ''
): string {
	const code = resultCode.trim();
	// Own-property lookup only: a code such as "constructor" must not reach Object.prototype.
	if ( Object.prototype.hasOwnProperty.call( RESULT_MESSAGES, code ) ) {
		return RESULT_MESSAGES[ code ]();
	}
	const text = providerMessage.trim();
	if ( text !== '' ) {
		return sprintf(
			/* translators: %s: M-Pesa's own description of the failure. */
			__(
				'M-Pesa could not complete the payment: “%s”. You can resend the prompt or use another number.',
				'pay-via-proxyapi'
			),
			text
		);
	}
	return __(
		'M-Pesa could not complete the payment. You can resend the prompt or use another number.',
		'pay-via-proxyapi'
	);
}
