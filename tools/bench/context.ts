/**
 * What every scenario gets: the settings, the running store, an admin session and the simulator.
 */
import type { BenchConfig } from './config';
import type { AdminSession } from './session';
import type { SimulatorClient } from './simulator';
import type { StoreStatus } from './store';

export interface BenchContext {
	config: BenchConfig;
	store: StoreStatus;
	admin: AdminSession;
	sim: SimulatorClient;
	/** Prints a progress line (stderr; stdout is for the results). */
	log: ( line: string ) => void;
}

/**
 * @param context The bench context.
 * @param path    A path under the store.
 * @return Its absolute URL.
 */
export function storeUrl( context: BenchContext, path: string ): string {
	return `${ context.store.url }${ path }`;
}
