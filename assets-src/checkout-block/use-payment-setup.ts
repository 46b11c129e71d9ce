/**
 * External dependencies
 */
import { useEffect } from '@wordpress/element';
import type {
	EmitResponse,
	EventRegistration,
} from '@woocommerce/blocks-registry';

/**
 * Internal dependencies
 */
import { PHONE_FIELD } from '../shared/constants';
import { normaliseMpesaPhone } from '../shared/phone';
import { invalidPhoneMessage } from './messages';

export interface UsePaymentSetupArgs {
	eventRegistration: EventRegistration;
	emitResponse: EmitResponse;
	/** The phone number as the shopper sees it in the field. */
	phone: string;
}

/**
 * Answers WooCommerce's `onPaymentSetup` event with the normalised M-Pesa number as `pvp_phone`.
 *
 * The server validates the number again; this check only spares the shopper a round trip.
 *
 * @param args                   The event registration and response helpers from the props, and the phone.
 * @param args.eventRegistration Checkout event registration from the payment-method props.
 * @param args.emitResponse      Response types and notice contexts from the payment-method props.
 * @param args.phone             The phone number as the shopper sees it in the field.
 */
export function usePaymentSetup( {
	eventRegistration,
	emitResponse,
	phone,
}: UsePaymentSetupArgs ): void {
	const { onPaymentSetup } = eventRegistration;
	const { responseTypes, noticeContexts } = emitResponse;

	useEffect(
		() =>
			onPaymentSetup( () => {
				const normalised = normaliseMpesaPhone( phone );

				if ( normalised === null ) {
					return {
						type: responseTypes.ERROR,
						message: invalidPhoneMessage(),
						messageContext: noticeContexts.PAYMENTS,
					};
				}

				return {
					type: responseTypes.SUCCESS,
					meta: {
						paymentMethodData: { [ PHONE_FIELD ]: normalised },
					},
				};
			} ),
		// The returned unsubscribe function is the cleanup; re-subscribing on a new phone keeps the observer current.
		[ onPaymentSetup, responseTypes, noticeContexts, phone ]
	);
}
