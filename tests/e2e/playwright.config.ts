/**
 * Playwright configuration for the end-to-end suite against the local store (tools/store).
 *
 * Run through tests/e2e/run.sh, which starts the store and the ProxyAPI simulator and exports their URLs.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { defineConfig } from '@playwright/test';

/** Specs listed in quarantine.txt are written but not yet proven; PVP_E2E_ALL=1 runs them too. */
const quarantined =
	process.env.PVP_E2E_ALL === '1'
		? []
		: readFileSync( join( __dirname, 'quarantine.txt' ), 'utf8' )
				.split( '\n' )
				.map( ( line ) => line.trim() )
				.filter( ( line ) => line !== '' && ! line.startsWith( '#' ) );

const storeUrl = process.env.PVP_STORE_URL ?? 'http://127.0.0.1:8890';

// Playwright empties its output folder when a run starts, so runs against different stores (each engineer's
// own port) get their own folder and never delete each other's traces mid-run.
const storePort = new URL( storeUrl ).port || '80';
const outputDir =
	storePort === '8890'
		? '../../artifacts/e2e-results'
		: `../../artifacts/e2e-results-${ storePort }`;

export default defineConfig( {
	testDir: './specs',
	testIgnore: quarantined.map( ( spec ) => `**/${ spec }` ),
	// One worker: the store is one small site on a 2-core machine; parallel shoppers would only add noise.
	workers: 1,
	fullyParallel: false,
	retries: 0,
	forbidOnly: !! process.env.CI,
	// Generous: a 2-core CI machine can be busy; tests wait on states, so a long limit only matters when stuck.
	timeout: 180_000,
	expect: { timeout: 15_000 },
	reporter: [ [ 'list' ] ],
	outputDir,
	use: {
		baseURL: storeUrl,
		browserName: 'chromium',
		headless: true,
		screenshot: 'only-on-failure',
		trace: 'retain-on-failure',
		launchOptions: {
			// Debian's Chromium: a test tool's own browser download is not available on these machines.
			executablePath: process.env.PVP_CHROMIUM ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--disable-dev-shm-usage',
				'--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
			],
		},
	},
} );
