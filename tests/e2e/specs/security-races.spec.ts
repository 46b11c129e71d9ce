/**
 * Concurrent callbacks against the real store (PHP-FPM with six workers, MariaDB): the per-order database
 * lock and the settlement rules must give exactly one completion, one note and one hook call, however many
 * copies arrive at once and in whatever order.
 */
import { test, expect } from '@playwright/test';
import { OrderObserver, PAID_ONCE } from '../fixtures/store';
import {
	livePayment,
	postCallback,
	simulatorBody,
	phpProblems,
	fileSize,
	readSince,
	storePaths,
} from '../fixtures/security';

const COPIES = 50;

function count( notes: string[], text: string ): number {
	return notes.filter( ( note ) => note.includes( text ) ).length;
}

test.describe( 'callbacks racing each other', () => {
	test( '50 copies of the same success callback at once pay the order exactly once', async ( {
		request,
	} ) => {
		const log = storePaths().debug_log;
		const logStart = fileSize( log );
		const payment = await livePayment( request );
		const body = await simulatorBody( request, payment, 'stk', 0 );

		const answers = await Promise.all(
			Array.from( { length: COPIES }, () =>
				postCallback( payment.callbackUrl, body )
			)
		);

		const statuses = answers.map( ( answer ) => answer.status );
		// Every copy is accepted: the store answers first and settles them one by one afterwards.
		expect( statuses.filter( ( status ) => status !== 200 ) ).toEqual( [] );
		const observer = new OrderObserver( request );
		const outcomes = await observer.outcomes( payment.orderId );
		expect( outcomes ).toHaveLength( COPIES );
		expect(
			outcomes.filter( ( outcome ) => outcome === 'complete' )
		).toHaveLength( 1 );
		expect(
			outcomes.filter( ( outcome ) => outcome === 'duplicate' )
		).toHaveLength( COPIES - 1 );

		const order = await observer.order( payment.orderId );
		expect( order.status ).toBe( 'processing' );
		expect( order.hooks ).toEqual( PAID_ONCE );
		expect( count( order.notes, 'M-Pesa payment received' ) ).toBe( 1 );
		expect( order.transaction_id ).toMatch( /^[A-Z0-9]{10}$/ );
		expect( phpProblems( readSince( log, logStart ) ) ).toEqual( [] );
	} );

	test( 'a mix of stkCallback, pvpCallback and failure copies for one attempt settles once', async ( {
		request,
	} ) => {
		const payment = await livePayment( request );
		const stk = await simulatorBody( request, payment, 'stk', 0 );
		const pvp = await simulatorBody( request, payment, 'pvp' );
		const failure = await simulatorBody( request, payment, 'stk', 1032 );
		const bodies = Array.from(
			{ length: 45 },
			( _, i ) => [ stk, pvp, failure ][ i % 3 ]
		);

		const answers = await Promise.all(
			bodies.map( ( body ) => postCallback( payment.callbackUrl, body ) )
		);

		expect( answers.filter( ( answer ) => answer.status !== 200 ) ).toEqual(
			[]
		);
		const order = await new OrderObserver( request ).order(
			payment.orderId
		);
		// Whatever came first, the money is real: the order ends paid, and each event happened at most once.
		expect( order.status ).toBe( 'processing' );
		expect( order.hooks.proxyapi_pvp_payment_completed ).toBe( '1' );
		expect( order.hooks.pvp_on_payment_complete ).toBe( '1' );
		const failed = Number( order.hooks.proxyapi_pvp_payment_failed ?? 0 );
		expect( failed ).toBeLessThanOrEqual( 1 );
		expect( count( order.notes, 'M-Pesa payment received' ) ).toBe( 1 );
		// A failure that won the race failed the order once and made the payment "late"; one that lost is noted once.
		expect( count( order.notes, 'M-Pesa payment failed' ) ).toBe( failed );
		expect( count( order.notes, 'Late M-Pesa payment' ) ).toBe( failed );
		expect( count( order.notes, 'the order stays paid' ) ).toBe(
			1 - failed
		);
	} );
} );
