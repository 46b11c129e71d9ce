/**
 * Daraja's error answers: `{"requestId", "errorCode", "errorMessage"}` with its documented codes
 * (API notes, 2.2 and 2.4).
 */
import { randomInt } from 'node:crypto';

import type { Reply } from '../http';
import type { DarajaErrorBody } from './types';

export const DARAJA_ERROR = {
	/** Bad Request - Invalid <field>. */
	invalidField: '400.002.02',
	/** OAuth: invalid authentication (not Basic, or unknown key/secret). */
	invalidAuthentication: '400.008.01',
	/** OAuth: invalid grant type. */
	invalidGrantType: '400.008.02',
	/** Missing, unknown or expired token. */
	invalidAccessToken: '404.001.03',
	notFound: '404.001.01',
	methodNotAllowed: '405.001',
	/** Wrong credentials / merchant does not exist / transaction being processed. */
	merchant: '500.001.1001',
} as const;

/**
 * A Daraja-style request id, e.g. `16813-1590513-1`.
 *
 * @return The id.
 */
export function darajaRequestId(): string {
	return `${ randomInt( 10000, 100000 ) }-${ randomInt( 1000000, 10000000 ) }-1`;
}

/**
 * An error reply in Daraja's shape.
 *
 * @param status  HTTP status.
 * @param code    errorCode.
 * @param message errorMessage.
 * @return The reply.
 */
export function darajaError(
	status: number,
	code: string,
	message: string
): Reply {
	const body: DarajaErrorBody = {
		requestId: darajaRequestId(),
		errorCode: code,
		errorMessage: message,
	};
	return { status, body, note: `${ code } ${ message }` };
}

/**
 * `400.002.02 Bad Request - Invalid <field>`, as Daraja words it.
 *
 * @param field The offending field.
 * @return The reply.
 */
export function invalidField( field: string ): Reply {
	return darajaError(
		400,
		DARAJA_ERROR.invalidField,
		`Bad Request - Invalid ${ field }`
	);
}

/**
 * `404.001.03 Invalid Access Token`.
 *
 * @return The reply.
 */
export function invalidToken(): Reply {
	return darajaError(
		404,
		DARAJA_ERROR.invalidAccessToken,
		'Invalid Access Token'
	);
}
