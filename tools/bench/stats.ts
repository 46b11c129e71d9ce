/**
 * The few statistics the bench reports: order statistics of latency samples, and throughput.
 */

/** What a series of latency samples is summarised to. */
export interface Summary {
	count: number;
	median: number;
	p95: number;
	min: number;
	max: number;
}

function sorted( samples: readonly number[] ): number[] {
	if ( samples.length === 0 ) {
		throw new Error( 'No samples to summarise' );
	}
	if ( samples.some( ( value ) => ! Number.isFinite( value ) ) ) {
		throw new Error( 'Samples must be finite numbers' );
	}
	return [ ...samples ].sort( ( a, b ) => a - b );
}

/**
 * The median: the middle sample, or the mean of the two middle ones for an even count.
 *
 * @param samples At least one finite number, in any order.
 * @return The median.
 */
export function median( samples: readonly number[] ): number {
	const values = sorted( samples );
	const middle = Math.floor( values.length / 2 );
	return values.length % 2 === 1
		? ( values[ middle ] as number )
		: ( ( values[ middle - 1 ] as number ) +
				( values[ middle ] as number ) ) /
				2;
}

/**
 * A percentile by the nearest-rank method: the smallest sample with at least `p` percent of the samples at
 * or below it. It is always a measured value (no interpolation between two requests).
 *
 * @param samples At least one finite number, in any order.
 * @param p       Percent, greater than 0 and at most 100.
 * @return The percentile.
 */
export function percentile( samples: readonly number[], p: number ): number {
	if ( ! ( p > 0 && p <= 100 ) ) {
		throw new Error( `Percentile must be in (0, 100], got ${ p }` );
	}
	const values = sorted( samples );
	const rank = Math.ceil( ( p / 100 ) * values.length );
	return values[ rank - 1 ] as number;
}

/**
 * @param samples At least one finite number.
 * @return Count, median, 95th percentile, min and max.
 */
export function summarise( samples: readonly number[] ): Summary {
	const values = sorted( samples );
	return {
		count: values.length,
		median: median( values ),
		p95: percentile( values, 95 ),
		min: values[ 0 ] as number,
		max: values[ values.length - 1 ] as number,
	};
}

/**
 * @param requests  Requests completed.
 * @param elapsedMs Wall time they took together.
 * @return Requests per second.
 */
export function throughput( requests: number, elapsedMs: number ): number {
	if ( ! ( elapsedMs > 0 ) ) {
		throw new Error( 'Elapsed time must be positive' );
	}
	return ( requests * 1000 ) / elapsedMs;
}

/**
 * @param value    Measured.
 * @param baseline Measured in the same run, the same way.
 * @return value / baseline.
 */
export function ratio( value: number, baseline: number ): number {
	if ( ! ( baseline > 0 ) ) {
		throw new Error( 'The baseline must be positive' );
	}
	return value / baseline;
}
