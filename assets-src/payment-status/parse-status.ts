/**
 * Internal dependencies
 */
import type {
	ResendRefusalReason,
	ShopperPaymentState,
	ShopperPaymentStatus,
} from '../types/pay-via-proxyapi';

const STATES: readonly ShopperPaymentState[] = [
	'awaiting',
	'delayed',
	'paid',
	'failed',
	'not_sent',
	'on_hold',
	'closed',
	'none',
];

const REASONS: readonly ResendRefusalReason[] = [
	'',
	'prompt_live',
	'too_many',
	'not_payable',
];

function isRecord( value: unknown ): value is Record< string, unknown > {
	return (
		typeof value === 'object' && value !== null && ! Array.isArray( value )
	);
}

function isOneOf< T extends string >(
	values: readonly T[],
	value: unknown
): value is T {
	return (
		typeof value === 'string' &&
		( values as readonly string[] ).includes( value )
	);
}

/**
 * Validates what the status route (or the page's first status) says into `ShopperPaymentStatus`, turning
 * the PHP payload's snake_case keys into camelCase.
 *
 * @param raw Parsed JSON.
 * @return The typed status.
 * @throws Error when the shape is not the server contract, so a broken contract is found, not guessed at.
 */
export function parseShopperStatus( raw: unknown ): ShopperPaymentStatus {
	if ( ! isRecord( raw ) || ! isRecord( raw.resend ) ) {
		throw new Error( 'Pay via ProxyAPI: the payment status is malformed.' );
	}
	const { state, phone, resend } = raw;
	const resultCode = raw.result_code;
	const providerMessage = raw.provider_message;
	const availableIn = resend.available_in;
	if (
		! isOneOf( STATES, state ) ||
		typeof resultCode !== 'string' ||
		typeof providerMessage !== 'string' ||
		typeof phone !== 'string' ||
		typeof resend.allowed !== 'boolean' ||
		! isOneOf( REASONS, resend.reason ) ||
		! (
			availableIn === null ||
			( typeof availableIn === 'number' && availableIn >= 0 )
		)
	) {
		throw new Error( 'Pay via ProxyAPI: the payment status is malformed.' );
	}
	return {
		state,
		resultCode,
		providerMessage,
		phone,
		resend: {
			allowed: resend.allowed,
			reason: resend.reason,
			availableIn,
		},
	};
}
