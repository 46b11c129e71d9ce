/**
 * Side-by-side measurement: the requests being compared take turns, round after round, so a change of load
 * on the machine (other builds, a cron burst) hits every series alike and the ratios stay fair.
 */
import type { Sample } from './http';

/** Sends the request of round `index` (0 .. warmup + rounds - 1) of a series. */
export type Probe = ( index: number ) => Promise< Sample >;

/**
 * @param probes The series, by name.
 * @param rounds How many requests each series sends.
 * @param warmup Rounds sent first and not recorded (opcache, object caches, connections).
 * @return The samples of each series.
 */
export async function interleave< K extends string >(
	probes: Record< K, Probe >,
	rounds: number,
	warmup = 3
): Promise< Record< K, Sample[] > > {
	const names = Object.keys( probes ) as K[];
	const samples = Object.fromEntries(
		names.map( ( name ) => [ name, [] as Sample[] ] )
	) as unknown as Record< K, Sample[] >;
	for ( let round = -warmup; round < rounds; round++ ) {
		// Rotate who goes first, so no series always follows the same neighbour.
		const offset =
			( ( round % names.length ) + names.length ) % names.length;
		for ( let i = 0; i < names.length; i++ ) {
			const name = names[ ( i + offset ) % names.length ] as K;
			const sample = await probes[ name ]( round + warmup );
			if ( round >= 0 ) {
				samples[ name ].push( sample );
			}
		}
	}
	return samples;
}

/**
 * @param samples Samples.
 * @return Their client wall times.
 */
export const wallTimes = ( samples: readonly Sample[] ): number[] =>
	samples.map( ( s ) => s.ms );

/**
 * @param samples Samples.
 * @return Their PHP peak memory figures (samples without the header are left out).
 */
export const peaks = ( samples: readonly Sample[] ): number[] =>
	samples.flatMap( ( s ) => ( s.peakBytes === null ? [] : [ s.peakBytes ] ) );

/**
 * @param samples Samples.
 * @return Their PHP CPU times (samples without the header are left out).
 */
export const cpuTimes = ( samples: readonly Sample[] ): number[] =>
	samples.flatMap( ( s ) => ( s.cpuMs === null ? [] : [ s.cpuMs ] ) );
