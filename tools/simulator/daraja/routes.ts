/**
 * The simulated Daraja API's paths, dispatched from the simulator's router (`../server.ts`).
 */
import type { IncomingMessage } from 'node:http';

import { readJson, type Reply } from '../http';
import type { SimState } from '../state';
import { handleOauth } from './auth';
import { DARAJA_ERROR, darajaError } from './errors';
import { handleStkQuery } from './query';
import { handleReversal } from './reversal';
import { darajaState } from './state';
import { handleStkPush } from './stk';

const POST_ROUTES = {
	'/mpesa/stkpush/v1/processrequest': handleStkPush,
	'/mpesa/stkpushquery/v1/query': handleStkQuery,
	'/mpesa/reversal/v1/request': handleReversal,
} as const;

const OAUTH_PATH = '/oauth/v1/generate';

/**
 * @param path A request path.
 * @return Whether it is one of the Daraja API paths.
 */
export function isDarajaPath( path: string ): boolean {
	return path === OAUTH_PATH || path in POST_ROUTES;
}

/**
 * Answers a Daraja API request (OAuth with GET, the rest with POST, as Daraja does).
 *
 * @param sim The simulator state.
 * @param req The request.
 * @param url Its parsed URL.
 * @return The reply.
 */
export async function handleDaraja(
	sim: SimState,
	req: IncomingMessage,
	url: URL
): Promise< Reply > {
	const method = req.method ?? 'GET';
	const path = url.pathname;
	const wanted = path === OAUTH_PATH ? 'GET' : 'POST';
	if ( method !== wanted ) {
		return darajaError(
			405,
			DARAJA_ERROR.methodNotAllowed,
			'Method Not Allowed'
		);
	}
	const state = darajaState( sim );
	if ( path === OAUTH_PATH ) {
		return handleOauth( state, req, url.searchParams );
	}
	const handler = POST_ROUTES[ path as keyof typeof POST_ROUTES ];
	return handler( state, req, await readJson( req ) );
}
