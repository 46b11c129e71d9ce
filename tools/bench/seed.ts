/**
 * Runs the PHP seeder (tools/bench/php/seed-orders.php) against the bench store.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import type { BenchContext } from './context';

/**
 * @param context     The bench context.
 * @param count       Orders to add.
 * @param firstSerial Serial of the first one (serials vary the data and must not repeat).
 * @return Seconds the seeding took.
 */
export function seedOrders(
	context: BenchContext,
	count: number,
	firstSerial: number
): Promise< number > {
	const script = join(
		context.config.repoRoot,
		'tools/bench/php/seed-orders.php'
	);
	const started = performance.now();
	return new Promise( ( resolve, reject ) => {
		let output = '';
		const child = spawn(
			'php',
			[ script, String( count ), String( firstSerial ) ],
			{
				env: {
					...process.env,
					PVP_SITE_URL: context.store.url,
					PVP_DOCROOT: context.store.paths.docroot,
				},
				stdio: [ 'ignore', 'pipe', 'pipe' ],
			}
		);
		child.stdout.on(
			'data',
			( chunk: Buffer ) => ( output += chunk.toString() )
		);
		child.stderr.on(
			'data',
			( chunk: Buffer ) => ( output += chunk.toString() )
		);
		child.on( 'error', reject );
		child.on( 'exit', ( code ) => {
			if ( code === 0 && output.includes( 'PVP-STORE-OK' ) ) {
				resolve( ( performance.now() - started ) / 1000 );
			} else {
				reject(
					new Error(
						`Seeding failed (exit ${ code }): ${ output.slice( -600 ) }`
					)
				);
			}
		} );
	} );
}
