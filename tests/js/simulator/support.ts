/**
 * Helpers for the simulator tests: a JSON HTTP client, a stand-in store that records the
 * callbacks it receives, and a valid lnm body.
 */
import { EventEmitter } from 'node:events';
import { createServer, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HttpAnswer {
	status: number;
	text: string;
	json: any;
}

/**
 * Sends a request to 127.0.0.1 and resolves with the answer.
 *
 * @param method HTTP method.
 * @param url    Absolute URL.
 * @param body   Object to send as JSON, or a string to send as it is.
 * @return Status, text and parsed JSON (undefined when not JSON).
 */
export function http(
	method: string,
	url: string,
	body?: unknown
): Promise< HttpAnswer > {
	return new Promise( ( resolve, reject ) => {
		const payload =
			body === undefined
				? undefined
				: Buffer.from(
						typeof body === 'string' ? body : JSON.stringify( body )
					);
		const req = request( url, {
			method,
			agent: false,
			headers: payload
				? {
						'Content-Type': 'application/json',
						'Content-Length': payload.length,
					}
				: {},
		} );
		req.on( 'error', reject );
		req.on( 'response', ( res ) => {
			let text = '';
			res.setEncoding( 'utf8' );
			res.on( 'data', ( chunk: string ) => ( text += chunk ) );
			res.on( 'end', () => {
				let json: unknown;
				try {
					json = JSON.parse( text );
				} catch {
					json = undefined;
				}
				resolve( { status: res.statusCode ?? 0, text, json } );
			} );
		} );
		req.end( payload );
	} );
}

export const post = ( url: string, body?: unknown ) =>
	http( 'POST', url, body );
export const get = ( url: string ) => http( 'GET', url );

export interface Received {
	path: string;
	headers: IncomingHttpHeaders;
	body: any;
}

export interface Receiver {
	url: string;
	received: Received[];
	/** Status the next callbacks are answered with (default 200). */
	status: number;
	/** Resolves once `count` callbacks have arrived in total. */
	waitFor: ( count: number ) => Promise< Received[] >;
	events: EventEmitter;
	close: () => Promise< void >;
}

/**
 * Starts a tiny store stand-in on an ephemeral port. It answers every POST with `status`
 * and the body `-1`, like WooCommerce's legacy endpoint.
 *
 * @return The receiver.
 */
export async function startReceiver(): Promise< Receiver > {
	const events = new EventEmitter();
	const received: Received[] = [];
	const receiver = { status: 200 } as Receiver;
	const server = createServer( ( req, res ) => {
		let text = '';
		req.setEncoding( 'utf8' );
		req.on( 'data', ( chunk: string ) => ( text += chunk ) );
		req.on( 'end', () => {
			received.push( {
				path: req.url ?? '',
				headers: req.headers,
				body: JSON.parse( text ),
			} );
			res.writeHead( receiver.status, { 'Content-Type': 'text/plain' } );
			res.end( '-1' );
			events.emit( 'received' );
		} );
	} );
	await new Promise< void >( ( resolve ) =>
		server.listen( 0, '127.0.0.1', resolve )
	);
	const { port } = server.address() as AddressInfo;
	return Object.assign( receiver, {
		url: `http://127.0.0.1:${ port }`,
		received,
		events,
		waitFor: ( count: number ) =>
			new Promise< Received[] >( ( resolve ) => {
				const check = () => {
					if ( received.length >= count ) {
						events.off( 'received', check );
						resolve( received );
					}
				};
				events.on( 'received', check );
				check();
			} ),
		close: () =>
			new Promise< void >( ( resolve ) => {
				server.close( () => resolve() );
				server.closeAllConnections();
			} ),
	} );
}

/**
 * A port nothing listens on (bound, then released).
 *
 * @return The port.
 */
export async function closedPort(): Promise< number > {
	const server = createServer();
	await new Promise< void >( ( resolve ) =>
		server.listen( 0, '127.0.0.1', resolve )
	);
	const { port } = server.address() as AddressInfo;
	await new Promise< void >( ( resolve ) => server.close( () => resolve() ) );
	return port;
}

export const API_KEY = '1580000000-AbCdEfGhIjKlMnOpQrSt';

let counter = 0;

/**
 * A valid lnm body with a fresh RequestID.
 *
 * @param overrides Fields to replace.
 * @return The body.
 */
export function lnmBody(
	overrides: Record< string, unknown > = {}
): Record< string, unknown > {
	counter++;
	return {
		RequestID: `REQ${ Date.now().toString( 36 ).toUpperCase() }${ counter }`,
		ApiKey: API_KEY,
		CallbackUrl:
			'https://shop.example.co.ke/wp-json/pay-via-proxyapi/v1/callbacks/1042/secret-token',
		RequestTimestamp: Math.floor( Date.now() / 1000 ),
		Amount: 1500,
		SenderMSISDN: '254712345678',
		AccountReference: '1042',
		Origin: 'https://shop.example.co.ke',
		...overrides,
	};
}
