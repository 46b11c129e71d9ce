/**
 * Manual prompts: requests that wait for a person on the phone page, and what each button does.
 */
import { describeResult } from '../outcomes';
import type { SimState } from '../state';
import type {
	CallbackKind,
	LnmRecord,
	ManualDecision,
	ResultCode,
} from '../types';

/** What each button sends: the STK ResultCode and the callbacks, as M-Pesa and ProxyAPI would. */
export const DECISIONS: Readonly<
	Record<
		ManualDecision,
		{ resultCode: ResultCode; callbacks: CallbackKind[] }
	>
> = {
	pay: { resultCode: 0, callbacks: [ 'stk', 'pvp' ] },
	wrong_pin: { resultCode: 2001, callbacks: [ 'stk' ] },
	cancel: { resultCode: 1032, callbacks: [ 'stk' ] },
	// The shopper never answers: no callback, like 254700009000.
	ignore: { resultCode: 1037, callbacks: [] },
};

/** At most this many prompts are listed (newest first). */
const LISTED = 20;

/** One prompt as the phone page shows it. Every string is data: the page renders it as text. */
export interface PromptView {
	checkoutRequestId: string;
	receivedAt: string;
	amount: number | null;
	accountReference: string;
	/** The store that asked: the request's Origin. */
	origin: string;
	/** Last three digits only; the page needs no more. */
	phoneEnding: string;
	decision: ManualDecision | null;
	/** The store's HTTP answers to the callbacks sent, in order (null: unreachable). */
	storeAnswers: Array< number | null >;
	settled: boolean;
}

/**
 * @param value A decision from the page.
 * @return Whether it is one of the four buttons.
 */
export function isDecision( value: unknown ): value is ManualDecision {
	return typeof value === 'string' && value in DECISIONS;
}

/**
 * @param record A recorded request.
 * @return Whether it waits (or waited) for the phone page.
 */
export function isManual( record: LnmRecord ): boolean {
	return record.accepted && record.outcome?.manual === true;
}

function originOf( body: unknown ): string {
	const origin =
		typeof body === 'object' && body !== null
			? ( body as Record< string, unknown > ).Origin
			: undefined;
	return typeof origin === 'string' ? origin.slice( 0, 200 ) : '';
}

/**
 * @param record A manual request.
 * @return Its view for the page.
 */
export function promptView( record: LnmRecord ): PromptView {
	return {
		checkoutRequestId: record.checkoutRequestId ?? '',
		receivedAt: record.receivedAt,
		amount: record.amount,
		accountReference: ( record.accountReference ?? '' ).slice( 0, 200 ),
		origin: originOf( record.body ),
		phoneEnding: ( record.senderMsisdn ?? '' ).slice( -3 ),
		decision: record.decision ?? null,
		storeAnswers: record.callbacks.map( ( delivery ) => delivery.status ),
		settled: record.settled,
	};
}

/**
 * @param state The simulator state.
 * @return The manual prompts, newest first.
 */
export function listPrompts( state: SimState ): PromptView[] {
	return state.records
		.filter( isManual )
		.slice( -LISTED )
		.reverse()
		.map( promptView );
}

/**
 * Applies a person's decision: records it, sends its callbacks one after the other (each waits for the
 * store's answer, through the same delivery as automatic outcomes), then settles the request.
 *
 * @param state    The simulator state.
 * @param record   A manual request not yet decided.
 * @param decision The button pressed.
 * @return The request once every callback has been answered.
 */
export async function decide(
	state: SimState,
	record: LnmRecord,
	decision: ManualDecision
): Promise< LnmRecord > {
	const { resultCode, callbacks } = DECISIONS[ decision ];
	record.decision = decision;
	if ( record.outcome ) {
		record.outcome = {
			...record.outcome,
			resultCode,
			resultDesc: describeResult( resultCode ),
			callbacks,
		};
	}
	record.paid = resultCode === 0;
	for ( const kind of callbacks ) {
		await state.send( record, kind, resultCode, 'manual' );
	}
	state.settle( record );
	return record;
}
