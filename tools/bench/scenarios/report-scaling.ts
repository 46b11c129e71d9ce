/**
 * 6: the admin report route (GET /pay-via-proxyapi/v1/admin/reports/payments, default arguments: the last
 * 30 days, first page, default page size) at growing numbers of orders, HPOS on, seeded fast by
 * tools/bench/php/seed-orders.php. Beside it, the same route over all time and a logged-in REST no-op, so
 * the cost of being logged in is visible. Also the route's peak memory at each size.
 */
import { BUDGETS, judge } from '../budgets';
import type { BenchContext } from '../context';
import { interleave, peaks, wallTimes } from '../measure';
import { mb, ms, row, times, type Row } from '../results';
import { seedOrders } from '../seed';
import { median, ratio, summarise } from '../stats';

const SCENARIO = '6 Report scaling';
const ROUTE = '/wp-json/pay-via-proxyapi/v1/admin/reports/payments';

/**
 * @param context The bench context.
 * @return Why the route cannot be measured (it must answer a manager with 200), or null when it can.
 */
async function routeBroken( context: BenchContext ): Promise< string | null > {
	const probe = await context.admin.request( ROUTE );
	return probe.status === 200
		? null
		: `the report route answered HTTP ${ probe.status } instead of 200`;
}

/**
 * @param context The bench context.
 * @return The scenario's rows.
 */
export async function reportScaling( context: BenchContext ): Promise< Row[] > {
	// A broken route is a missed budget, not a skipped scenario: the bench must not pass without it.
	const broken = await routeBroken( context );
	if ( broken !== null ) {
		return [
			row( {
				scenario: SCENARIO,
				measure: broken,
				ours: '-',
				verdict: 'FAIL',
			} ),
		];
	}
	const { reportRuns, reportScales } = context.config.counts;
	const rows: Row[] = [];
	let seeded = 0;
	let firstP95 = 0;
	for ( const scale of reportScales ) {
		const seconds = await seedOrders( context, scale - seeded, seeded );
		context.log(
			`report: seeded ${ scale - seeded } orders in ${ seconds.toFixed( 1 ) } s; ${ reportRuns } reports`
		);
		seeded = scale;
		const samples = await interleave(
			{
				report: () => context.admin.request( ROUTE ),
				allTime: () => context.admin.request( `${ ROUTE }?period=all` ),
				noop: () =>
					context.admin.request( '/wp-json/pvp-bench/v1/noop' ),
			},
			reportRuns
		);
		if ( samples.report.some( ( s ) => s.status !== 200 ) ) {
			throw new Error( `The report route failed at ${ scale } orders` );
		}
		const report = summarise( wallTimes( samples.report ) );
		const allTime = summarise( wallTimes( samples.allTime ) );
		const noop = summarise( wallTimes( samples.noop ) );
		firstP95 = firstP95 || report.p95;
		const last =
			scale === reportScales[ reportScales.length - 1 ] &&
			scale >= 100000;
		const orders = scale.toLocaleString( 'en' );
		rows.push(
			row( {
				id: `report.${ scale }`,
				scenario: SCENARIO,
				measure: `p95 at ${ orders } orders (seeded in ${ seconds.toFixed( 0 ) } s), default arguments`,
				ours: ms( report.p95 ),
				baseline: `logged-in REST no-op ${ ms( noop.p95 ) }`,
				ratio: `${ times( ratio( report.p95, firstP95 ) ) } of ${ reportScales[ 0 ]?.toLocaleString( 'en' ) }`,
				budget: last ? BUDGETS.reportP95Ms.label : '',
				verdict: last
					? judge( BUDGETS.reportP95Ms, report.p95 )
					: 'info',
			} ),
			row( {
				id: `report.${ scale }.all`,
				scenario: SCENARIO,
				measure: `p95 at ${ orders } orders, all time`,
				ours: ms( allTime.p95 ),
				baseline: `default arguments ${ ms( report.p95 ) }`,
				ratio: times( ratio( allTime.p95, report.p95 ) ),
			} ),
			row( {
				id: `memory.report.${ scale }`,
				scenario: 'Memory',
				measure: `PHP peak per request, report route at ${ orders } orders (median)`,
				ours: mb( median( peaks( samples.report ) ) ),
				baseline: `logged-in REST no-op ${ mb( median( peaks( samples.noop ) ) ) }`,
			} )
		);
	}
	return rows;
}
