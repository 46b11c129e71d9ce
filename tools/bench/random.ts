/**
 * A seeded shuffle, so a burst's mix of callbacks is the same in every run and a failure can be replayed.
 */
import { prng } from '../../tests/e2e/fixtures/callback-fuzz';

/** The e2e suite's seeded generator (mulberry32): numbers in [0, 1), the same for the same seed. */
export const seededRandom = prng;

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
