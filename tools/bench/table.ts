/**
 * The results table: aligned text for the terminal, Markdown for docs/benchmarks.md.
 */
import type { Row } from './results';

const COLUMNS: Array< [ keyof Row, string ] > = [
	[ 'scenario', 'Scenario' ],
	[ 'measure', 'Measure' ],
	[ 'ours', 'Ours' ],
	[ 'baseline', 'Baseline (same run)' ],
	[ 'ratio', 'Ratio' ],
	[ 'legacy', '2.2.7' ],
	[ 'budget', 'Budget' ],
	[ 'verdict', 'Result' ],
];

/**
 * The 2.2.7 column is shown only when some row has a figure for it.
 * @param rows
 */
function columns( rows: readonly Row[] ): Array< [ keyof Row, string ] > {
	const withLegacy = rows.some( ( r ) => r.legacy !== '' );
	return COLUMNS.filter( ( [ key ] ) => key !== 'legacy' || withLegacy );
}

/**
 * @param rows The results.
 * @return A plain-text table with aligned columns.
 */
export function textTable( rows: readonly Row[] ): string {
	const cols = columns( rows );
	const cells = [
		cols.map( ( [ , title ] ) => title ),
		...rows.map( ( r ) => cols.map( ( [ key ] ) => r[ key ] ) ),
	];
	const widths = cols.map( ( _, i ) =>
		Math.max( ...cells.map( ( line ) => ( line[ i ] ?? '' ).length ) )
	);
	const format = ( line: string[] ) =>
		line
			.map( ( cell, i ) => cell.padEnd( widths[ i ] ?? 0 ) )
			.join( '  ' )
			.trimEnd();
	const rule = widths.map( ( w ) => '-'.repeat( w ) ).join( '  ' );
	const [ head, ...body ] = cells;
	return [ format( head ?? [] ), rule, ...body.map( format ) ].join( '\n' );
}

/**
 * @param rows The results.
 * @return A Markdown table (pipes in cells escaped).
 */
export function markdownTable( rows: readonly Row[] ): string {
	const cols = columns( rows );
	const escape = ( cell: string ) => cell.replace( /\|/g, '\\|' );
	const line = ( cells: string[] ) =>
		`| ${ cells.map( escape ).join( ' | ' ) } |`;
	return [
		line( cols.map( ( [ , title ] ) => title ) ),
		line( cols.map( () => '---' ) ),
		...rows.map( ( r ) => line( cols.map( ( [ key ] ) => r[ key ] ) ) ),
	].join( '\n' );
}
