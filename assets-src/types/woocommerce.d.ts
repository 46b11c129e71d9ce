/**
 * Ambient declarations for the WooCommerce packages we import.
 *
 * They are runtime externals (window.wc.*), supplied by WooCommerce and never bundled, so there is no
 * npm package to take types from. Only the parts this plugin uses are declared; the shapes follow
 * WooCommerce Blocks' own type definitions (payment-method-interface.ts, payments.ts).
 */

declare module '@woocommerce/settings' {
	/**
	 * Reads a value that PHP put into `wcSettings`. Returns `fallback` (default false) when absent.
	 * Typed as unknown on purpose: callers validate what they get.
	 *
	 * @param name     Setting name, e.g. `proxyapi_pvp_settings_data`.
	 * @param fallback Returned when the setting is absent.
	 */
	export function getSetting( name: string, fallback?: unknown ): unknown;
}

declare module '@woocommerce/blocks-registry' {
	import type { ReactElement } from 'react';

	/** The part of the cart passed to `canMakePayment` that we may look at. */
	export interface CanMakePaymentArgument {
		cartTotals: { currency_code: string; total_price: string };
		cartNeedsShipping: boolean;
		billingData: Record< string, string >;
		paymentRequirements: string[];
	}

	export type CanMakePaymentReturnType =
		boolean | Promise< boolean | { error: { message: string } } >;

	export interface SupportsConfiguration {
		features?: string[];
		showSavedCards?: boolean;
		showSaveOption?: boolean;
	}

	/** What `registerPaymentMethod()` accepts. `label`, `content` and `edit` are elements WooCommerce clones with props. */
	export interface PaymentMethodConfiguration {
		name: string;
		label: ReactElement;
		content: ReactElement;
		edit: ReactElement;
		canMakePayment: (
			argument: CanMakePaymentArgument
		) => CanMakePaymentReturnType;
		ariaLabel: string;
		supports: SupportsConfiguration;
		paymentMethodId?: string;
		placeOrderButtonLabel?: string;
	}

	export function registerPaymentMethod(
		options: PaymentMethodConfiguration
	): void;

	/** `emitResponse.responseTypes`. */
	export interface ResponseTypes {
		SUCCESS: 'success';
		FAIL: 'failure';
		ERROR: 'error';
	}

	/** `emitResponse.noticeContexts` (the ones a payment method uses). */
	export interface NoticeContexts {
		PAYMENTS: string;
		EXPRESS_PAYMENTS: string;
	}

	export type PaymentSetupResponse =
		| {
				type: ResponseTypes[ 'SUCCESS' ];
				meta?: { paymentMethodData?: Record< string, string > };
		  }
		| {
				type: ResponseTypes[ 'ERROR' ] | ResponseTypes[ 'FAIL' ];
				message: string;
				messageContext?: string;
		  };

	export type PaymentSetupObserver = () =>
		PaymentSetupResponse | true | Promise< PaymentSetupResponse | true >;

	/** Subscribes an observer; returns the function that unsubscribes it. */
	export type RegisterObserver< Observer > = (
		observer: Observer,
		priority?: number
	) => () => void;

	export interface EventRegistration {
		onPaymentSetup: RegisterObserver< PaymentSetupObserver >;
		onCheckoutSuccess: RegisterObserver< () => unknown >;
		onCheckoutFail: RegisterObserver< () => unknown >;
	}

	export interface EmitResponse {
		responseTypes: ResponseTypes;
		noticeContexts: NoticeContexts;
	}

	export interface BillingAddress {
		first_name: string;
		last_name: string;
		email: string;
		phone: string;
		country: string;
	}

	/** The props WooCommerce passes to a payment method's `content` and `edit` elements (the parts we use). */
	export interface PaymentMethodProps {
		activePaymentMethod: string;
		billing: { billingAddress: BillingAddress };
		eventRegistration: EventRegistration;
		emitResponse: EmitResponse;
	}
}

declare module '@woocommerce/blocks-checkout' {
	import type {
		ForwardRefExoticComponent,
		InputHTMLAttributes,
		RefAttributes,
	} from 'react';

	/**
	 * Text input wired to the `wc/store/validation` store: a failing `customValidation` stores an error
	 * under `errorId` (default: `id`), which blocks "Place order"; the error shows on blur or on submit.
	 */
	export interface ValidatedTextInputProps extends Omit<
		InputHTMLAttributes< HTMLInputElement >,
		'onChange' | 'onBlur' | 'value'
	> {
		id?: string;
		value?: string;
		label?: string;
		errorId?: string;
		ariaDescribedBy?: string;
		showError?: boolean;
		errorMessage?: string;
		focusOnMount?: boolean;
		validateOnMount?: boolean;
		onChange: ( newValue: string ) => void;
		/** Return false (after `input.setCustomValidity( message )`) to store a validation error. */
		customValidation?: ( input: HTMLInputElement ) => boolean;
		customFormatter?: ( value: string ) => string;
	}

	export interface ValidatedTextInputHandle {
		input: HTMLInputElement | null;
		revalidate: () => void;
	}

	export const ValidatedTextInput: ForwardRefExoticComponent<
		ValidatedTextInputProps & RefAttributes< ValidatedTextInputHandle >
	>;
}
