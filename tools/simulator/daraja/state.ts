/**
 * What the simulated Daraja remembers per simulator: its registration, issued tokens, the key pair
 * behind its "Safaricom certificate", reversals and queued reversal outcomes. It is attached to the
 * simulator's state and follows its resets, so no PVP file needs to know about it.
 */
import { generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';

import type { SimState } from '../state';
import { defaultDarajaConfig } from './config';
import type { DarajaConfig, QueuedReversal, ReversalRecord } from './types';

export class DarajaState {
	config: DarajaConfig = defaultDarajaConfig();
	/** Token => expiry (epoch ms). */
	readonly tokens = new Map< string, number >();
	/** How many `GET /oauth/v1/generate` calls issued a token. */
	tokensIssued = 0;
	readonly reversals: ReversalRecord[] = [];
	readonly reversalQueue: QueuedReversal[] = [];
	/** The simulator's stand-in for Safaricom's certificate: a fresh RSA key pair per process. */
	readonly keys: { publicKey: KeyObject; privateKey: KeyObject };
	readonly timers = new Set< NodeJS.Timeout >();
	/** Aborts result deliveries in flight when the simulator closes. */
	readonly aborter = new AbortController();
	generation = 0;

	constructor( readonly sim: SimState ) {
		this.keys = generateKeyPairSync( 'rsa', { modulusLength: 2048 } );
		sim.events.on( 'reset', () => this.reset() );
		sim.events.once( 'shutdown', () => this.aborter.abort() );
	}

	/** Back to the default registration; forgets tokens, reversals and queued outcomes. */
	reset(): void {
		this.generation++;
		this.timers.forEach( ( timer ) => clearTimeout( timer ) );
		this.timers.clear();
		this.config = defaultDarajaConfig();
		this.tokens.clear();
		this.tokensIssued = 0;
		this.reversals.length = 0;
		this.reversalQueue.length = 0;
	}

	/**
	 * Issues a token valid for the configured lifetime.
	 *
	 * @param now Epoch ms.
	 * @return The token.
	 */
	issueToken( now: number ): string {
		if ( this.config.invalidatePrevious ) {
			this.tokens.clear();
		}
		const token = randomBytes( 21 ).toString( 'base64url' );
		this.tokens.set( token, now + this.config.tokenTtlSec * 1000 );
		this.tokensIssued++;
		return token;
	}

	/**
	 * @param token A bearer token.
	 * @param now   Epoch ms.
	 * @return Whether it was issued and has not expired.
	 */
	isValidToken( token: string, now: number ): boolean {
		const expiry = this.tokens.get( token );
		return expiry !== undefined && expiry > now;
	}

	/** Expires every token issued so far (a test of the client's refresh). */
	expireTokens(): void {
		for ( const token of this.tokens.keys() ) {
			this.tokens.set( token, 0 );
		}
	}
}

const states = new WeakMap< SimState, DarajaState >();

/**
 * The Daraja side of a simulator, created on first use.
 *
 * @param sim The simulator's state.
 * @return Its Daraja state.
 */
export function darajaState( sim: SimState ): DarajaState {
	let state = states.get( sim );
	if ( ! state ) {
		state = new DarajaState( sim );
		states.set( sim, state );
	}
	return state;
}
