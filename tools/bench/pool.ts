/**
 * Runs tasks with a fixed number in flight, the way a provider's callback workers hit a store.
 */

/**
 * @param tasks       Functions starting one request each.
 * @param concurrency How many run at once.
 * @return Results in task order, and the wall time from the first start to the last finish.
 */
export async function runPool< T >(
	tasks: ReadonlyArray< () => Promise< T > >,
	concurrency: number
): Promise< { results: T[]; elapsedMs: number } > {
	const results: T[] = new Array( tasks.length );
	let next = 0;
	const worker = async (): Promise< void > => {
		while ( next < tasks.length ) {
			const index = next++;
			results[ index ] = await ( tasks[ index ] as () => Promise< T > )();
		}
	};
	const started = performance.now();
	await Promise.all(
		Array.from( { length: Math.min( concurrency, tasks.length ) }, worker )
	);
	return { results, elapsedMs: performance.now() - started };
}
