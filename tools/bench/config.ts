/**
 * Settings of one bench run: where the bench store lives, how much traffic each scenario sends, and which
 * scenarios run. Everything has a default; the environment overrides (see docs/benchmarks.md).
 */
import { homedir } from 'node:os';
import { resolve } from 'node:path';

/** Scenario ids, in the order they run (the report's seeding is slow, so it comes last). */
export const SCENARIOS = [
	'weight',
	'callback',
	'burst',
	'checkout',
	'paid',
	'page',
	'legacy',
	'report',
] as const;
export type ScenarioId = ( typeof SCENARIOS )[ number ];

export interface BenchConfig {
	repoRoot: string;
	storeDir: string;
	storePort: number;
	simPort: number;
	/** Keep the store from an earlier run (no fresh install): faster while developing. */
	reuse: boolean;
	/** Leave the store running afterwards. */
	keep: boolean;
	scenarios: ScenarioId[];
	/** A local copy of Pay via ProxyAPI 2.2.7 to compare with (never committed), or null. */
	legacyDir: string | null;
	/** Write the results section of docs/benchmarks.md (only after a run of every scenario). */
	writeDoc: boolean;
	counts: {
		callbacks: number;
		burstOrders: number;
		concurrency: number;
		duplicates: number;
		checkouts: number;
		timeToPaid: number;
		pages: number;
		reportRuns: number;
		reportScales: number[];
	};
}

function intFromEnv( name: string, fallback: number ): number {
	const raw = process.env[ name ];
	if ( raw === undefined || raw === '' ) {
		return fallback;
	}
	const value = Number( raw );
	if ( ! Number.isInteger( value ) || value < 1 || value > 65535 ) {
		throw new Error(
			`${ name } must be an integer from 1 to 65535 (got "${ raw }")`
		);
	}
	return value;
}

function scenariosFromEnv(): ScenarioId[] {
	const raw = process.env.PVP_BENCH_ONLY;
	if ( raw === undefined || raw.trim() === '' ) {
		return [ ...SCENARIOS ];
	}
	const wanted = raw.split( ',' ).map( ( id ) => id.trim() );
	const unknown = wanted.filter(
		( id ) => ! ( SCENARIOS as readonly string[] ).includes( id )
	);
	if ( unknown.length > 0 ) {
		throw new Error(
			`PVP_BENCH_ONLY: unknown scenario(s) ${ unknown.join(
				', '
			) }; known: ${ SCENARIOS.join( ', ' ) }`
		);
	}
	return SCENARIOS.filter( ( id ) => wanted.includes( id ) );
}

/**
 * @param repoRoot The repository root.
 * @return The run's settings, from the environment and the defaults.
 */
export function loadConfig( repoRoot: string ): BenchConfig {
	const quick = process.env.PVP_BENCH_QUICK === '1';
	const scenarios = scenariosFromEnv();
	const legacyDir = process.env.PVP_BENCH_LEGACY_PLUGIN_DIR;
	return {
		repoRoot,
		storeDir: resolve(
			process.env.PVP_BENCH_STORE_DIR ??
				`${ homedir() }/.local/share/pay-via-proxyapi/bench-store`
		),
		storePort: intFromEnv( 'PVP_BENCH_STORE_PORT', 8970 ),
		simPort: intFromEnv( 'PVP_BENCH_SIM_PORT', 8971 ),
		reuse: process.env.PVP_BENCH_REUSE === '1',
		keep: process.env.PVP_BENCH_KEEP === '1',
		scenarios,
		legacyDir: legacyDir ? resolve( legacyDir ) : null,
		writeDoc:
			! quick &&
			scenarios.length === SCENARIOS.length &&
			process.env.PVP_BENCH_WRITE_DOC !== '0',
		counts: quick
			? {
					callbacks: 20,
					burstOrders: 20,
					concurrency: 16,
					duplicates: 40,
					checkouts: 4,
					timeToPaid: 3,
					pages: 6,
					reportRuns: 5,
					reportScales: [ 1000 ],
				}
			: {
					callbacks: 200,
					burstOrders: 250,
					concurrency: 16,
					duplicates: 40,
					checkouts: 30,
					timeToPaid: 15,
					pages: 40,
					reportRuns: 40,
					reportScales: [ 1000, 10000, 100000 ],
				},
	};
}
