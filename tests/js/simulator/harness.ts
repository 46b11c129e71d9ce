/**
 * One simulator and one stand-in store per test file, both reset before each test.
 */
import {
	createSimulator,
	type Simulator,
} from '../../../tools/simulator/server';
import type { LnmRecord } from '../../../tools/simulator/types';
import {
	lnmBody,
	post,
	startReceiver,
	type HttpAnswer,
	type Receiver,
} from './support';

export interface Harness {
	sim: Simulator;
	store: Receiver;
	/** Every line the simulator logged in this file. */
	logs: string[];
	/** A CallbackUrl at the stand-in store, with a token in the path like the plugin's. */
	callbackUrl: () => string;
	/** Sends a valid lnm request (with `overrides`) that calls back the stand-in store. */
	lnm: ( overrides?: Record< string, unknown > ) => Promise< HttpAnswer >;
	/** Resolves once the simulator has nothing more to send on its own for the request. */
	settled: ( checkoutRequestId: string ) => Promise< LnmRecord >;
}

/**
 * Registers the Jest hooks and returns the harness they fill in.
 *
 * @return The harness (its `sim` and `store` exist from `beforeAll` on).
 */
export function simulatorHarness(): Harness {
	const h = { logs: [] as string[] } as Harness;
	beforeAll( async () => {
		h.store = await startReceiver();
		h.sim = await createSimulator( {
			port: 0,
			callbackDelayMs: 5,
			log: ( line ) => h.logs.push( line ),
		} );
	} );
	afterAll( async () => {
		await h.sim.close();
		await h.store.close();
	} );
	beforeEach( async () => {
		await post( `${ h.sim.url }/__sim/reset` );
		h.store.received.length = 0;
		h.store.status = 200;
	} );
	h.callbackUrl = () =>
		`${ h.store.url }/wp-json/pay-via-proxyapi/v1/callbacks/1042/s3cret-token`;
	h.lnm = ( overrides = {} ) =>
		post(
			`${ h.sim.url }/pvp/lnm`,
			lnmBody( { CallbackUrl: h.callbackUrl(), ...overrides } )
		);
	h.settled = ( id ) =>
		h.sim.state.waitFor( ( r ) => r.checkoutRequestId === id && r.settled );
	return h;
}
