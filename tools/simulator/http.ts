/**
 * Reading request bodies (JSON, at most 1 MB) and writing JSON replies in the PVP error shape.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const MAX_BODY_BYTES = 1024 * 1024;

/** The simulator's own ResponseCodes for refusals that are not lnm field errors. */
export const SIM_ERROR = {
	body: 2,
	notFound: 404,
	method: 405,
	timeout: 408,
	internal: 500,
} as const;

/** What a handler answers; the server writes it (after `hangMs`, for failure tests). */
export interface Reply {
	status: number;
	body: unknown;
	/** Send `body` (a string) as it is instead of as JSON. */
	raw?: boolean;
	/** Content-Type of a raw body (default JSON). */
	contentType?: string;
	/** Extra response headers (the phone page's security headers). */
	headers?: Record< string, string >;
	hangMs?: number;
	/** Extra words for the log line (never secrets). */
	note?: string;
}

export type JsonBody =
	| { ok: true; value: unknown; text: string }
	| { ok: false; error: string; text: string | null };

/**
 * Reads the whole body; past 1 MB it keeps draining (so the client can read the answer) but
 * stops collecting.
 *
 * @param req The request.
 * @return The body as JSON, or why it is not.
 */
export function readJson( req: IncomingMessage ): Promise< JsonBody > {
	return new Promise( ( resolve ) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on( 'data', ( chunk: Buffer ) => {
			size += chunk.length;
			if ( size <= MAX_BODY_BYTES ) {
				chunks.push( chunk );
			}
		} );
		req.on( 'error', ( error ) =>
			resolve( {
				ok: false,
				error: `Could not read the body: ${ error.message }`,
				text: null,
			} )
		);
		req.on( 'end', () => {
			if ( size > MAX_BODY_BYTES ) {
				resolve( {
					ok: false,
					error: `The body is larger than ${ MAX_BODY_BYTES } bytes`,
					text: null,
				} );
				return;
			}
			resolve( parseJson( Buffer.concat( chunks ).toString( 'utf8' ) ) );
		} );
	} );
}

function parseJson( text: string ): JsonBody {
	if ( text.trim() === '' ) {
		return { ok: false, error: 'The body is empty; expected JSON', text };
	}
	try {
		return { ok: true, value: JSON.parse( text ) as unknown, text };
	} catch ( error ) {
		return {
			ok: false,
			error: `The body is not valid JSON: ${ ( error as Error ).message }`,
			text,
		};
	}
}

/**
 * The PVP error shape (`StatusCode` -1, null ids), used for every refusal.
 *
 * @param code        ResponseCode.
 * @param description ResponseDesc.
 * @return The body.
 */
export function pvpError(
	code: number,
	description: string
): Record< string, unknown > {
	return {
		StatusCode: -1,
		ResponseCode: code,
		ResponseDesc: description,
		MerchantRequestID: null,
		CheckoutRequestID: null,
	};
}

/**
 * A refusal reply.
 *
 * @param status      HTTP status.
 * @param code        ResponseCode.
 * @param description ResponseDesc.
 * @return The reply.
 */
export function errorReply(
	status: number,
	code: number,
	description: string
): Reply {
	return { status, body: pvpError( code, description ), note: description };
}

/**
 * Writes a reply unless the connection is already gone.
 *
 * @param res   The response.
 * @param reply What to send.
 */
export function writeReply( res: ServerResponse, reply: Reply ): void {
	if ( res.headersSent || res.destroyed ) {
		return;
	}
	const text =
		reply.raw && typeof reply.body === 'string'
			? reply.body
			: ( JSON.stringify( reply.body ) ?? '' );
	res.writeHead( reply.status, {
		'Content-Type': reply.contentType ?? 'application/json; charset=utf-8',
		'Content-Length': Buffer.byteLength( text ),
		'Cache-Control': 'no-store',
		...reply.headers,
	} );
	res.end( text );
}
