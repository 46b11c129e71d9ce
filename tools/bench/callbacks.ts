/**
 * The callback measurements, for any plugin's callbacks: this one's (REST) and, for the comparison column,
 * Pay via ProxyAPI 2.2.7's (/wc-api/). Each takes prepared orders (their callback URL and success bodies)
 * and judges the outcome only by what the store shows afterwards (status, transaction id, hooks, notes,
 * mails), never by the callbacks' answers, so both plugins are held to the same standard.
 */
import { storeUrl, type BenchContext } from './context';
import { timed, type Sample } from './http';
import { cpuTimes, interleave, peaks, wallTimes, type Probe } from './measure';
import {
	hookCalls,
	mailsFor,
	observeOrders,
	readMails,
	repeatedNotes,
	statusChanges,
} from './observer';
import type { CreatedOrder, PreparedOrder } from './orders';
import { runPool } from './pool';
import { shuffled } from './random';
import {
	callbackLogMark,
	untilSettled,
	wholeRequestsSince,
	type WholeRequests,
} from './settling';
import type { CallbackKind } from './simulator';
import { median, summarise, throughput, type Summary } from './stats';

export const COMPLETED_HOOK = 'proxyapi_pvp_payment_completed';
/** Rounds sent before the measured ones; the caller prepares this many extra orders. */
export const COST_WARMUP = 3;
const BURST_SEED = 20261130;
/** Orders given the identical callbacks; the worst one is reported. */
const DUPLICATE_ORDERS = 3;
/** Each order's two callbacks in a burst: both shapes, and duplicates of each. */
const BURST_PATTERNS: CallbackKind[][] = [
	[ 'stk', 'pvp' ],
	[ 'stk', 'stk' ],
	[ 'pvp', 'pvp' ],
];

const send = ( order: PreparedOrder, kind: CallbackKind ): Promise< Sample > =>
	timed( order.callbackUrl, { json: order.bodies[ kind ] } );

/**
 * Sends a callback, then waits (untimed) until the store has settled what it accepted.
 *
 * @param context The bench context.
 * @param order   The order.
 * @param kind    Which callback.
 * @return The callback's sample: the time until its answer.
 */
async function sendThenSettle(
	context: BenchContext,
	order: PreparedOrder,
	kind: CallbackKind
): Promise< Sample > {
	const sample = await send( order, kind );
	await untilSettled( context );
	return sample;
}

export interface CostFigures {
	callback: Summary;
	rest: Summary;
	wcApi: Summary;
	/** WooCommerce's payment_complete() alone (when plain orders were given). */
	bare: Summary | null;
	/** A second success callback for each (now paid) order, and the REST no-op measured beside it. */
	duplicate: Summary;
	duplicateRest: Summary;
	callbackPeak: number;
	restPeak: number;
	/** Medians of PHP's CPU time per request: callback, REST no-op, payment_complete() alone (or 0). */
	cpu: { callback: number; rest: number; bare: number };
	/** Whole callback requests, answer plus the settling after it (empty for a plugin that settles first). */
	whole: WholeRequests;
	/** The same for the second callbacks. */
	wholeDuplicate: WholeRequests;
}

/**
 * Sequential success callbacks, each completing its own order, taking turns with a REST and a /wc-api/
 * no-op that get the same body.
 *
 * With plain pending orders, a fourth series takes part: WooCommerce's own completion of an order
 * (payment_complete() alone, through a bench route), the floor under any gateway's success callback.
 *
 * @param context The bench context.
 * @param orders  COST_WARMUP + rounds prepared orders.
 * @param rounds  Measured callbacks.
 * @param plain   As many plain pending orders, or none.
 * @return The series, summarised, and peak memory.
 */
export async function measureCost(
	context: BenchContext,
	orders: readonly PreparedOrder[],
	rounds: number,
	plain: readonly CreatedOrder[] = []
): Promise< CostFigures > {
	const noop = storeUrl( context, '/wp-json/pvp-bench/v1/noop' );
	const wcApi = storeUrl( context, '/wc-api/pvp_bench_noop' );
	const order = ( i: number ) => orders[ i ] as PreparedOrder;
	const body = ( i: number ) => ( { json: order( i ).bodies.stk } );
	const probes: Record< string, Probe > = {
		rest: ( i ) => timed( noop, body( i ) ),
		wcApi: ( i ) => timed( wcApi, body( i ) ),
		// The settling that follows the answer finishes before the next request of any series starts.
		callback: ( i ) => sendThenSettle( context, order( i ), 'stk' ),
	};
	if ( plain.length > 0 ) {
		probes.bare = ( i ) => {
			const { id, key } = plain[ i ] as CreatedOrder;
			return timed(
				storeUrl(
					context,
					`/wp-json/pvp-bench/v1/orders/${ id }/complete?key=${ key }`
				),
				body( i )
			);
		};
	}
	const mark = callbackLogMark( context );
	const samples = await interleave( probes, rounds, COST_WARMUP );
	const whole = wholeRequestsSince( context, mark );
	const duplicateMark = callbackLogMark( context );
	const series = ( name: string ) => samples[ name ] as Sample[];
	// Then the provider's second callback about each payment (the pvpCallback after the stkCallback), now
	// about a paid order: the gateway's own checks and bookkeeping, with no WooCommerce completion behind.
	const repeated = await interleave(
		{
			rest: ( i ) => timed( noop, body( i ) ),
			duplicate: ( i ) => sendThenSettle( context, order( i ), 'pvp' ),
		},
		rounds,
		COST_WARMUP
	);
	return {
		whole,
		wholeDuplicate: wholeRequestsSince( context, duplicateMark ),
		duplicate: summarise( wallTimes( repeated.duplicate ) ),
		duplicateRest: summarise( wallTimes( repeated.rest ) ),
		callback: summarise( wallTimes( series( 'callback' ) ) ),
		rest: summarise( wallTimes( series( 'rest' ) ) ),
		wcApi: summarise( wallTimes( series( 'wcApi' ) ) ),
		bare: samples.bare ? summarise( wallTimes( samples.bare ) ) : null,
		callbackPeak: median( peaks( series( 'callback' ) ) ),
		restPeak: median( peaks( series( 'rest' ) ) ),
		cpu: {
			callback: median( cpuTimes( series( 'callback' ) ) ),
			rest: median( cpuTimes( series( 'rest' ) ) ),
			bare: samples.bare ? median( cpuTimes( samples.bare ) ) : 0,
		},
	};
}

/**
 * @param count       Requests.
 * @param concurrency In flight at once.
 * @param request     Sends request i.
 * @return Requests per second, and how many answers were not 200.
 */
export async function rate(
	count: number,
	concurrency: number,
	request: ( i: number ) => Promise< Sample >
): Promise< { perSecond: number; failed: number } > {
	const { results, elapsedMs } = await runPool(
		Array.from( { length: count }, ( _, i ) => () => request( i ) ),
		concurrency
	);
	return {
		perSecond: throughput( count, elapsedMs ),
		failed: results.filter( ( r ) => r.status !== 200 ).length,
	};
}

export interface BurstFigures {
	callbacks: number;
	perSecond: number;
	/** Callbacks per second from the burst's start until the store had settled every one of them. */
	settledPerSecond: number;
	/** Mean of the no-op bursts before and after. */
	baseline: number;
	failed: number;
}

/**
 * Two callbacks per order (seeded shuffle), `concurrency` at a time, between two bursts of a no-op.
 *
 * @param context The bench context.
 * @param orders  Prepared orders.
 * @param noopUrl The no-op of the same kind as the callbacks.
 * @return Throughput figures.
 */
export async function measureBurst(
	context: BenchContext,
	orders: readonly PreparedOrder[],
	noopUrl: string
): Promise< BurstFigures > {
	const { concurrency } = context.config.counts;
	const deliveries = shuffled(
		orders.flatMap( ( order, i ) =>
			(
				BURST_PATTERNS[ i % BURST_PATTERNS.length ] as CallbackKind[]
			 ).map( ( kind ) => ( { order, kind } ) )
		),
		BURST_SEED
	);
	const delivery = ( i: number ) =>
		deliveries[ i ] as ( typeof deliveries )[ number ];
	const noop = ( i: number ) =>
		timed( noopUrl, {
			json: delivery( i ).order.bodies[ delivery( i ).kind ],
		} );
	const before = await rate( deliveries.length, concurrency, noop );
	const started = performance.now();
	const burst = await rate( deliveries.length, concurrency, ( i ) =>
		send( delivery( i ).order, delivery( i ).kind )
	);
	// The settling still running after the last answer belongs to the burst, not to the no-op after it.
	await untilSettled( context );
	const settledMs = performance.now() - started;
	const after = await rate( deliveries.length, concurrency, noop );
	return {
		callbacks: deliveries.length,
		perSecond: burst.perSecond,
		settledPerSecond: throughput( deliveries.length, settledMs ),
		baseline: ( before.perSecond + after.perSecond ) / 2,
		failed: burst.failed,
	};
}

export interface PaidOnceFaults {
	/** Orders not processing with the right transaction id and exactly one completion hook. */
	notPaidOnce: number;
	/** Notes repeating an earlier note word for word, over all orders. */
	noteRepeats: number;
	/** Orders whose mails differ from what one payment sends. */
	mailFaults: number;
}

/**
 * @param context          The bench context.
 * @param orders           Orders that were each reported paid (once or more).
 * @param expected         Mails each order should have caused in all, to the shopper and to the shop.
 * @param expected.shopper To the billing address.
 * @param expected.shop    To the shop, about this order number.
 * @return What is wrong with them.
 */
export async function paidOnceFaults(
	context: BenchContext,
	orders: readonly PreparedOrder[],
	expected: { shopper: number; shop: number }
): Promise< PaidOnceFaults > {
	await untilSettled( context );
	const observed = await observeOrders(
		context,
		orders.map( ( o ) => o.id )
	);
	const mails = readMails( context.store.paths.mail_log );
	const faults: PaidOnceFaults = {
		notPaidOnce: 0,
		noteRepeats: 0,
		mailFaults: 0,
	};
	observed.forEach( ( seen, i ) => {
		const order = orders[ i ] as PreparedOrder;
		const paidOnce =
			seen.status === 'processing' &&
			seen.transaction_id === order.receipt &&
			hookCalls( seen, COMPLETED_HOOK ) === 1 &&
			hookCalls( seen, 'proxyapi_pvp_payment_failed' ) === 0;
		const sent = mailsFor( mails, order.email, order.number );
		faults.notPaidOnce += paidOnce ? 0 : 1;
		faults.noteRepeats += repeatedNotes( seen );
		faults.mailFaults +=
			sent.shopper === expected.shopper && sent.shop === expected.shop
				? 0
				: 1;
	} );
	return faults;
}

/** What duplicates did to the worst-hit order. */
export interface DuplicateFigures {
	/** Most completion hooks fired for one order (1 is right). */
	hooks: number;
	/** Most status changes to processing for one order, by its notes (1 is right). */
	completions: number;
}

/**
 * The same success callback `duplicates` times per order, `concurrency` at a time.
 *
 * @param context The bench context.
 * @param orders  A few prepared orders.
 * @return The worst order's hooks and status changes.
 */
export async function worstDuplicates(
	context: BenchContext,
	orders: readonly PreparedOrder[]
): Promise< DuplicateFigures > {
	const { duplicates, concurrency } = context.config.counts;
	for ( const order of orders ) {
		await rate( duplicates, concurrency, () => send( order, 'stk' ) );
	}
	await untilSettled( context );
	const observed = await observeOrders(
		context,
		orders.map( ( o ) => o.id )
	);
	return {
		hooks: Math.max(
			...observed.map( ( seen ) => hookCalls( seen, COMPLETED_HOOK ) )
		),
		completions: Math.max(
			...observed.map( ( seen ) => statusChanges( seen, 'Processing' ) )
		),
	};
}

/**
 * @param figures What duplicates did.
 * @return e.g. "1 (1 hook call)".
 */
export const describeDuplicates = ( figures: DuplicateFigures ): string =>
	`${ figures.completions } (${ figures.hooks } hook calls)`;

/** Everything the burst scenario measures, for one plugin. */
export interface BurstResult {
	orders: number;
	figures: BurstFigures;
	faults: PaidOnceFaults;
	worst: DuplicateFigures;
}

/**
 * The burst, its outcome, then the identical callbacks on a few more orders.
 *
 * @param context       The bench context.
 * @param prepare       Prepares `count` orders of the plugin under test.
 * @param noopUrl       The no-op of the same kind as its callbacks.
 * @param mails         The mails one payment causes with this plugin (see paidOnceFaults).
 * @param mails.shopper
 * @param mails.shop
 * @return The figures.
 */
export async function burstSuite(
	context: BenchContext,
	prepare: ( count: number, tag: string ) => Promise< PreparedOrder[] >,
	noopUrl: string,
	mails: { shopper: number; shop: number }
): Promise< BurstResult > {
	const orders = await prepare( context.config.counts.burstOrders, 'burst' );
	context.log(
		`burst: ${ orders.length * 2 } callbacks between two no-op bursts`
	);
	const figures = await measureBurst( context, orders, noopUrl );
	const faults = await paidOnceFaults( context, orders, mails );
	const worst = await worstDuplicates(
		context,
		await prepare( DUPLICATE_ORDERS, 'dup' )
	);
	return { orders: orders.length, figures, faults, worst };
}
