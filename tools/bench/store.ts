/**
 * The bench store: its own site directory and ports (never the developer's or the e2e store), started fresh
 * through tools/store/store.sh with the bench must-use plugins, and stopped afterwards.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { BenchConfig } from './config';

/** The parts of the store's status.json the bench reads. */
export interface StoreStatus {
	url: string;
	simulator_url: string;
	urls: { shop: string; product: string; cart: string; checkout: string };
	product_id: number;
	versions: Record< string, string | null >;
	hpos: { enabled: boolean };
	admin: { user: string; password: string };
	paths: { docroot: string; mail_log: string; logs: string };
}

/** store.sh exits 3 when WordPress/WooCommerce are not in the cache: nothing to measure against. */
export class StoreMissing extends Error {}

function storeEnv( config: BenchConfig, fresh: boolean ): NodeJS.ProcessEnv {
	const { repoRoot } = config;
	return {
		...process.env,
		PVP_STORE_DIR: config.storeDir,
		PVP_STORE_PORT: String( config.storePort ),
		PVP_SIM_PORT: String( config.simPort ),
		PVP_STORE_FRESH: fresh ? '1' : '',
		// The bench's own plugins, and the e2e observer that counts hook calls per order.
		PVP_STORE_MU_PLUGINS: [
			join( repoRoot, 'tools/bench/mu-plugins' ),
			join( repoRoot, 'tests/e2e/mu-plugins' ),
		].join( ':' ),
	};
}

function storeScript(
	config: BenchConfig,
	command: 'start' | 'stop',
	fresh = false
): Promise< number > {
	return new Promise( ( resolvePromise, reject ) => {
		// store.sh talks on stdout; keep the bench's own stdout for the results table.
		const child = spawn(
			'bash',
			[ join( config.repoRoot, 'tools/store/store.sh' ), command ],
			{
				cwd: config.repoRoot,
				env: storeEnv( config, fresh ),
				stdio: [ 'ignore', 2, 2 ],
			}
		);
		child.on( 'error', reject );
		child.on( 'exit', ( code ) => resolvePromise( code ?? 1 ) );
	} );
}

/**
 * @param config The run's settings.
 * @return The running store's status.json.
 */
export async function startStore(
	config: BenchConfig
): Promise< StoreStatus > {
	if ( ! config.reuse ) {
		// A fresh install is refused while the store's processes run.
		await storeScript( config, 'stop' );
	}
	const code = await storeScript( config, 'start', ! config.reuse );
	if ( code === 3 ) {
		throw new StoreMissing(
			'WordPress/WooCommerce are not in the cache (see README, "The local store")'
		);
	}
	if ( code !== 0 ) {
		throw new Error(
			`The bench store did not start (store.sh exit ${ code })`
		);
	}
	return JSON.parse(
		readFileSync( join( config.storeDir, 'status.json' ), 'utf8' )
	) as StoreStatus;
}

/**
 * @param config The run's settings.
 */
export async function stopStore( config: BenchConfig ): Promise< void > {
	const code = await storeScript( config, 'stop' );
	if ( code !== 0 ) {
		process.stderr.write( `bench: store.sh stop exited ${ code }\n` );
	}
}
