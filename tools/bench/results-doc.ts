/**
 * Writes the latest full run into docs/benchmarks.md, between two markers; the prose around them is
 * written by hand and left alone.
 */
import { cpus } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { BenchConfig } from './config';
import type { Row } from './results';
import type { StoreStatus } from './store';
import { markdownTable } from './table';

export const START_MARKER = '<!-- bench:results:start -->';
export const END_MARKER = '<!-- bench:results:end -->';

/**
 * @param document The document.
 * @param section  The new text between the markers.
 * @return The document with the section replaced.
 */
export function replaceSection( document: string, section: string ): string {
	const start = document.indexOf( START_MARKER );
	const end = document.indexOf( END_MARKER );
	if ( start < 0 || end < start ) {
		throw new Error(
			`docs/benchmarks.md needs the markers ${ START_MARKER } and ${ END_MARKER }`
		);
	}
	return `${ document.slice( 0, start + START_MARKER.length ) }\n${ section }\n${ document.slice( end ) }`;
}

function command( config: BenchConfig ): string {
	const legacy = config.legacyDir
		? 'PVP_BENCH_LEGACY_PLUGIN_DIR=<a copy of 2.2.7> '
		: '';
	return `${ legacy }npm run bench`;
}

/**
 * @param config          The run's settings.
 * @param store           The store it ran on.
 * @param rows            The results.
 * @param load            The 1-minute load average before and after.
 * @param load.loadBefore Before the run.
 * @param load.loadAfter  After the run.
 */
export function writeResults(
	config: BenchConfig,
	store: StoreStatus,
	rows: readonly Row[],
	load: { loadBefore: number; loadAfter: number }
): void {
	const path = join( config.repoRoot, 'docs/benchmarks.md' );
	const v = store.versions;
	const section = [
		`Run ${ new Date().toISOString().slice( 0, 16 ).replace( 'T', ' ' ) } UTC with \`${ command( config ) }\` on ${ cpus().length } cores, ` +
			`1-minute load average ${ load.loadBefore.toFixed( 2 ) } before and ${ load.loadAfter.toFixed( 2 ) } after; ` +
			`WordPress ${ v.wordpress }, WooCommerce ${ v.woocommerce }, PHP ${ v.php }, MariaDB ${ v.mariadb }, HPOS on.`,
		'',
		markdownTable( rows ),
	].join( '\n' );
	writeFileSync(
		path,
		replaceSection( readFileSync( path, 'utf8' ), section )
	);
}
