/**
 * `POST /pvp/lnm`: validate, record, answer, and schedule the outcome's callbacks.
 */
import type { JsonBody, Reply } from './http';
import { checkoutRequestId, merchantRequestId, unique } from './ids';
import {
	LNM_ERROR,
	acceptedResponse,
	rejectedResponse,
	validateLnmRequest,
} from './lnm';
import { maskSecret } from './log';
import { outcomeForPhone, outcomeFromQueue } from './outcomes';
import type { SimState } from './state';
import type {
	LnmRecord,
	LnmRequest,
	QueuedOutcome,
	RespondOverride,
	ValidationError,
} from './types';

const MAX_RECORDED_TEXT = 10000;

function field< T >(
	body: unknown,
	name: string,
	type: 'string' | 'number'
): T | null {
	if ( typeof body !== 'object' || body === null ) {
		return null;
	}
	const value = ( body as Record< string, unknown > )[ name ];
	return typeof value === type ? ( value as T ) : null;
}

function newRecord(
	state: SimState,
	body: JsonBody,
	errors: ValidationError[]
): LnmRecord {
	const value = body.ok
		? body.value
		: ( body.text ?? '' ).slice( 0, MAX_RECORDED_TEXT );
	const reference =
		field< string >( value, 'AccountReference', 'string' ) ??
		field< number >( value, 'AccountReference', 'number' );
	return {
		seq: state.records.length + 1,
		receivedAt: new Date().toISOString(),
		body: value,
		validation: { ok: errors.length === 0, errors },
		response: { status: 0, body: null, hangMs: 0, overridden: false },
		accepted: false,
		requestId: field( value, 'RequestID', 'string' ),
		accountReference: reference === null ? null : String( reference ),
		apiKey: field( value, 'ApiKey', 'string' ),
		callbackUrl: field( value, 'CallbackUrl', 'string' ),
		senderMsisdn: field( value, 'SenderMSISDN', 'string' ),
		amount: field( value, 'Amount', 'number' ),
		merchantRequestId: null,
		checkoutRequestId: null,
		outcome: null,
		payment: null,
		paid: false,
		settled: false,
		callbacks: [],
	};
}

function reject(
	state: SimState,
	record: LnmRecord,
	errors: ValidationError[]
): Reply {
	const reply: Reply = {
		status: 400,
		body: rejectedResponse( errors ),
		note: `rejected ${ errors[ 0 ]?.message ?? '' }`,
	};
	record.response = {
		status: reply.status,
		body: reply.body,
		hangMs: 0,
		overridden: false,
	};
	record.settled = true;
	state.add( record );
	return reply;
}

function overrideReply( respond: RespondOverride, normal: unknown ): Reply {
	return {
		status: respond.status ?? 200,
		body: respond.body === undefined ? normal : respond.body,
		raw: typeof respond.body === 'string',
		hangMs: respond.hangMs ?? 0,
	};
}

/**
 * Takes the next queued outcome (or applies the phone rule) and issues the ids and payment details.
 *
 * @param state   The simulator state.
 * @param record  The record being accepted.
 * @param request The validated request.
 * @return The queued entry used, if any.
 */
function issue(
	state: SimState,
	record: LnmRecord,
	request: LnmRequest
): QueuedOutcome | undefined {
	const now = Date.now();
	const { SenderMSISDN: msisdn, Amount: amount } = request;
	const delay = state.settings.callbackDelayMs;
	const queued = state.queue.shift();
	const outcome = queued
		? outcomeFromQueue( queued, msisdn, amount, delay )
		: outcomeForPhone( msisdn, amount, delay, state.settings.manual );
	record.merchantRequestId = unique( state.issuedIds, merchantRequestId );
	record.checkoutRequestId = unique( state.issuedIds, () =>
		checkoutRequestId( now, msisdn )
	);
	record.outcome = outcome;
	record.payment = state.paymentDetails( now + outcome.delayMs );
	return queued;
}

function accept(
	state: SimState,
	record: LnmRecord,
	request: LnmRequest
): Reply {
	state.usedRequestIds.add( request.RequestID );
	const queued = issue( state, record, request );
	const normal = acceptedResponse(
		record.merchantRequestId ?? '',
		record.checkoutRequestId ?? ''
	);
	const respond = queued?.respond;
	// A replaced answer stands for a ProxyAPI failure: no transaction unless the test asked for callbacks.
	record.accepted = respond === undefined || queued?.callbacks !== undefined;
	const reply: Reply = respond
		? overrideReply( respond, normal )
		: { status: 200, body: normal };
	reply.note = `accepted ${ record.checkoutRequestId } code=${ record.outcome?.resultCode } callbacks=${ record.outcome?.callbacks.join( ',' ) || 'none' }${ respond ? ' (answer overridden)' : '' }`;
	record.response = {
		status: reply.status,
		body: reply.body,
		hangMs: reply.hangMs ?? 0,
		overridden: respond !== undefined,
	};
	state.add( record );
	if ( record.accepted ) {
		state.schedule( record );
	} else {
		state.settle( record );
	}
	return reply;
}

/**
 * Handles one lnm request.
 *
 * @param state The simulator state.
 * @param body  The request body as read.
 * @return The reply to send.
 */
export function handleLnm( state: SimState, body: JsonBody ): Reply {
	const { settings } = state;
	const validation = body.ok
		? validateLnmRequest( body.value, {
				nowSec: Math.floor( Date.now() / 1000 ),
				timestampToleranceSec: settings.timestampToleranceSec,
				usedRequestIds: state.usedRequestIds,
				apiKey: settings.apiKey,
			} )
		: {
				ok: false as const,
				errors: [
					{
						field: 'body',
						code: LNM_ERROR.body,
						message: body.error,
					},
				],
			};
	const record = newRecord( state, body, validation.errors );
	const keyNote = `key=${ maskSecret( record.apiKey ) } ref=${ record.accountReference ?? '-' } msisdn=${ record.senderMsisdn ?? '-' }`;
	const reply = validation.ok
		? accept( state, record, validation.request )
		: reject( state, record, validation.errors );
	reply.note = `${ keyNote } ${ reply.note ?? '' }`;
	return reply;
}
