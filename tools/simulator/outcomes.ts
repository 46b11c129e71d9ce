/**
 * What happens after an accepted lnm request: the test-phone table, the ResultDesc texts and
 * the FIFO of outcomes queued by tests.
 */
import type { CallbackKind, Outcome, QueuedOutcome, ResultCode } from './types';

/** ResultDesc for each STK ResultCode (API notes, section 3). */
export const RESULT_DESCRIPTIONS: Readonly< Record< string, string > > = {
	0: 'The service request is processed successfully.',
	1: 'The balance is insufficient for the transaction.',
	2: 'Declined due to limit rule (less than the minimum amount).',
	3: 'Declined due to limit rule: greater than the maximum transaction amount.',
	4: 'Declined due to limit rule: would exceed daily transfer limit.',
	5: 'Would exceed minimum balance',
	6: 'Unresolved primary party',
	7: 'Unresolved receiver party',
	8: 'Declined due to limit rule: would exceed the maximum balance.',
	10: 'MSISDN not registered on M-Pesa',
	11: 'Debit account invalid',
	12: 'Credit account invalid',
	13: 'Unresolved debit account',
	14: 'Unresolved credit account',
	15: 'Duplicate detected',
	17: 'Rule limited.',
	20: 'Unresolved initiator',
	26: 'System busy / traffic blocking condition in place.',
	1001: 'Unable to lock subscriber; a transaction is already in progress.',
	1019: 'Transaction has expired.',
	1025: 'An error occurred while sending a push request.',
	1032: 'Request cancelled by user',
	1037: 'DS timeout user cannot be reached',
	2001: 'The initiator information is invalid.',
	2028: 'The request is not permitted according to product assignment.',
	8006: 'The security credential is locked.',
	9999: 'Error while sending push request.',
	SFC_IC0003: 'The operator does not exist.',
};

/** Test phones `254700000000`..`254700009999`: the last four digits are the ResultCode. */
const TEST_PHONE = /^25470000(\d{4})$/;

/** The test phone whose shopper ignores the prompt: accepted, never called back. */
export const IGNORED_PROMPT_PHONE = '254700009000';

/**
 * The test phone whose prompt waits on the simulator's phone page (`GET /`) for a person to press Pay,
 * Wrong PIN, Cancel or Ignore. `PVP_SIM_MANUAL=1` does the same for every number.
 */
export const MANUAL_PROMPT_PHONE = '254700008888';

/** The code a late callback for an ignored prompt carries by default (the prompt timed out). */
const IGNORED_PROMPT_CODE = 1037;

const QUEUE_KEYS = [
	'resultCode',
	'delayMs',
	'callbacks',
	'repeat',
	'amount',
	'respond',
];
const RESPOND_KEYS = [ 'status', 'body', 'hangMs' ];
const MAX_DELAY_MS = 10 * 60 * 1000;

/**
 * The ResultDesc the simulator sends for a code.
 *
 * @param code The ResultCode.
 * @return Its description.
 */
export function describeResult( code: ResultCode ): string {
	return (
		RESULT_DESCRIPTIONS[ String( code ) ] ??
		`Simulated failure (ResultCode ${ code }).`
	);
}

/**
 * Numeric strings become numbers (callbacks carry ResultCode as a number); others stay strings.
 *
 * @param code A code as a test gave it.
 * @return The code as sent in callbacks.
 */
export function normaliseResultCode( code: ResultCode ): ResultCode {
	return typeof code === 'string' && /^\d+$/.test( code )
		? Number( code )
		: code;
}

/**
 * The callbacks sent by default: both on success, the stkCallback alone on failure.
 *
 * @param code The ResultCode.
 * @return Callback kinds in the order sent.
 */
export function defaultCallbacks( code: ResultCode ): CallbackKind[] {
	return code === 0 ? [ 'stk', 'pvp' ] : [ 'stk' ];
}

/**
 * The outcome decided by the payer's phone number alone.
 *
 * @param msisdn     SenderMSISDN of an accepted request.
 * @param amount     The requested amount.
 * @param delayMs    Delay before the first callback.
 * @param manualMode Every prompt waits for the phone page (`PVP_SIM_MANUAL=1`).
 * @return The outcome.
 */
export function outcomeForPhone(
	msisdn: string,
	amount: number,
	delayMs: number,
	manualMode = false
): Outcome {
	if ( manualMode || msisdn === MANUAL_PROMPT_PHONE ) {
		// Nothing happens by itself: the phone page decides the code and the callbacks.
		return {
			source: 'phone',
			resultCode: 0,
			resultDesc: describeResult( 0 ),
			delayMs,
			callbacks: [],
			repeat: 1,
			amountPaid: amount,
			manual: true,
		};
	}
	const match = TEST_PHONE.exec( msisdn );
	const ignored = msisdn === IGNORED_PROMPT_PHONE;
	let code: ResultCode = 0;
	if ( ignored ) {
		code = IGNORED_PROMPT_CODE;
	} else if ( match ) {
		code = Number( match[ 1 ] );
	}
	return {
		source: 'phone',
		resultCode: code,
		resultDesc: describeResult( code ),
		delayMs,
		callbacks: ignored ? [] : defaultCallbacks( code ),
		repeat: 1,
		amountPaid: amount,
	};
}

/**
 * The outcome of a queued entry, falling back to the phone rule for what it leaves out.
 *
 * @param queued  The entry taken from the queue.
 * @param msisdn  SenderMSISDN of the request.
 * @param amount  The requested amount.
 * @param delayMs Default delay before the first callback.
 * @return The outcome.
 */
export function outcomeFromQueue(
	queued: QueuedOutcome,
	msisdn: string,
	amount: number,
	delayMs: number
): Outcome {
	const base = outcomeForPhone( msisdn, amount, delayMs );
	const code =
		queued.resultCode === undefined
			? base.resultCode
			: normaliseResultCode( queued.resultCode );
	let callbacks = queued.callbacks ?? defaultCallbacks( code );
	if ( queued.callbacks === undefined && queued.respond !== undefined ) {
		// A replaced lnm answer means "ProxyAPI failed": nothing follows unless the test asks.
		callbacks = [];
	}
	return {
		source: 'queued',
		resultCode: code,
		resultDesc: describeResult( code ),
		delayMs: queued.delayMs ?? delayMs,
		callbacks,
		repeat: queued.repeat ?? 1,
		amountPaid: queued.amount ?? amount,
	};
}

function isObject( value: unknown ): value is Record< string, unknown > {
	return (
		typeof value === 'object' && value !== null && ! Array.isArray( value )
	);
}

function isCount( value: unknown, max: number ): value is number {
	return (
		typeof value === 'number' &&
		Number.isInteger( value ) &&
		value >= 0 &&
		value <= max
	);
}

function unknownKey(
	value: Record< string, unknown >,
	allowed: string[]
): string | undefined {
	return Object.keys( value ).find( ( key ) => ! allowed.includes( key ) );
}

function checkResultCode( code: unknown ): string | null {
	if ( typeof code === 'number' && Number.isInteger( code ) && code >= 0 ) {
		return null;
	}
	if ( typeof code === 'string' && /^[A-Za-z0-9_]{1,32}$/.test( code ) ) {
		return null;
	}
	return 'resultCode must be a non-negative integer or a code string such as "SFC_IC0003"';
}

function checkRespond( respond: unknown ): string | null {
	if ( ! isObject( respond ) ) {
		return 'respond must be an object';
	}
	const extra = unknownKey( respond, RESPOND_KEYS );
	if ( extra !== undefined ) {
		return `respond.${ extra } is not a known option`;
	}
	const { status, hangMs } = respond;
	if (
		status !== undefined &&
		! ( isCount( status, 599 ) && status >= 100 )
	) {
		return 'respond.status must be an HTTP status (100-599)';
	}
	if ( hangMs !== undefined && ! isCount( hangMs, MAX_DELAY_MS ) ) {
		return `respond.hangMs must be an integer from 0 to ${ MAX_DELAY_MS }`;
	}
	return null;
}

function checkCallbacks( callbacks: unknown ): string | null {
	const ok =
		Array.isArray( callbacks ) &&
		callbacks.every( ( kind ) => kind === 'stk' || kind === 'pvp' );
	return ok ? null : 'callbacks must be an array of "stk" and "pvp"';
}

/**
 * Checks a `POST /__sim/next` body.
 *
 * @param input The parsed JSON.
 * @return The error, or null when the body is a valid queued outcome.
 */
export function checkQueuedOutcome( input: unknown ): string | null {
	if ( ! isObject( input ) ) {
		return 'The body must be a JSON object';
	}
	const extra = unknownKey( input, QUEUE_KEYS );
	if ( extra !== undefined ) {
		return `${ extra } is not a known option (expected ${ QUEUE_KEYS.join( ', ' ) })`;
	}
	const { resultCode, delayMs, callbacks, repeat, amount, respond } = input;
	const checks: Array< [ boolean, () => string | null ] > = [
		[ resultCode !== undefined, () => checkResultCode( resultCode ) ],
		[
			delayMs !== undefined && ! isCount( delayMs, MAX_DELAY_MS ),
			() => `delayMs must be an integer from 0 to ${ MAX_DELAY_MS }`,
		],
		[ callbacks !== undefined, () => checkCallbacks( callbacks ) ],
		[
			repeat !== undefined && ! ( isCount( repeat, 100 ) && repeat >= 1 ),
			() => 'repeat must be an integer from 1 to 100',
		],
		[
			amount !== undefined &&
				! (
					typeof amount === 'number' &&
					amount > 0 &&
					Number.isFinite( amount )
				),
			() => 'amount must be a positive number',
		],
		[ respond !== undefined, () => checkRespond( respond ) ],
	];
	for ( const [ applies, check ] of checks ) {
		const error = applies ? check() : null;
		if ( error !== null ) {
			return error;
		}
	}
	return null;
}
