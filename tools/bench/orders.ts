/**
 * Orders with a live payment attempt, prepared through the real checkout code path: the bench fixtures
 * route calls the gateway's process_payment() (PaymentService::start()) per order, with the simulator number
 * that is accepted and never called back. The callback URL is read from the simulator (the store keeps only a
 * hash of its token), and the success bodies are the simulator's own.
 */
import type { BenchContext } from './context';
import { expectStatus, jsonOf } from './http';
import { runPool } from './pool';
import type { CallbackKind } from './simulator';

/** An order waiting for its payment result, and the callbacks that would report it paid. */
export interface PreparedOrder {
	id: number;
	number: string;
	key: string;
	email: string;
	callbackUrl: string;
	receipt: string;
	bodies: Record< CallbackKind, unknown >;
}

/** What the fixtures route answers per order. */
export interface CreatedOrder {
	id: number;
	number: string;
	key: string;
	email: string;
	checkout_request_id?: string;
	merchant_request_id?: string;
}

const BATCH = 25;

/**
 * @param context The bench context.
 * @param count   How many orders.
 * @param tag     A label for their e-mail addresses.
 * @param layout  attempt: a real payment started; legacy: Pay via ProxyAPI 2.2.7's meta, on hold; plain: pending, no payment.
 * @return The created orders.
 */
export async function createOrders(
	context: BenchContext,
	count: number,
	tag: string,
	layout: 'attempt' | 'legacy' | 'plain' = 'attempt'
): Promise< CreatedOrder[] > {
	const batches = Array.from(
		{ length: Math.ceil( count / BATCH ) },
		( _, i ) => Math.min( BATCH, count - i * BATCH )
	);
	// Two batches at once: the store has two cores.
	const { results } = await runPool(
		batches.map( ( size ) => async () => {
			const sample = expectStatus(
				await context.admin.request( '/wp-json/pvp-bench/v1/orders', {
					json: { count: size, tag, layout },
				} ),
				'creating bench orders'
			);
			return jsonOf< CreatedOrder[] >( sample, 'bench orders' );
		} ),
		2
	);
	return results.flat();
}

/**
 * @param context The bench context.
 * @param count   How many orders.
 * @param tag     A label for their e-mail addresses.
 * @return Orders with a live attempt and their success callbacks.
 */
export async function prepareOrders(
	context: BenchContext,
	count: number,
	tag: string
): Promise< PreparedOrder[] > {
	await context.sim.reset();
	const created = await createOrders( context, count, tag );
	const records = new Map(
		( await context.sim.records() ).map( ( record ) => [
			record.accountReference,
			record,
		] )
	);
	const { results } = await runPool(
		created.map( ( order ) => async (): Promise< PreparedOrder > => {
			const record = records.get( order.number );
			if (
				! record?.accepted ||
				! record.callbackUrl ||
				! record.checkoutRequestId ||
				! record.payment
			) {
				throw new Error(
					`The simulator has no accepted request for order ${ order.number }`
				);
			}
			return {
				...order,
				callbackUrl: record.callbackUrl,
				receipt: record.payment.receipt,
				bodies: {
					stk: await context.sim.successBody(
						record.checkoutRequestId,
						'stk'
					),
					pvp: await context.sim.successBody(
						record.checkoutRequestId,
						'pvp'
					),
				},
			};
		} ),
		8
	);
	return results;
}
