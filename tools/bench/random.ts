/**
 * A seeded shuffle, so a burst's mix of callbacks is the same in every run and a failure can be replayed.
 */

/* eslint-disable no-bitwise -- a 32-bit generator is bit arithmetic by nature. */

/**
 * Mulberry32: a tiny, well-distributed 32-bit generator; plenty for ordering test traffic.
 *
 * @param seed Any 32-bit integer.
 * @return A function returning numbers in [0, 1).
 */
export function seededRandom( seed: number ): () => number {
	let state = seed >>> 0;
	return () => {
		state = ( state + 0x6d2b79f5 ) >>> 0;
		let t = state;
		t = Math.imul( t ^ ( t >>> 15 ), t | 1 );
		t ^= t + Math.imul( t ^ ( t >>> 7 ), t | 61 );
		return ( ( t ^ ( t >>> 14 ) ) >>> 0 ) / 4294967296;
	};
}
/* eslint-enable no-bitwise */

/**
 * Fisher–Yates with a seeded generator.
 *
 * @param items The items (not changed).
 * @param seed  Seed: the same seed gives the same order.
 * @return A shuffled copy.
 */
export function shuffled< T >( items: readonly T[], seed: number ): T[] {
	const next = seededRandom( seed );
	const copy = [ ...items ];
	for ( let i = copy.length - 1; i > 0; i-- ) {
		const j = Math.floor( next() * ( i + 1 ) );
		[ copy[ i ], copy[ j ] ] = [ copy[ j ] as T, copy[ i ] as T ];
	}
	return copy;
}
