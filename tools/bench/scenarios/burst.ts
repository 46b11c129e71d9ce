/**
 * 2: a burst of callbacks as a busy sale day sends them: every order reported twice (stk + pvp, stk twice
 * or pvp twice), shuffled with a fixed seed, 16 at a time. Afterwards every order must be paid exactly
 * once: processing, the right transaction id, each completion hook once, no repeated note, one e-mail to the
 * shopper and one to the shop. Throughput is compared with the REST no-op's under the same concurrency.
 * Then 40 identical callbacks for each of a few orders, 16 at a time.
 */
import { BUDGETS, judge } from '../budgets';
import { burstSuite, describeDuplicates } from '../callbacks';
import { storeUrl, type BenchContext } from '../context';
import { prepareOrders } from '../orders';
import { row, rps, times, type Row } from '../results';
import { ratio } from '../stats';

const SCENARIO = '2 Callback burst';

/**
 * @param context The bench context.
 * @return The scenario's rows.
 */
export async function burst( context: BenchContext ): Promise< Row[] > {
	const { concurrency, duplicates } = context.config.counts;
	const { orders, figures, faults, worst } = await burstSuite(
		context,
		( count, tag ) => prepareOrders( context, count, tag ),
		storeUrl( context, '/wp-json/pvp-bench/v1/noop' ),
		{ shopper: 1, shop: 1 }
	);
	const throughputRatio = ratio( figures.perSecond, figures.baseline );
	const count = ( id: string, measure: string, value: number ): Row =>
		row( {
			id,
			scenario: SCENARIO,
			measure,
			ours: String( value ),
			budget: BUDGETS.none.label,
			verdict: judge( BUDGETS.none, value ),
		} );
	return [
		row( {
			id: 'burst.throughput',
			scenario: SCENARIO,
			measure: `throughput, ${ figures.callbacks } callbacks for ${ orders } orders, ${ concurrency } concurrent`,
			ours: rps( figures.perSecond ),
			baseline: `REST no-op ${ rps( figures.baseline ) }`,
			ratio: times( throughputRatio ),
			budget: BUDGETS.burstThroughputRatio.label,
			verdict: judge( BUDGETS.burstThroughputRatio, throughputRatio ),
		} ),
		row( {
			id: 'burst.settled',
			scenario: SCENARIO,
			measure:
				"settled, from the burst's start until the store had applied every callback (answered first, settled after)",
			ours: rps( figures.settledPerSecond ),
			baseline: `REST no-op ${ rps( figures.baseline ) }`,
			ratio: times( ratio( figures.settledPerSecond, figures.baseline ) ),
		} ),
		count( 'burst.answers', 'answers other than 200', figures.failed ),
		count(
			'burst.paid',
			'orders not paid exactly once (status, transaction id, hooks)',
			faults.notPaidOnce
		),
		count( 'burst.notes', 'repeated order notes', faults.noteRepeats ),
		count(
			'burst.mails',
			'orders without exactly 1 mail to the shopper and 1 to the shop',
			faults.mailFaults
		),
		row( {
			id: 'burst.duplicates',
			scenario: SCENARIO,
			measure: `most status changes to processing of one order from ${ duplicates } identical callbacks, ${ concurrency } concurrent`,
			ours: describeDuplicates( worst ),
			budget: '= 1 (1 hook call)',
			verdict:
				worst.completions === 1 && worst.hooks === 1 ? 'pass' : 'FAIL',
		} ),
	];
}
