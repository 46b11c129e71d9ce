/**
 * Validation of `POST /pvp/lnm` bodies and the PVP answer shapes.
 *
 * ProxyAPI's real error codes are not public, so the ResponseCodes below are the simulator's own
 * (documented in README.md); the plugin must only rely on "0 means accepted".
 */
import type { LnmRequest, LnmResponse, ValidationError } from './types';

export const LNM_ERROR = {
	apiKey: 1,
	body: 2,
	requestId: 3,
	duplicateRequestId: 4,
	callbackUrl: 5,
	requestTimestamp: 6,
	amount: 7,
	senderMsisdn: 8,
	accountReference: 9,
	origin: 10,
} as const;

export const API_KEY_PATTERN = /^\d{10}-\w{20}$/;
export const MSISDN_PATTERN = /^254(7|1)\d{8}$/;
export const MIN_AMOUNT = 1;
export const MAX_AMOUNT = 250000;

export interface LnmValidationContext {
	/** Server clock, epoch seconds. */
	nowSec: number;
	/** How far RequestTimestamp may be from the server clock, in seconds. */
	timestampToleranceSec: number;
	/** RequestIDs already used. */
	usedRequestIds: ReadonlySet< string >;
	/** When set, the only ApiKey accepted. */
	apiKey?: string;
}

export type LnmValidation =
	| { ok: true; request: LnmRequest; errors: ValidationError[] }
	| { ok: false; errors: ValidationError[] };

type Check = ( value: unknown, ctx: LnmValidationContext ) => string | null;

function nonEmptyString( field: string ): Check {
	return ( value ) => {
		if ( typeof value !== 'string' ) {
			return `${ field } must be a string`;
		}
		return value.trim() === '' ? `${ field } must not be empty` : null;
	};
}

const checkApiKey: Check = ( value, ctx ) => {
	if ( typeof value !== 'string' ) {
		return 'Invalid API Key: ApiKey must be a string';
	}
	if ( ! API_KEY_PATTERN.test( value ) ) {
		return 'Invalid API Key: expected 10 digits, a hyphen and 20 letters, digits or underscores';
	}
	if ( ctx.apiKey !== undefined && value !== ctx.apiKey ) {
		return 'Invalid API Key: this key is not registered';
	}
	return null;
};

const checkCallbackUrl: Check = ( value ) => {
	if ( typeof value !== 'string' ) {
		return 'CallbackUrl must be a string';
	}
	let url: URL;
	try {
		url = new URL( value );
	} catch {
		return 'CallbackUrl must be an absolute URL';
	}
	if ( url.protocol !== 'http:' && url.protocol !== 'https:' ) {
		return 'CallbackUrl must be an http or https URL';
	}
	return url.hostname === '' ? 'CallbackUrl must name a host' : null;
};

const checkTimestamp: Check = ( value, ctx ) => {
	if ( typeof value !== 'number' || ! Number.isInteger( value ) ) {
		return 'RequestTimestamp must be an integer (Unix epoch seconds)';
	}
	if ( value > 1e11 ) {
		return 'RequestTimestamp looks like milliseconds; send Unix epoch seconds';
	}
	const skew = Math.abs( value - ctx.nowSec );
	if ( skew > ctx.timestampToleranceSec ) {
		return `RequestTimestamp is ${ skew } s away from the server clock (at most ${ ctx.timestampToleranceSec } s allowed)`;
	}
	return null;
};

const checkAmount: Check = ( value ) => {
	if ( typeof value !== 'number' || ! Number.isFinite( value ) ) {
		return 'Amount must be a JSON number (KES)';
	}
	if ( value < MIN_AMOUNT ) {
		return `Amount must be at least ${ MIN_AMOUNT }`;
	}
	return value > MAX_AMOUNT ? `Amount must not exceed ${ MAX_AMOUNT }` : null;
};

const checkMsisdn: Check = ( value ) => {
	if ( typeof value !== 'string' ) {
		return 'SenderMSISDN must be a string';
	}
	return MSISDN_PATTERN.test( value )
		? null
		: 'SenderMSISDN must be 254, then 7 or 1, then 8 digits (e.g. 254712345678)';
};

const checkOrigin: Check = ( value ) => {
	if ( typeof value !== 'string' ) {
		return 'Origin must be a string';
	}
	let url: URL | null = null;
	try {
		url = new URL( value );
	} catch {}
	const isOrigin =
		url !== null &&
		( url.protocol === 'http:' || url.protocol === 'https:' ) &&
		url.origin.toLowerCase() === value.toLowerCase();
	return isOrigin
		? null
		: 'Origin must be a scheme and host only, e.g. https://shop.example.co.ke';
};

const checkDuplicate: Check = ( value, ctx ) =>
	typeof value === 'string' && ctx.usedRequestIds.has( value )
		? 'RequestID has already been used'
		: null;

/** Checks in the order the errors are reported. */
const CHECKS: Array< [ keyof LnmRequest, number, Check ] > = [
	[ 'ApiKey', LNM_ERROR.apiKey, checkApiKey ],
	[ 'RequestID', LNM_ERROR.requestId, nonEmptyString( 'RequestID' ) ],
	[ 'RequestID', LNM_ERROR.duplicateRequestId, checkDuplicate ],
	[ 'CallbackUrl', LNM_ERROR.callbackUrl, checkCallbackUrl ],
	[ 'RequestTimestamp', LNM_ERROR.requestTimestamp, checkTimestamp ],
	[ 'Amount', LNM_ERROR.amount, checkAmount ],
	[ 'SenderMSISDN', LNM_ERROR.senderMsisdn, checkMsisdn ],
	[
		'AccountReference',
		LNM_ERROR.accountReference,
		nonEmptyString( 'AccountReference' ),
	],
	[ 'Origin', LNM_ERROR.origin, checkOrigin ],
];

function missingMessage(
	field: string,
	body: Record< string, unknown >
): string {
	if ( field === 'ApiKey' && 'APIKey' in body ) {
		return 'Invalid API Key: ApiKey is required (spelled ApiKey on /pvp/lnm, APIKey on /pvp/report)';
	}
	return field === 'ApiKey'
		? 'Invalid API Key: ApiKey is required'
		: `${ field } is required`;
}

/**
 * Validates an lnm body the way the simulator's ProxyAPI does.
 *
 * @param body The parsed JSON body.
 * @param ctx  Clock, tolerance, used RequestIDs and the optional registered key.
 * @return The typed request, or every error found (first error first).
 */
export function validateLnmRequest(
	body: unknown,
	ctx: LnmValidationContext
): LnmValidation {
	if ( typeof body !== 'object' || body === null || Array.isArray( body ) ) {
		return {
			ok: false,
			errors: [
				{
					field: 'body',
					code: LNM_ERROR.body,
					message: 'The body must be a JSON object',
				},
			],
		};
	}
	const fields = body as Record< string, unknown >;
	const errors: ValidationError[] = [];
	for ( const [ field, code, check ] of CHECKS ) {
		const value = fields[ field ];
		const message =
			value === undefined || value === null
				? missingMessage( field, fields )
				: check( value, ctx );
		const alreadyReported = errors.some(
			( error ) => error.field === field
		);
		if ( message !== null && ! alreadyReported ) {
			errors.push( { field, code, message } );
		}
	}
	if ( errors.length > 0 ) {
		return { ok: false, errors };
	}
	return { ok: true, request: fields as unknown as LnmRequest, errors };
}

/**
 * The "accepted" answer.
 *
 * @param merchantRequestId MerchantRequestID issued.
 * @param checkoutRequestId CheckoutRequestID issued.
 * @return The response body.
 */
export function acceptedResponse(
	merchantRequestId: string,
	checkoutRequestId: string
): LnmResponse {
	return {
		StatusCode: 0,
		ResponseCode: 0,
		ResponseDesc: 'Success. Request accepted for processing',
		MerchantRequestID: merchantRequestId,
		CheckoutRequestID: checkoutRequestId,
	};
}

/**
 * The "rejected" answer: the first error's code, every error's message.
 *
 * @param errors What was wrong (at least one).
 * @return The response body.
 */
export function rejectedResponse( errors: ValidationError[] ): LnmResponse {
	return {
		StatusCode: -1,
		ResponseCode: errors[ 0 ]?.code ?? LNM_ERROR.body,
		ResponseDesc: errors.map( ( error ) => error.message ).join( '; ' ),
		MerchantRequestID: null,
		CheckoutRequestID: null,
	};
}
