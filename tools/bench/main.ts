/**
 * `npm run bench`: starts a fresh bench store (its own directory and ports), runs the scenarios of issue 8
 * side by side against their baselines, prints the table of ratios, writes the results section of
 * docs/benchmarks.md after a full run, and stops the store. See docs/benchmarks.md.
 */
import { loadavg } from 'node:os';
import { resolve } from 'node:path';

import { loadConfig, type BenchConfig, type ScenarioId } from './config';
import type { BenchContext } from './context';
import { writeResults } from './results-doc';
import { skippedRow, type Row, type Verdict } from './results';
import { SCENARIO_RUNNERS } from './scenarios';
import { AdminSession } from './session';
import { SimulatorClient } from './simulator';
import { StoreMissing, startStore, stopStore } from './store';
import { textTable } from './table';

const log = ( line: string ) => process.stderr.write( `bench: ${ line }\n` );

async function runScenarios(
	context: BenchContext,
	ids: readonly ScenarioId[]
): Promise< Row[] > {
	const rows: Row[] = [];
	const legacyFigures = new Map< string, string >();
	for ( const id of ids ) {
		const started = performance.now();
		const result = await SCENARIO_RUNNERS[ id ]( context );
		rows.push( ...result.rows );
		for ( const [ key, value ] of Object.entries( result.legacy ?? {} ) ) {
			legacyFigures.set( key, value );
		}
		log(
			`${ id } done in ${ ( ( performance.now() - started ) / 1000 ).toFixed( 0 ) } s`
		);
	}
	// The 2.2.7 figures go into the column beside the matching measure of ours.
	return rows.map( ( r ) => ( {
		...r,
		legacy: legacyFigures.get( r.id ) ?? r.legacy,
	} ) );
}

async function run( config: BenchConfig ): Promise< number > {
	const loadBefore = loadavg()[ 0 ] ?? 0;
	log(
		`store ${ config.storeDir } on 127.0.0.1:${ config.storePort } (simulator ${ config.simPort })`
	);
	const store = await startStore( config );
	try {
		const admin = await AdminSession.login(
			store.url,
			store.admin.user,
			store.admin.password
		);
		const context: BenchContext = {
			config,
			store,
			admin,
			sim: new SimulatorClient( store.simulator_url ),
			log,
		};
		const rows = await runScenarios( context, config.scenarios );
		process.stdout.write( `\n${ textTable( rows ) }\n\n` );
		const loadAfter = loadavg()[ 0 ] ?? 0;
		log(
			`load average (1 min): ${ loadBefore.toFixed( 2 ) } before, ${ loadAfter.toFixed( 2 ) } after`
		);
		if ( config.writeDoc ) {
			writeResults( config, store, rows, { loadBefore, loadAfter } );
			log( 'results written to docs/benchmarks.md' );
		}
		const failed = rows.filter(
			( r ) => r.verdict === ( 'FAIL' as Verdict )
		);
		if ( failed.length > 0 ) {
			log( `${ failed.length } budget(s) missed` );
			return 1;
		}
		return 0;
	} finally {
		if ( ! config.keep ) {
			await stopStore( config );
		}
	}
}

/**
 * Ctrl-C must not leave the bench store running.
 * @param config
 */
function stopOnSignals( config: BenchConfig ): void {
	for ( const signal of [ 'SIGINT', 'SIGTERM' ] as const ) {
		process.once( signal, () => {
			log( `${ signal }: stopping the bench store` );
			const done = () => process.exit( 130 );
			( config.keep ? Promise.resolve() : stopStore( config ) ).then(
				done,
				done
			);
		} );
	}
}

async function main(): Promise< void > {
	const config = loadConfig( resolve( __dirname, '../..' ) );
	stopOnSignals( config );
	try {
		process.exitCode = await run( config );
	} catch ( error ) {
		if ( error instanceof StoreMissing ) {
			process.stdout.write(
				`${ textTable( [ skippedRow( 'all', `BENCH SKIPPED: ${ error.message }` ) ] ) }\n`
			);
			process.exitCode = 3;
			return;
		}
		throw error;
	}
}

main().catch( ( error: Error ) => {
	process.stderr.write( `bench: ${ error.stack ?? error.message }\n` );
	process.exit( 1 );
} );
