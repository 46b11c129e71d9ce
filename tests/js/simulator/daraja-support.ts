/**
 * Helpers for the Daraja simulator tests: an HTTP client with headers, the Lipa na M-Pesa password,
 * Kenya-time timestamps and valid request bodies.
 */
import { SANDBOX_PASSKEY } from '../../../tools/simulator/daraja/config';
import { kenyaStamp } from '../../../tools/simulator/ids';
import type { HttpAnswer } from './support';

export const SHORTCODE = '174379';
export const TILL = '600990';
export const BASIC = `Basic ${ Buffer.from(
	'pvp-sim-consumer-key:pvp-sim-consumer-secret'
).toString( 'base64' ) }`;

/**
 * Sends a request with headers (Node's fetch) and resolves with the answer.
 *
 * @param method  HTTP method.
 * @param url     Absolute URL.
 * @param headers Request headers.
 * @param body    Object sent as JSON, or a string sent as it is.
 * @return Status, text and parsed JSON.
 */
export async function send(
	method: string,
	url: string,
	headers: Record< string, string >,
	body?: unknown
): Promise< HttpAnswer > {
	const response = await fetch( url, {
		method,
		headers,
		body:
			body === undefined || typeof body === 'string'
				? body
				: JSON.stringify( body ),
	} );
	const text = await response.text();
	let json: unknown;
	try {
		json = JSON.parse( text );
	} catch {
		json = undefined;
	}
	return { status: response.status, text, json };
}

/**
 * @param simUrl The simulator's base URL.
 * @return A fresh access token.
 */
export async function token( simUrl: string ): Promise< string > {
	const answer = await send(
		'GET',
		`${ simUrl }/oauth/v1/generate?grant_type=client_credentials`,
		{ Authorization: BASIC }
	);
	return answer.json.access_token;
}

/**
 * POSTs JSON with a bearer token, as Daraja wants.
 *
 * @param url         Absolute URL.
 * @param accessToken The token.
 * @param body        The body.
 * @return The answer.
 */
export function postDaraja(
	url: string,
	accessToken: string,
	body: unknown
): Promise< HttpAnswer > {
	return send(
		'POST',
		url,
		{
			Authorization: `Bearer ${ accessToken }`,
			'Content-Type': 'application/json',
		},
		body
	);
}

/**
 * The password and timestamp pair for now.
 *
 * @param shortcode The BusinessShortCode.
 * @param at        Epoch ms (default now).
 * @return Password and Timestamp.
 */
export function credentials(
	shortcode = SHORTCODE,
	at = Date.now()
): { Password: string; Timestamp: string } {
	const timestamp = kenyaStamp( at );
	return {
		Password: Buffer.from(
			`${ shortcode }${ SANDBOX_PASSKEY }${ timestamp }`
		).toString( 'base64' ),
		Timestamp: timestamp,
	};
}

/**
 * A valid paybill STK push body (with `overrides`).
 *
 * @param callbackUrl Where the result goes.
 * @param overrides   Fields to replace.
 * @return The body.
 */
export function stkBody(
	callbackUrl: string,
	overrides: Record< string, unknown > = {}
): Record< string, unknown > {
	return {
		BusinessShortCode: Number( SHORTCODE ),
		...credentials(),
		TransactionType: 'CustomerPayBillOnline',
		Amount: 1500,
		PartyA: 254712345678,
		PartyB: Number( SHORTCODE ),
		PhoneNumber: 254712345678,
		CallBackURL: callbackUrl,
		AccountReference: '1042',
		TransactionDesc: 'Order 1042',
		...overrides,
	};
}
