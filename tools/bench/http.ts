/**
 * Timed HTTP on loopback (Node's fetch keeps connections alive, so no sample pays for a TCP handshake).
 * Each sample has the client's wall time and what the bench must-use plugin reports from inside PHP.
 */

/** One measured request. */
export interface Sample {
	status: number;
	/** Client wall time: request sent to the last byte of the answer read. */
	ms: number;
	/** PHP's own time, REQUEST_TIME_FLOAT to shutdown (Server-Timing), or null. */
	serverMs: number | null;
	/** memory_get_peak_usage() at shutdown (X-Pvp-Peak-Memory), or null. */
	peakBytes: number | null;
	/** PHP's CPU time for the request (X-Pvp-Cpu), or null. */
	cpuMs: number | null;
	headers: Headers;
	text: string;
}

export interface RequestOptions {
	method?: 'GET' | 'POST';
	/** Sent as JSON. */
	json?: unknown;
	headers?: Record< string, string >;
}

function serverTiming( headers: Headers ): number | null {
	const match = /\bapp;dur=([\d.]+)/.exec(
		headers.get( 'server-timing' ) ?? ''
	);
	return match ? Number( match[ 1 ] ) : null;
}

function numberHeader( headers: Headers, name: string ): number | null {
	const raw = headers.get( name );
	return raw === null ? null : Number( raw );
}

/**
 * @param url     Absolute URL (loopback only).
 * @param options Method, JSON body, headers.
 * @return The sample; never throws for an HTTP error status.
 */
export async function timed(
	url: string,
	options: RequestOptions = {}
): Promise< Sample > {
	const headers: Record< string, string > = { ...options.headers };
	let body: string | undefined;
	if ( options.json !== undefined ) {
		headers[ 'Content-Type' ] = 'application/json';
		body = JSON.stringify( options.json );
	}
	const started = performance.now();
	const response = await fetch( url, {
		method: options.method ?? ( body === undefined ? 'GET' : 'POST' ),
		headers,
		body,
		redirect: 'manual',
	} );
	const text = await response.text();
	const ms = performance.now() - started;
	return {
		status: response.status,
		ms,
		serverMs: serverTiming( response.headers ),
		peakBytes: numberHeader( response.headers, 'x-pvp-peak-memory' ),
		cpuMs: numberHeader( response.headers, 'x-pvp-cpu' ),
		headers: response.headers,
		text,
	};
}

/**
 * @param sample A sample whose answer must be JSON.
 * @param what   What was asked, for the error message.
 * @return The parsed body.
 */
export function jsonOf< T >( sample: Sample, what: string ): T {
	try {
		return JSON.parse( sample.text ) as T;
	} catch {
		throw new Error(
			`${ what }: expected JSON, got HTTP ${
				sample.status
			}: ${ sample.text.slice( 0, 200 ) }`
		);
	}
}

/**
 * @param sample A sample.
 * @param what   What was asked.
 * @param status The status it must have.
 * @return The sample, when it has that status.
 */
export function expectStatus(
	sample: Sample,
	what: string,
	status = 200
): Sample {
	if ( sample.status !== status ) {
		throw new Error(
			`${ what }: expected HTTP ${ status }, got ${
				sample.status
			}: ${ sample.text.slice( 0, 300 ) }`
		);
	}
	return sample;
}
