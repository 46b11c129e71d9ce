/**
 * A stand-in for the checkout's event registration and response helpers, shared by the Checkout-block tests.
 */
import type {
	EmitResponse,
	EventRegistration,
	PaymentSetupObserver,
	PaymentSetupResponse,
} from '@woocommerce/blocks-registry';

export interface FakeCheckout {
	eventRegistration: EventRegistration;
	emitResponse: EmitResponse;
	/** Observers currently subscribed to onPaymentSetup. */
	observers: Set< PaymentSetupObserver >;
	/** Runs onPaymentSetup like WooCommerce does when "Place order" is pressed; returns the last observer's answer. */
	setUpPayment: () => Promise< PaymentSetupResponse | true | undefined >;
}

export const emitResponse: EmitResponse = {
	responseTypes: { SUCCESS: 'success', FAIL: 'failure', ERROR: 'error' },
	noticeContexts: {
		PAYMENTS: 'wc/payment-area',
		EXPRESS_PAYMENTS: 'wc/express-payment-area',
	},
};

export function createFakeCheckout(): FakeCheckout {
	const observers = new Set< PaymentSetupObserver >();
	const noop = () => () => undefined;

	return {
		observers,
		emitResponse,
		eventRegistration: {
			onPaymentSetup: ( observer ) => {
				observers.add( observer );
				return () => observers.delete( observer );
			},
			onCheckoutSuccess: noop,
			onCheckoutFail: noop,
		},
		setUpPayment: async () => {
			let response: PaymentSetupResponse | true | undefined;
			for ( const observer of observers ) {
				response = await observer();
			}
			return response;
		},
	};
}
