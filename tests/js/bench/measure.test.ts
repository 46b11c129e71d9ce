/**
 * @jest-environment node
 */
import type { Sample } from '../../../tools/bench/http';
import { interleave } from '../../../tools/bench/measure';
import { runPool } from '../../../tools/bench/pool';

const sample = ( ms: number ): Sample => ( {
	status: 200,
	ms,
	serverMs: null,
	peakBytes: null,
	cpuMs: null,
	headers: new Headers(),
	text: '',
} );

describe( 'interleave', () => {
	it( 'takes turns, rotating who goes first, and drops the warm-up rounds', async () => {
		const calls: string[] = [];
		const probe = ( name: string ) => async ( index: number ) => {
			calls.push( `${ name }${ index }` );
			return sample( index );
		};
		const samples = await interleave(
			{ a: probe( 'a' ), b: probe( 'b' ) },
			2,
			1
		);
		expect( calls ).toEqual( [ 'b0', 'a0', 'a1', 'b1', 'b2', 'a2' ] );
		expect( samples.a.map( ( s ) => s.ms ) ).toEqual( [ 1, 2 ] );
		expect( samples.b.map( ( s ) => s.ms ) ).toEqual( [ 1, 2 ] );
	} );
} );

describe( 'runPool', () => {
	it( 'keeps at most `concurrency` tasks in flight and returns results in task order', async () => {
		let inFlight = 0;
		let most = 0;
		const tasks = Array.from( { length: 10 }, ( _, i ) => async () => {
			inFlight++;
			most = Math.max( most, inFlight );
			await new Promise( ( done ) => setTimeout( done, 10 - i ) );
			inFlight--;
			return i;
		} );
		const { results, elapsedMs } = await runPool( tasks, 3 );
		expect( results ).toEqual( [ 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 ] );
		expect( most ).toBe( 3 );
		expect( elapsedMs ).toBeGreaterThan( 0 );
	} );
} );
