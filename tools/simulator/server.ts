/**
 * The simulator's HTTP server: routing, logging and lifecycle. `createSimulator()` is what
 * `main.ts` and the tests start.
 */
import {
	createServer,
	type IncomingMessage,
	type Server,
	type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';

import { handleControl } from './control';
import { handleDaraja, isDarajaPath } from './daraja/routes';
import {
	SIM_ERROR,
	errorReply,
	readJson,
	writeReply,
	type Reply,
} from './http';
import { handleLnm } from './lnm-route';
import { logLine } from './log';
import { isPhonePage, phonePage } from './phone/page';
import { handleReport } from './report';
import { SimState, type SimSettings } from './state';

export interface SimulatorOptions extends Partial< SimSettings > {
	/** Port to listen on; 0 picks a free one. Default 8899. */
	port?: number;
	/** Interface to listen on. Default 127.0.0.1. */
	host?: string;
}

export interface Simulator {
	/** Base URL, e.g. `http://127.0.0.1:8899`. */
	url: string;
	port: number;
	state: SimState;
	close: () => Promise< void >;
}

export const DEFAULT_PORT = 8899;

const DEFAULT_SETTINGS: SimSettings = {
	callbackDelayMs: 150,
	callbackTimeoutMs: 10000,
	insecureTls: false,
	timestampToleranceSec: 3600,
	log: ( line ) => process.stdout.write( `${ line }\n` ),
};

async function route(
	state: SimState,
	req: IncomingMessage,
	url: URL
): Promise< Reply > {
	const method = req.method ?? 'GET';
	const path = url.pathname;
	if ( path.startsWith( '/__sim/' ) ) {
		return handleControl( state, {
			method,
			path,
			query: url.searchParams,
			body: () => readJson( req ),
		} );
	}
	if ( isDarajaPath( path ) ) {
		return handleDaraja( state, req, url );
	}
	if ( isPhonePage( method, path ) ) {
		return phonePage( path );
	}
	if ( path === '/pvp/lnm' || path === '/pvp/report' ) {
		if ( method !== 'POST' ) {
			return errorReply(
				405,
				SIM_ERROR.method,
				`${ method } is not allowed on ${ path }; use POST`
			);
		}
		const body = await readJson( req );
		return path === '/pvp/lnm'
			? handleLnm( state, body )
			: handleReport( state, body );
	}
	return errorReply(
		404,
		SIM_ERROR.notFound,
		`Not found: ${ method } ${ path }`
	);
}

function handler( state: SimState, hangs: Set< NodeJS.Timeout > ) {
	return async (
		req: IncomingMessage,
		res: ServerResponse
	): Promise< void > => {
		const started = Date.now();
		const url = new URL( req.url ?? '/', 'http://simulator.invalid' );
		let reply: Reply;
		try {
			reply = await route( state, req, url );
		} catch ( error ) {
			reply = errorReply(
				500,
				SIM_ERROR.internal,
				`Simulator error: ${ ( error as Error ).message }`
			);
		}
		// Drain what a handler did not read, so the client always gets its answer.
		req.resume();
		const finish = () => {
			writeReply( res, reply );
			state.settings.log(
				logLine(
					req.method,
					url.pathname,
					reply.status,
					`${ Date.now() - started }ms`,
					reply.note
				)
			);
		};
		if ( reply.hangMs ) {
			const timer = setTimeout( () => {
				hangs.delete( timer );
				finish();
			}, reply.hangMs );
			hangs.add( timer );
		} else {
			finish();
		}
	};
}

function listen( server: Server, port: number, host: string ): Promise< void > {
	return new Promise( ( resolve, reject ) => {
		server.once( 'error', reject );
		server.listen( port, host, () => {
			server.off( 'error', reject );
			resolve();
		} );
	} );
}

/**
 * Starts a simulator.
 *
 * @param options Port, host and settings (each has a default).
 * @return The running simulator.
 */
export async function createSimulator(
	options: SimulatorOptions = {}
): Promise< Simulator > {
	const { port = DEFAULT_PORT, host = '127.0.0.1', ...overrides } = options;
	const defined = Object.fromEntries(
		Object.entries( overrides ).filter(
			( [ , value ] ) => value !== undefined
		)
	);
	const state = new SimState( { ...DEFAULT_SETTINGS, ...defined } );
	const hangs = new Set< NodeJS.Timeout >();
	const server = createServer( handler( state, hangs ) );
	await listen( server, port, host );
	const address = server.address() as AddressInfo;
	const shownHost = host.includes( ':' ) ? `[${ host }]` : host;
	let closing: Promise< void > | null = null;
	const close = () => {
		closing ??= new Promise< void >( ( resolve ) => {
			state.shutdown();
			hangs.forEach( ( timer ) => clearTimeout( timer ) );
			hangs.clear();
			server.close( () => resolve() );
			server.closeAllConnections();
		} );
		return closing;
	};
	return {
		url: `http://${ shownHost }:${ address.port }`,
		port: address.port,
		state,
		close,
	};
}
