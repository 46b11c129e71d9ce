/**
 * The plugin answers a callback first and settles it right after, in the same PHP worker. These helpers wait
 * for that settling to finish (so it never runs beside the next measured request, where it would slow the
 * baseline) and read what it cost: the bench timing plugin logs each callback request's whole CPU and wall
 * time, answer plus settling, at the very end of the request.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';

import { storeUrl, type BenchContext } from './context';
import { expectStatus, jsonOf, timed } from './http';

/** How often the store's inbox is read while waiting; it is not a timed request. */
const POLL_MS = 10;

/**
 * Waits until the store has settled every callback it accepted.
 *
 * @param context   The bench context.
 * @param timeoutMs Give up (and fail the run) after this long.
 * @return Milliseconds waited.
 */
export async function untilSettled(
	context: BenchContext,
	timeoutMs = 300_000
): Promise< number > {
	const started = performance.now();
	for (;;) {
		const { pending } = jsonOf< { pending: number } >(
			expectStatus(
				await timed( storeUrl( context, '/wp-json/pvp-e2e/v1/inbox' ) ),
				'reading the callback inbox'
			),
			'callback inbox'
		);
		const waited = performance.now() - started;
		if ( pending === 0 ) {
			return waited;
		}
		if ( waited > timeoutMs ) {
			throw new Error(
				`${ pending } accepted callbacks still unsettled after ${ timeoutMs } ms`
			);
		}
		await pause( POLL_MS );
	}
}

/** Whole-request figures of callback requests: answer plus the settling after it. */
export interface WholeRequests {
	cpu: number[];
	wall: number[];
}

/**
 * @param context The bench context.
 * @return Where the timing plugin's callback log ends now (pass it to wholeRequestsSince()).
 */
export function callbackLogMark( context: BenchContext ): number {
	const log = callbackLog( context );
	return existsSync( log ) ? statSync( log ).size : 0;
}

/**
 * @param context The bench context.
 * @param mark    What callbackLogMark() returned before the requests.
 * @return The callback requests logged since then.
 */
export function wholeRequestsSince(
	context: BenchContext,
	mark: number
): WholeRequests {
	const log = callbackLog( context );
	const lines = existsSync( log )
		? readFileSync( log ).subarray( mark ).toString( 'utf8' ).split( '\n' )
		: [];
	const parsed = lines
		.filter( ( line ) => line.trim() !== '' )
		.map(
			( line ) =>
				JSON.parse( line ) as { cpu_ms: number; wall_ms: number }
		);
	return {
		cpu: parsed.map( ( entry ) => entry.cpu_ms ),
		wall: parsed.map( ( entry ) => entry.wall_ms ),
	};
}

const callbackLog = ( context: BenchContext ): string =>
	join( context.store.paths.logs, 'bench-callbacks.jsonl' );
