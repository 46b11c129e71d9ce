/**
 * @jest-environment node
 *
 * The command-line entry: starts from the environment, serves, and stops cleanly on SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';

import { get } from './support';

const ROOT = resolve( __dirname, '../../..' );
let child: ChildProcess | null = null;

afterEach( () => {
	// Only reached when a test failed before the child exited.
	if ( child && child.exitCode === null && child.signalCode === null ) {
		child.kill( 'SIGKILL' );
	}
	child = null;
} );

function firstLine( proc: ChildProcess ): Promise< string > {
	return new Promise( ( done, fail ) => {
		let text = '';
		proc.stdout?.setEncoding( 'utf8' );
		proc.stdout?.on( 'data', ( chunk: string ) => {
			text += chunk;
			const end = text.indexOf( '\n' );
			if ( end >= 0 ) {
				done( text.slice( 0, end ) );
			}
		} );
		proc.once( 'exit', ( code ) =>
			fail( new Error( `exited with ${ code } before printing a line` ) )
		);
	} );
}

describe( 'tools/simulator/main.ts', () => {
	it( 'listens on 127.0.0.1 at PVP_SIM_PORT and exits 0 on SIGTERM', async () => {
		child = spawn(
			resolve( ROOT, 'node_modules/.bin/tsx' ),
			[ resolve( ROOT, 'tools/simulator/main.ts' ) ],
			{
				env: { ...process.env, PVP_SIM_PORT: '0' },
				stdio: [ 'ignore', 'pipe', 'inherit' ],
			}
		);
		const line = await firstLine( child );
		const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(
			line
		)?.[ 1 ];
		expect( url ).toBeDefined();
		expect( ( await get( `${ url }/__sim/health` ) ).json ).toEqual( {
			ok: true,
		} );
		const exited = once( child, 'exit' );
		child.kill( 'SIGTERM' );
		const [ code ] = await exited;
		expect( code ).toBe( 0 );
	}, 30000 );

	it( 'refuses a bad PVP_SIM_PORT', async () => {
		child = spawn(
			resolve( ROOT, 'node_modules/.bin/tsx' ),
			[ resolve( ROOT, 'tools/simulator/main.ts' ) ],
			{
				env: { ...process.env, PVP_SIM_PORT: 'eighty' },
				stdio: [ 'ignore', 'ignore', 'pipe' ],
			}
		);
		let errors = '';
		child.stderr?.on(
			'data',
			( chunk: Buffer ) => ( errors += chunk.toString() )
		);
		const [ code ] = await once( child, 'close' );
		expect( code ).toBe( 1 );
		expect( errors ).toContain( 'PVP_SIM_PORT must be an integer' );
	}, 30000 );
} );
