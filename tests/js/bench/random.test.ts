/**
 * @jest-environment node
 */
import { seededRandom, shuffled } from '../../../tools/bench/random';

const items = Array.from( { length: 50 }, ( _, i ) => i );

describe( 'shuffled', () => {
	it( 'returns every item once', () => {
		expect( [ ...shuffled( items, 7 ) ].sort( ( a, b ) => a - b ) ).toEqual(
			items
		);
	} );

	it( 'gives the same order for the same seed, so a burst can be replayed', () => {
		expect( shuffled( items, 20261130 ) ).toEqual(
			shuffled( items, 20261130 )
		);
	} );

	it( 'gives another order for another seed', () => {
		expect( shuffled( items, 1 ) ).not.toEqual( shuffled( items, 2 ) );
	} );

	it( 'leaves the input alone', () => {
		const input = [ 1, 2, 3 ];
		shuffled( input, 3 );
		expect( input ).toEqual( [ 1, 2, 3 ] );
	} );
} );

describe( 'seededRandom', () => {
	it( 'stays within [0, 1)', () => {
		const next = seededRandom( 99 );
		for ( let i = 0; i < 1000; i++ ) {
			const value = next();
			expect( value ).toBeGreaterThanOrEqual( 0 );
			expect( value ).toBeLessThan( 1 );
		}
	} );
} );
