/**
 * Status payloads as the PHP routes send them (snake_case wire format), for the payment-status tests.
 */
export interface WireStatus {
	state: string;
	result_code: string;
	provider_message: string;
	phone: string;
	resend: {
		allowed: boolean;
		reason: string;
		available_in: number | null;
	};
}

export function wire(
	state: string,
	overrides: Partial< Omit< WireStatus, 'resend' > > & {
		resend?: Partial< WireStatus[ 'resend' ] >;
	} = {}
): WireStatus {
	const { resend, ...rest } = overrides;
	return {
		state,
		result_code: '',
		provider_message: '',
		phone: '07•• ••• 678',
		...rest,
		resend: { allowed: true, reason: '', available_in: 0, ...resend },
	};
}

export const AWAITING = wire( 'awaiting', {
	resend: { allowed: false, reason: 'prompt_live', available_in: 85 },
} );

export const PAID = wire( 'paid', {
	resend: { allowed: false, reason: 'not_payable', available_in: null },
} );

export function failed( code: string, providerMessage = '' ): WireStatus {
	return wire( 'failed', {
		result_code: code,
		provider_message: providerMessage,
	} );
}
