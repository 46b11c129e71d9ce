/**
 * @jest-environment node
 */
import {
	median,
	percentile,
	ratio,
	summarise,
	throughput,
} from '../../../tools/bench/stats';

const oneToHundred = Array.from( { length: 100 }, ( _, i ) => i + 1 );

describe( 'median', () => {
	it( 'is the middle sample of an odd count, in any order', () => {
		expect( median( [ 9, 1, 5 ] ) ).toBe( 5 );
	} );

	it( 'is the mean of the two middle samples of an even count', () => {
		expect( median( [ 4, 1, 3, 2 ] ) ).toBe( 2.5 );
	} );

	it( 'is the sample itself for one sample', () => {
		expect( median( [ 42 ] ) ).toBe( 42 );
	} );

	it( 'does not reorder the caller’s array', () => {
		const samples = [ 3, 1, 2 ];
		median( samples );
		expect( samples ).toEqual( [ 3, 1, 2 ] );
	} );
} );

describe( 'percentile (nearest rank)', () => {
	it( 'gives the 95th of 1..100 as 95', () => {
		expect( percentile( oneToHundred, 95 ) ).toBe( 95 );
	} );

	it( 'rounds the rank up, so p95 of 20 samples is the 19th smallest', () => {
		const twenty = Array.from( { length: 20 }, ( _, i ) => ( i + 1 ) * 10 );
		expect( percentile( twenty, 95 ) ).toBe( 190 );
	} );

	it( 'is always a measured value, never an interpolation', () => {
		expect( percentile( [ 10, 20, 30 ], 95 ) ).toBe( 30 );
		expect( percentile( [ 10, 20, 30 ], 50 ) ).toBe( 20 );
	} );

	it( 'gives the maximum at 100 and the only sample for one sample', () => {
		expect( percentile( [ 5, 7, 6 ], 100 ) ).toBe( 7 );
		expect( percentile( [ 8 ], 95 ) ).toBe( 8 );
	} );

	it( 'refuses a percent outside (0, 100]', () => {
		expect( () => percentile( [ 1 ], 0 ) ).toThrow( /Percentile/ );
		expect( () => percentile( [ 1 ], 101 ) ).toThrow( /Percentile/ );
		expect( () => percentile( [ 1 ], Number.NaN ) ).toThrow( /Percentile/ );
	} );
} );

describe( 'bad samples', () => {
	it( 'refuses an empty series', () => {
		expect( () => median( [] ) ).toThrow( 'No samples' );
		expect( () => percentile( [], 95 ) ).toThrow( 'No samples' );
	} );

	it( 'refuses a series with a non-finite value', () => {
		expect( () => median( [ 1, Number.NaN ] ) ).toThrow( 'finite' );
		expect( () => summarise( [ 1, Infinity ] ) ).toThrow( 'finite' );
	} );
} );

describe( 'summarise', () => {
	it( 'gives count, median, p95, min and max', () => {
		expect( summarise( [ ...oneToHundred ].reverse() ) ).toEqual( {
			count: 100,
			median: 50.5,
			p95: 95,
			min: 1,
			max: 100,
		} );
	} );
} );

describe( 'throughput and ratio', () => {
	it( 'counts requests per second', () => {
		expect( throughput( 500, 20_000 ) ).toBe( 25 );
	} );

	it( 'divides by the baseline', () => {
		expect( ratio( 130, 100 ) ).toBeCloseTo( 1.3 );
	} );

	it( 'refuses a zero elapsed time or baseline', () => {
		expect( () => throughput( 1, 0 ) ).toThrow( 'positive' );
		expect( () => ratio( 1, 0 ) ).toThrow( 'positive' );
	} );
} );
