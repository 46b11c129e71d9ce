/**
 * Thousands of generated bad bodies against the real callback URL of a live attempt: every one is refused
 * with a 4xx, none changes the order, adds a note or fires a hook, and the store's PHP error log gains no
 * warning, notice or error.
 */
import { test, expect } from '@playwright/test';
import { OrderObserver } from '../fixtures/store';
import { fuzzCases, type FuzzCase } from '../fixtures/callback-fuzz';
import {
	fileSize,
	livePayment,
	phpProblems,
	readSince,
	storePaths,
} from '../fixtures/security';

/** Fixed, so a failure can be replayed; PVP_FUZZ_SEED and PVP_FUZZ_BODIES override it for exploration. */
const SEED = Number( process.env.PVP_FUZZ_SEED ?? 20261130 );
const BODIES = Number( process.env.PVP_FUZZ_BODIES ?? 2000 );

/** As many in flight as the store has PHP workers. */
const PARALLEL = 6;

async function send(
	url: string,
	fuzz: FuzzCase
): Promise< { status: number; text: string } > {
	const headers: Record< string, string > = {};
	if ( fuzz.contentType !== null ) {
		headers[ 'Content-Type' ] = fuzz.contentType;
	}
	const response = await fetch( url, {
		method: 'POST',
		headers,
		body: fuzz.body,
	} );
	return { status: response.status, text: await response.text() };
}

test( 'thousands of malformed, foreign and oversized callback bodies change nothing and log no PHP problem', async ( {
	request,
} ) => {
	// About half a second per body on a busy two-core machine; an hour is far more than 2,000 need.
	test.setTimeout( 60 * 60_000 );
	const log = storePaths().debug_log;
	const payment = await livePayment( request );
	const observer = new OrderObserver( request );
	const before = await observer.order( payment.orderId );
	const logStart = fileSize( log );
	const cases = fuzzCases( SEED, BODIES, payment );

	const unexpected: string[] = [];
	const statuses = new Map< number, number >();
	for ( let start = 0; start < cases.length; start += PARALLEL ) {
		const batch = cases.slice( start, start + PARALLEL );
		const answers = await Promise.all(
			batch.map( ( fuzz ) => send( payment.callbackUrl, fuzz ) )
		);
		answers.forEach( ( answer, i ) => {
			statuses.set(
				answer.status,
				( statuses.get( answer.status ) ?? 0 ) + 1
			);
			const refused = [ 400, 409, 413 ].includes( answer.status );
			if ( ! refused || answer.text.includes( 'UKA1B2C3D4' ) ) {
				unexpected.push(
					`#${ start + i } ${ batch[ i ].kind } → ${
						answer.status
					} ${ answer.text.slice( 0, 200 ) } for ${ batch[
						i
					].body.slice( 0, 200 ) }`
				);
			}
		} );
	}

	test.info().annotations.push( {
		type: 'statuses',
		description: JSON.stringify( Object.fromEntries( statuses ) ),
	} );
	expect( unexpected, 'every body is refused with 400, 409 or 413' ).toEqual(
		[]
	);
	const after = await observer.order( payment.orderId );
	expect( after.status ).toBe( before.status );
	expect( after.notes ).toEqual( before.notes );
	expect( after.hooks ).toEqual( before.hooks );
	expect( after.meta._pvp_attempts ).toEqual( before.meta._pvp_attempts );
	expect( after.transaction_id ).toBe( '' );
	expect( phpProblems( readSince( log, logStart ) ) ).toEqual( [] );
} );
