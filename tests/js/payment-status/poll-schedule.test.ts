/**
 * Internal dependencies
 */
import {
	FAST_INTERVAL_MS,
	GIVE_UP_AFTER_MS,
	MAX_INTERVAL_MS,
	RATE_LIMITED_WAIT_MS,
	isPollingState,
	nextPollDelay,
	rateLimitedWait,
} from '@pay-via-proxyapi/payment-status/poll-schedule';

describe( 'nextPollDelay', () => {
	it( 'asks every second while a prompt can still be answered', () => {
		expect( nextPollDelay( 0, 0 ) ).toBe( FAST_INTERVAL_MS );
		expect( nextPollDelay( 119_000, 1000 ) ).toBe( 1000 );
	} );

	it( 'then backs off by half each time, up to 15 seconds', () => {
		let wait = 1000;
		const waits: number[] = [];
		for ( let i = 0; i < 8; i++ ) {
			wait = nextPollDelay( 130_000, wait ) as number;
			waits.push( wait );
		}
		expect( waits.slice( 0, 3 ) ).toEqual( [ 1500, 2250, 3375 ] );
		expect( waits[ waits.length - 1 ] ).toBe( MAX_INTERVAL_MS );
	} );

	it( 'gives up after half an hour', () => {
		expect( nextPollDelay( GIVE_UP_AFTER_MS, 15_000 ) ).toBeNull();
		expect( nextPollDelay( GIVE_UP_AFTER_MS, 15_000, 30_000 ) ).toBeNull();
	} );

	it( 'waits at least as long as a 429 asked, in either phase', () => {
		expect( nextPollDelay( 10_000, 1000, 42_000 ) ).toBe( 42_000 );
		expect( nextPollDelay( 130_000, 1000, 42_000 ) ).toBe( 42_000 );
		// A short ask does not speed polling up.
		expect( nextPollDelay( 130_000, 10_000, 500 ) ).toBe( 15_000 );
	} );
} );

describe( 'rateLimitedWait', () => {
	it( 'follows the store, or waits the longest interval when it did not say', () => {
		expect( rateLimitedWait( 17 ) ).toBe( 17_000 );
		expect( rateLimitedWait( null ) ).toBe( RATE_LIMITED_WAIT_MS );
		expect( rateLimitedWait( 0 ) ).toBe( RATE_LIMITED_WAIT_MS );
	} );
} );

describe( 'isPollingState', () => {
	it.each( [
		[ 'awaiting', true ],
		[ 'delayed', true ],
		[ 'paid', false ],
		[ 'failed', false ],
		[ 'not_sent', false ],
		[ 'on_hold', false ],
		[ 'closed', false ],
		[ 'none', false ],
	] as const )( '%s -> %s', ( state, expected ) => {
		expect( isPollingState( state ) ).toBe( expected );
	} );
} );
