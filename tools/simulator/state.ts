/**
 * The simulator's memory (recorded requests, queued outcomes, used ids) and its clockwork:
 * scheduled callbacks, manual sends and the waits tests use instead of sleeps.
 */
import { EventEmitter } from 'node:events';

import {
	callbackBody,
	callbackSource,
	deliverCallback,
	reportsPayment,
} from './callbacks';
import { kenyaStamp, mpesaReceipt, unique } from './ids';
import { hostOf, logLine } from './log';
import type {
	CallbackDelivery,
	CallbackKind,
	LnmRecord,
	PaymentDetails,
	QueuedOutcome,
	ReportRow,
	ResultCode,
} from './types';

export interface SimSettings {
	/** Default delay before the first automatic callback. */
	callbackDelayMs: number;
	/** How long to wait for the store to answer a callback. */
	callbackTimeoutMs: number;
	/** Accept self-signed certificates on https CallbackUrls. */
	insecureTls: boolean;
	/** Allowed distance between RequestTimestamp and the clock. */
	timestampToleranceSec: number;
	/** When set, the only API key accepted. */
	apiKey?: string;
	/** Every phone-rule prompt waits for the phone page (`PVP_SIM_MANUAL=1`). */
	manual?: boolean;
	/** Where log lines go. */
	log: ( line: string ) => void;
}

const DUE_IN_SECONDS = 30 * 24 * 60 * 60;

export class SimState {
	readonly events = new EventEmitter();
	readonly records: LnmRecord[] = [];
	readonly queue: QueuedOutcome[] = [];
	readonly usedRequestIds = new Set< string >();
	readonly extraReportRows: ReportRow[] = [];
	/** Ids handed out; kept across resets so a long-lived store never sees one twice. */
	readonly issuedIds = new Set< string >();
	private readonly timers = new Set< NodeJS.Timeout >();
	private readonly aborter = new AbortController();
	private generation = 0;

	constructor( readonly settings: SimSettings ) {
		this.events.setMaxListeners( 0 );
	}

	/**
	 * Forgets requests, queued outcomes, used RequestIDs and extra report rows, and cancels
	 * callbacks not yet due. Deliveries already in flight finish but are no longer recorded.
	 */
	reset(): void {
		this.generation++;
		this.timers.forEach( ( timer ) => clearTimeout( timer ) );
		this.timers.clear();
		this.records.length = 0;
		this.queue.length = 0;
		this.extraReportRows.length = 0;
		this.usedRequestIds.clear();
		this.events.emit( 'reset' );
	}

	/** Cancels everything, including callbacks in flight (used by `close()`). */
	shutdown(): void {
		this.reset();
		this.aborter.abort();
		this.events.emit( 'shutdown' );
	}

	/**
	 * Adds a record and tells waiters.
	 *
	 * @param record The new record.
	 */
	add( record: LnmRecord ): void {
		this.records.push( record );
		this.events.emit( 'change', record );
	}

	/**
	 * @param checkoutRequestId A CheckoutRequestID issued by the simulator.
	 * @return The record that got it.
	 */
	find( checkoutRequestId: string ): LnmRecord | undefined {
		return this.records.find(
			( record ) => record.checkoutRequestId === checkoutRequestId
		);
	}

	/**
	 * Payment details for a transaction completing at `completedAtMs`, with a fresh receipt.
	 *
	 * @param completedAtMs When M-Pesa completes the payment.
	 * @return The details.
	 */
	paymentDetails( completedAtMs: number ): PaymentDetails {
		const stamp = kenyaStamp( completedAtMs );
		return {
			receipt: unique( this.issuedIds, () =>
				mpesaReceipt( completedAtMs )
			),
			completedAt: new Date( completedAtMs ).toISOString(),
			transactionTime: stamp,
			transactionDate: Number( stamp ),
			firstName: 'Jane',
			lastName: 'Doe',
			dueDate: Math.floor( completedAtMs / 1000 ) + DUE_IN_SECONDS,
		};
	}

	/**
	 * Runs the record's outcome after its delay: marks it paid on ResultCode 0, then sends the
	 * callbacks one after the other (each waits for the store's answer), then marks it settled.
	 *
	 * @param record An accepted record with an outcome.
	 */
	schedule( record: LnmRecord ): void {
		const outcome = record.outcome;
		if ( ! outcome ) {
			this.settle( record );
			return;
		}
		if ( outcome.manual ) {
			// Unsettled until a person decides on the phone page (phone/manual.ts).
			return;
		}
		const generation = this.generation;
		const timer = setTimeout( () => {
			this.timers.delete( timer );
			record.paid = record.paid || outcome.resultCode === 0;
			void this.sendSequence(
				record,
				outcome.callbacks,
				outcome.repeat,
				generation
			);
		}, outcome.delayMs );
		this.timers.add( timer );
	}

	private async sendSequence(
		record: LnmRecord,
		kinds: CallbackKind[],
		repeat: number,
		generation: number
	): Promise< void > {
		for ( const kind of kinds ) {
			for ( let i = 0; i < repeat; i++ ) {
				if ( generation !== this.generation ) {
					return;
				}
				await this.send( record, kind, undefined, 'auto' );
			}
		}
		if ( generation === this.generation ) {
			this.settle( record );
		}
	}

	/**
	 * Marks a record as having nothing more to send on its own.
	 *
	 * @param record The record.
	 */
	settle( record: LnmRecord ): void {
		record.settled = true;
		this.events.emit( 'change', record );
	}

	/**
	 * Sends one callback for a record now and records the store's answer.
	 *
	 * @param record     A record with issued ids.
	 * @param kind       `stk` or `pvp`.
	 * @param resultCode ResultCode for an stkCallback (defaults to the outcome's).
	 * @param trigger    `auto` (scheduled) or `manual` (control API).
	 * @return The delivery, or null when the record has no transaction to call back about.
	 */
	async send(
		record: LnmRecord,
		kind: CallbackKind,
		resultCode: ResultCode | undefined,
		trigger: CallbackDelivery[ 'trigger' ]
	): Promise< CallbackDelivery | null > {
		const source = callbackSource( record );
		if ( ! source || ! record.callbackUrl ) {
			return null;
		}
		const body = callbackBody( source, kind, resultCode );
		const url = record.callbackUrl;
		const sentAt = new Date().toISOString();
		const { settings } = this;
		const result = await deliverCallback( url, body, {
			timeoutMs: settings.callbackTimeoutMs,
			insecureTls: settings.insecureTls,
			signal: this.aborter.signal,
		} );
		const delivery: CallbackDelivery = {
			kind,
			trigger,
			url,
			body,
			sentAt,
			...result,
		};
		record.callbacks.push( delivery );
		record.paid =
			record.paid || ( trigger === 'manual' && reportsPayment( body ) );
		settings.log(
			logLine(
				`callback ${ kind } ${ trigger } -> ${ hostOf( url ) } ${ result.status ?? result.error } ${ result.durationMs }ms ${ source.checkoutRequestId }`
			)
		);
		this.events.emit( 'change', record );
		return delivery;
	}

	/**
	 * Resolves with the first record (oldest first) matching `predicate`, now or after a change.
	 *
	 * @param predicate Test on a record.
	 * @param timeoutMs Give up after this long.
	 * @return The record.
	 */
	waitFor(
		predicate: ( record: LnmRecord ) => boolean,
		timeoutMs = 10000
	): Promise< LnmRecord > {
		return new Promise( ( resolve, reject ) => {
			const check = () => {
				const found = this.records.find( predicate );
				if ( found ) {
					cleanup();
					resolve( found );
				}
			};
			const fail = ( message: string ) => {
				cleanup();
				reject( new Error( message ) );
			};
			const closed = () => fail( 'The simulator was closed' );
			const timer = setTimeout(
				() => fail( `No matching request within ${ timeoutMs } ms` ),
				timeoutMs
			);
			const cleanup = () => {
				clearTimeout( timer );
				this.events.off( 'change', check );
				this.events.off( 'shutdown', closed );
			};
			this.events.on( 'change', check );
			this.events.once( 'shutdown', closed );
			check();
		} );
	}
}
