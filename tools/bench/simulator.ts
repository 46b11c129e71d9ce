/**
 * The ProxyAPI simulator's control API, as far as the bench needs it (tools/simulator/README.md).
 */
import { expectStatus, jsonOf, timed } from './http';

/** The fields of a simulator request record the bench reads. */
export interface SimRecord {
	accepted: boolean;
	accountReference: string | null;
	callbackUrl: string | null;
	checkoutRequestId: string | null;
	payment: { receipt: string } | null;
}

export type CallbackKind = 'stk' | 'pvp';

export class SimulatorClient {
	constructor( private readonly url: string ) {}

	/** Forgets earlier requests, so each scenario reads only its own. */
	async reset(): Promise< void > {
		expectStatus(
			await timed( `${ this.url }/__sim/reset`, { method: 'POST' } ),
			'simulator reset'
		);
	}

	/** @return Every lnm request since the last reset, oldest first. */
	async records(): Promise< SimRecord[] > {
		const sample = expectStatus(
			await timed( `${ this.url }/__sim/requests` ),
			'simulator requests'
		);
		return jsonOf< { requests: SimRecord[] } >(
			sample,
			'simulator requests'
		).requests;
	}

	/**
	 * The exact success body the simulator would send for a request, so the bench can post it itself and time it.
	 *
	 * @param checkoutRequestId The request's CheckoutRequestID.
	 * @param kind              stkCallback (with ResultCode 0) or pvpCallback.
	 * @return The JSON body.
	 */
	async successBody(
		checkoutRequestId: string,
		kind: CallbackKind
	): Promise< unknown > {
		const id = encodeURIComponent( checkoutRequestId );
		const sample = expectStatus(
			await timed(
				`${ this.url }/__sim/callbacks/${ id }/body?kind=${ kind }&resultCode=0`
			),
			'simulator callback body'
		);
		return jsonOf( sample, 'simulator callback body' );
	}
}
