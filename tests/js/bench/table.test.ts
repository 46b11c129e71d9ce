/**
 * @jest-environment node
 */
import { BUDGETS, judge } from '../../../tools/bench/budgets';
import { replaceSection } from '../../../tools/bench/results-doc';
import { row } from '../../../tools/bench/results';
import { markdownTable, textTable } from '../../../tools/bench/table';

const rows = [
	row( {
		scenario: '1 Callback cost',
		measure: 'median',
		ours: '50.0 ms',
		ratio: '1.10x',
		budget: '≤ 1.30x',
		verdict: 'pass',
	} ),
	row( { scenario: 'Memory', measure: 'peak | callback', ours: '9 MB' } ),
];

describe( 'textTable', () => {
	it( 'aligns columns and leaves out the 2.2.7 column when nothing fills it', () => {
		const lines = textTable( rows ).split( '\n' );
		expect( lines[ 0 ] ).toMatch( /^Scenario\s+Measure\s+Ours/ );
		expect( lines[ 0 ] ).not.toContain( '2.2.7' );
		expect( lines[ 2 ]?.indexOf( 'median' ) ).toBe(
			lines[ 0 ]?.indexOf( 'Measure' )
		);
	} );

	it( 'shows the 2.2.7 column when a row has a figure for it', () => {
		expect(
			textTable( [
				{ ...( rows[ 0 ] as ( typeof rows )[ 0 ] ), legacy: '1.29x' },
			] )
		).toContain( '2.2.7' );
	} );
} );

describe( 'markdownTable', () => {
	it( 'writes a header, a rule and one line per row, with pipes escaped', () => {
		const lines = markdownTable( rows ).split( '\n' );
		expect( lines ).toHaveLength( 4 );
		expect( lines[ 1 ] ).toMatch( /^\| --- \|/ );
		expect( lines[ 3 ] ).toContain( 'peak \\| callback' );
	} );
} );

describe( 'replaceSection', () => {
	const doc =
		'intro\n<!-- bench:results:start -->\nold\n<!-- bench:results:end -->\nafter\n';

	it( 'replaces only what is between the markers', () => {
		expect( replaceSection( doc, 'new' ) ).toBe(
			'intro\n<!-- bench:results:start -->\nnew\n<!-- bench:results:end -->\nafter\n'
		);
	} );

	it( 'refuses a document without the markers', () => {
		expect( () => replaceSection( 'no markers', 'new' ) ).toThrow(
			'markers'
		);
	} );
} );

describe( 'budgets', () => {
	it( 'holds at the limit and fails just past it', () => {
		expect( judge( BUDGETS.callbackMedianRatio, 1.3 ) ).toBe( 'pass' );
		expect( judge( BUDGETS.callbackMedianRatio, 1.31 ) ).toBe( 'FAIL' );
		expect( judge( BUDGETS.burstThroughputRatio, 0.7 ) ).toBe( 'pass' );
		expect( judge( BUDGETS.burstThroughputRatio, 0.69 ) ).toBe( 'FAIL' );
		expect( judge( BUDGETS.checkoutBlockGzip, 6 * 1024 ) ).toBe( 'FAIL' );
		expect( judge( BUDGETS.reportP95Ms, 299.9 ) ).toBe( 'pass' );
	} );
} );
