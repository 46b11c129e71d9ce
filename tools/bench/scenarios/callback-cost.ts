/**
 * 1: what a full, authenticated success callback costs (token check, lock, look-up, completion, notes,
 * hooks, and WooCommerce's own completion work, e-mails included), against a REST no-op, since the callback
 * is a REST route. Each callback completes its own order, so every sample does the whole job. Also: the
 * same against a /wc-api/ no-op; WooCommerce's own completion alone (what any gateway's callback costs at
 * least), to tell the plugin's share from WooCommerce's; and the callback route's peak memory.
 */
import { BUDGETS, judge } from '../budgets';
import {
	COST_WARMUP,
	measureCost,
	paidOnceFaults,
	type CostFigures,
} from '../callbacks';
import type { BenchContext } from '../context';
import { createOrders, prepareOrders } from '../orders';
import { deltaMb, mb, ms, row, times, type Row } from '../results';
import { median, ratio, type Summary } from '../stats';

const SCENARIO = '1 Callback cost';

/**
 * @param context The bench context.
 * @return The scenario's rows.
 */
export async function callbackCost( context: BenchContext ): Promise< Row[] > {
	const rounds = context.config.counts.callbacks;
	context.log( `callback cost: preparing ${ rounds + COST_WARMUP } orders` );
	const orders = await prepareOrders( context, rounds + COST_WARMUP, 'cost' );
	const plain = await createOrders(
		context,
		rounds + COST_WARMUP,
		'bare',
		'plain'
	);
	context.log(
		`callback cost: ${ rounds } callbacks beside ${ rounds } of each no-op and bare completions`
	);
	const cost = await measureCost( context, orders, rounds, plain );
	const bare = cost.bare as Summary;
	const faults = await paidOnceFaults( context, orders, {
		shopper: 1,
		shop: 1,
	} );
	const medianRatio = ratio( cost.callback.median, cost.rest.median );
	return [
		row( {
			id: 'callback.median',
			scenario: SCENARIO,
			measure: `median, ${ rounds } sequential success callbacks`,
			ours: ms( cost.callback.median ),
			baseline: `REST no-op ${ ms( cost.rest.median ) }`,
			ratio: times( medianRatio ),
			budget: BUDGETS.callbackMedianRatio.label,
			verdict: judge( BUDGETS.callbackMedianRatio, medianRatio ),
		} ),
		row( {
			id: 'callback.p95',
			scenario: SCENARIO,
			measure: 'p95',
			ours: ms( cost.callback.p95 ),
			baseline: `REST no-op ${ ms( cost.rest.p95 ) }`,
			ratio: times( ratio( cost.callback.p95, cost.rest.p95 ) ),
		} ),
		row( {
			id: 'callback.wcapi',
			scenario: SCENARIO,
			measure: 'median against a /wc-api/ no-op',
			ours: ms( cost.callback.median ),
			baseline: `/wc-api/ no-op ${ ms( cost.wcApi.median ) }`,
			ratio: times( ratio( cost.callback.median, cost.wcApi.median ) ),
		} ),
		row( {
			id: 'callback.floor',
			scenario: SCENARIO,
			measure:
				"median of WooCommerce's own completion alone (payment_complete(), no gateway)",
			ours: ms( bare.median ),
			baseline: `REST no-op ${ ms( cost.rest.median ) }`,
			ratio: times( ratio( bare.median, cost.rest.median ) ),
		} ),
		row( {
			id: 'callback.own',
			scenario: SCENARIO,
			measure: 'median, our callback against that completion alone',
			ours: ms( cost.callback.median ),
			baseline: `payment_complete() ${ ms( bare.median ) }`,
			ratio: times( ratio( cost.callback.median, bare.median ) ),
		} ),
		row( {
			id: 'callback.duplicate',
			scenario: SCENARIO,
			measure:
				'median of a second success callback (pvp) for a paid order: checks and bookkeeping only',
			ours: ms( cost.duplicate.median ),
			baseline: `REST no-op ${ ms( cost.duplicateRest.median ) }`,
			ratio: times(
				ratio( cost.duplicate.median, cost.duplicateRest.median )
			),
		} ),
		...wholeRows( cost ),
		row( {
			id: 'callback.cpu',
			scenario: SCENARIO,
			measure:
				'PHP CPU time until the answer, median (barely moved by a busy machine)',
			ours: ms( cost.cpu.callback ),
			baseline: `REST no-op ${ ms( cost.cpu.rest ) }, payment_complete() ${ ms( cost.cpu.bare ) }`,
			ratio: times( ratio( cost.cpu.callback, cost.cpu.rest ) ),
		} ),
		row( {
			id: 'callback.paid',
			scenario: SCENARIO,
			measure: 'orders not paid exactly once, or with wrong mails',
			ours: String( faults.notPaidOnce + faults.mailFaults ),
			budget: BUDGETS.none.label,
			verdict: judge(
				BUDGETS.none,
				faults.notPaidOnce + faults.mailFaults
			),
		} ),
		row( {
			id: 'memory.callback',
			scenario: 'Memory',
			measure: 'PHP peak per request, callback route (median)',
			ours: mb( cost.callbackPeak ),
			baseline: `REST no-op ${ mb( cost.restPeak ) }`,
			ratio: deltaMb( cost.callbackPeak - cost.restPeak ),
		} ),
	];
}

/**
 * The callback is answered first and settled after the answer, in the same PHP worker: what the whole
 * request cost, so the settling is reported beside the answer and never hidden by it.
 *
 * @param cost The callback figures.
 * @return Two rows, or none when no whole request was logged.
 */
function wholeRows( cost: CostFigures ): Row[] {
	if ( cost.whole.wall.length === 0 ) {
		return [];
	}
	const wall = median( cost.whole.wall );
	const cpu = median( cost.whole.cpu );
	return [
		row( {
			id: 'callback.whole',
			scenario: SCENARIO,
			measure:
				'median of the whole callback request: answer, then the settling after it (completion, notes, hooks, e-mails), server time',
			ours: ms( wall ),
			baseline: `REST no-op ${ ms( cost.rest.median ) }`,
			ratio: times( ratio( wall, cost.rest.median ) ),
		} ),
		row( {
			id: 'callback.whole.cpu',
			scenario: SCENARIO,
			measure: 'PHP CPU time of the whole callback request, median',
			ours: ms( cpu ),
			baseline: `REST no-op ${ ms( cost.cpu.rest ) }, payment_complete() ${ ms( cost.cpu.bare ) }`,
			ratio: times( ratio( cpu, cost.cpu.rest ) ),
		} ),
	];
}
