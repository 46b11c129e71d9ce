/**
 * `POST /mpesa/stkpush/v1/processrequest`: checked the way Daraja checks it, then recorded and
 * called back exactly like a PVP request (same phone outcomes, waits and manual sends).
 */
import type { IncomingMessage } from 'node:http';

import type { JsonBody, Reply } from '../http';
import { checkoutRequestId, merchantRequestId, unique } from '../ids';
import { MSISDN_PATTERN } from '../lnm';
import { outcomeForPhone, outcomeFromQueue, describeResult } from '../outcomes';
import type { SimState } from '../state';
import type { LnmRecord } from '../types';
import { checkBearer, checkJsonContentType, checkPassword } from './auth';
import { invalidField } from './errors';
import type { DarajaState } from './state';
import type { DarajaStkRecord } from './types';

export const PAYBILL = 'CustomerPayBillOnline';
export const BUY_GOODS = 'CustomerBuyGoodsOnline';

/** "The request is not permitted according to product assignment": a till/paybill mix-up. */
const WRONG_PAIRING = 2028;

/**
 * @param value A numeric field, as a JSON number or a string of digits.
 * @return Its digits, or null.
 */
export function digits( value: unknown ): string | null {
	if (
		typeof value === 'number' &&
		Number.isSafeInteger( value ) &&
		value >= 0
	) {
		return String( value );
	}
	return typeof value === 'string' && /^\d+$/.test( value ) ? value : null;
}

function isShortcode( value: unknown ): boolean {
	return /^\d{5,7}$/.test( digits( value ) ?? '' );
}

export function isUrl( value: unknown ): boolean {
	try {
		return (
			typeof value === 'string' &&
			/^https?:$/.test( new URL( value ).protocol )
		);
	} catch {
		return false;
	}
}

type Check = [ string, ( body: Record< string, unknown > ) => boolean ];

// Field checks after the password, in Daraja's order; each failure is "Invalid <field>".
const FIELD_CHECKS: Check[] = [
	[
		'TransactionType',
		( b ) =>
			b.TransactionType === PAYBILL || b.TransactionType === BUY_GOODS,
	],
	[
		'Amount',
		( b ) => {
			const amount = Number( digits( b.Amount ) ?? NaN );
			return amount >= 1 && amount <= 250000;
		},
	],
	[ 'PartyA', ( b ) => MSISDN_PATTERN.test( digits( b.PartyA ) ?? '' ) ],
	[ 'PartyB', ( b ) => isShortcode( b.PartyB ) ],
	[
		'PhoneNumber',
		( b ) => MSISDN_PATTERN.test( digits( b.PhoneNumber ) ?? '' ),
	],
	[ 'CallBackURL', ( b ) => isUrl( b.CallBackURL ) ],
	[
		'AccountReference',
		( b ) =>
			typeof b.AccountReference === 'string' &&
			b.AccountReference.length >= 1 &&
			b.AccountReference.length <= 12,
	],
	[
		'TransactionDesc',
		( b ) =>
			b.TransactionDesc === undefined ||
			( typeof b.TransactionDesc === 'string' &&
				b.TransactionDesc.length <= 13 ),
	],
];

/**
 * Everything Daraja checks before accepting, in its order.
 *
 * @param state Daraja state.
 * @param req   The request.
 * @param body  The body as read.
 * @return The fields, or the error reply.
 */
function validate(
	state: DarajaState,
	req: IncomingMessage,
	body: JsonBody
): { fields: Record< string, unknown > } | { error: Reply } {
	const early = checkJsonContentType( req ) ?? checkBearer( state, req );
	if ( early ) {
		return { error: early };
	}
	if (
		! body.ok ||
		typeof body.value !== 'object' ||
		body.value === null ||
		Array.isArray( body.value )
	) {
		return { error: invalidField( 'JSON' ) };
	}
	const fields = body.value as Record< string, unknown >;
	if ( ! isShortcode( fields.BusinessShortCode ) ) {
		return { error: invalidField( 'BusinessShortCode' ) };
	}
	const password = checkPassword( state, fields );
	if ( password ) {
		return { error: password };
	}
	const failed = FIELD_CHECKS.find( ( [ , check ] ) => ! check( fields ) );
	return failed ? { error: invalidField( failed[ 0 ] ) } : { fields };
}

/**
 * Whether TransactionType, BusinessShortCode and PartyB fit the registration: a paybill is paid to
 * itself; a till is paid under its store number (never as the BusinessShortCode itself).
 *
 * @param state  Daraja state.
 * @param fields A validated body.
 * @return Whether M-Pesa would accept the pairing.
 */
function isPairingAllowed(
	state: DarajaState,
	fields: Record< string, unknown >
): boolean {
	const { shortcode, till } = state.config;
	if ( digits( fields.BusinessShortCode ) !== shortcode ) {
		return false;
	}
	const partyB = digits( fields.PartyB );
	return fields.TransactionType === PAYBILL
		? partyB === shortcode
		: till !== '' && partyB === till;
}

/**
 * A record in the PVP record shape. Daraja has no RequestID, so the record's `requestId` holds the
 * MerchantRequestID once issued.
 *
 * @param sim  Simulator state.
 * @param body The body as read.
 * @return The record.
 */
function newRecord( sim: SimState, body: JsonBody ): DarajaStkRecord {
	const value = body.ok ? body.value : ( body.text ?? '' ).slice( 0, 10000 );
	const fields = (
		typeof value === 'object' && value !== null ? value : {}
	) as Record< string, unknown >;
	const text = ( name: string ) => {
		const field = fields[ name ];
		return typeof field === 'string' || typeof field === 'number'
			? String( field )
			: null;
	};
	const record: LnmRecord = {
		seq: sim.records.length + 1,
		receivedAt: new Date().toISOString(),
		body: value,
		validation: { ok: false, errors: [] },
		response: { status: 0, body: null, hangMs: 0, overridden: false },
		accepted: false,
		requestId: null,
		accountReference: text( 'AccountReference' ),
		apiKey: null,
		callbackUrl: text( 'CallBackURL' ),
		senderMsisdn: text( 'PhoneNumber' ),
		amount:
			digits( fields.Amount ) === null
				? null
				: Number( digits( fields.Amount ) ),
		merchantRequestId: null,
		checkoutRequestId: null,
		outcome: null,
		payment: null,
		paid: false,
		settled: false,
		callbacks: [],
	};
	return {
		...record,
		provider: 'daraja',
		transactionType: text( 'TransactionType' ),
		businessShortCode: text( 'BusinessShortCode' ),
		partyB: text( 'PartyB' ),
		errorCode: null,
	};
}

function refuse( sim: SimState, record: DarajaStkRecord, error: Reply ): Reply {
	const body = error.body as { errorCode?: string };
	record.errorCode = body.errorCode ?? null;
	record.validation = {
		ok: false,
		errors: [
			{ field: 'body', code: error.status, message: error.note ?? '' },
		],
	};
	record.response = {
		status: error.status,
		body: error.body,
		hangMs: 0,
		overridden: false,
	};
	record.settled = true;
	sim.add( record );
	return { ...error, note: `daraja stk refused ${ error.note ?? '' }` };
}

/**
 * Issues ids and picks the outcome: a queued one, else the phone rule; a wrong till/paybill pairing
 * always ends in 2028. Daraja sends only the stkCallback.
 *
 * @param sim     Simulator state.
 * @param record  The record.
 * @param pairing Whether the pairing is allowed.
 */
function issue(
	sim: SimState,
	record: DarajaStkRecord,
	pairing: boolean
): void {
	const now = Date.now();
	const msisdn = record.senderMsisdn ?? '';
	const amount = record.amount ?? 0;
	const delay = sim.settings.callbackDelayMs;
	const queued = sim.queue.shift();
	const outcome = queued
		? outcomeFromQueue(
				{ ...queued, respond: undefined },
				msisdn,
				amount,
				delay
			)
		: outcomeForPhone( msisdn, amount, delay );
	const code = pairing ? outcome.resultCode : WRONG_PAIRING;
	record.outcome = {
		...outcome,
		resultCode: code,
		resultDesc: describeResult( code ),
		callbacks: outcome.callbacks.filter( ( kind ) => kind === 'stk' ),
	};
	record.merchantRequestId = unique( sim.issuedIds, merchantRequestId );
	record.requestId = record.merchantRequestId;
	record.checkoutRequestId = unique( sim.issuedIds, () =>
		checkoutRequestId( now, msisdn )
	);
	record.payment = sim.paymentDetails( now + outcome.delayMs );
}

/**
 * Handles one STK push.
 *
 * @param state Daraja state.
 * @param req   The request.
 * @param body  The body as read.
 * @return The reply.
 */
export function handleStkPush(
	state: DarajaState,
	req: IncomingMessage,
	body: JsonBody
): Reply {
	const { sim } = state;
	const record = newRecord( sim, body );
	const checked = validate( state, req, body );
	if ( 'error' in checked ) {
		return refuse( sim, record, checked.error );
	}
	const pairing = isPairingAllowed( state, checked.fields );
	issue( sim, record, pairing );
	const normal = {
		MerchantRequestID: record.merchantRequestId,
		CheckoutRequestID: record.checkoutRequestId,
		ResponseCode: '0',
		ResponseDescription: 'Success. Request accepted for processing',
		CustomerMessage: 'Success. Request accepted for processing',
	};
	// `respond` overrides (lost or odd answers) are a /pvp/lnm feature; Daraja requests ignore them.
	record.validation = { ok: true, errors: [] };
	record.accepted = true;
	const reply: Reply = { status: 200, body: normal };
	record.response = {
		status: 200,
		body: normal,
		hangMs: 0,
		overridden: false,
	};
	sim.add( record );
	sim.schedule( record );
	reply.note = `daraja stk ${ record.transactionType } ref=${ record.accountReference } msisdn=${ record.senderMsisdn } accepted ${ record.checkoutRequestId } code=${ record.outcome?.resultCode }${ pairing ? '' : ' (wrong till/paybill pairing)' }`;
	return reply;
}
