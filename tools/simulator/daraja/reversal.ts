/**
 * `POST /mpesa/reversal/v1/request`: checked like Daraja, answered at once, and the outcome posted
 * later to the ResultURL as `{"Result":…}` (reversals are asynchronous on M-Pesa).
 */
import type { IncomingMessage } from 'node:http';
import { randomBytes } from 'node:crypto';

import { deliverCallback } from '../callbacks';
import type { JsonBody, Reply } from '../http';
import { kenyaStamp, mpesaReceipt, unique } from '../ids';
import { describeResult } from '../outcomes';
import type { CallbackBody, ResultCode } from '../types';
import { checkBearer, checkJsonContentType } from './auth';
import { decryptCredential } from './credential';
import { invalidField } from './errors';
import { digits, isUrl } from './stk';
import type { DarajaState } from './state';
import type {
	DarajaStkRecord,
	ReversalRecord,
	ReversalResultBody,
} from './types';

const REVERSAL_DESCRIPTIONS: Readonly< Record< string, string > > = {
	0: 'The service request is processed successfully.',
	2001: 'The initiator information is invalid.',
	R000001: 'The transaction has already been reversed.',
	R000002: 'The OriginalTransactionID is invalid.',
};

/**
 * @param code A reversal ResultCode.
 * @return Its ResultDesc.
 */
export function describeReversal( code: ResultCode ): string {
	return REVERSAL_DESCRIPTIONS[ String( code ) ] ?? describeResult( code );
}

const isText =
	( max: number, min = 1 ) =>
	( value: unknown ) =>
		typeof value === 'string' && value.length >= min && value.length <= max;

// Field checks in order; each failure is "Bad Request - Invalid <field>".
const CHECKS: Array< [ string, ( value: unknown ) => boolean ] > = [
	[ 'CommandID', ( v ) => v === 'TransactionReversal' ],
	[ 'Initiator', isText( 100 ) ],
	[ 'SecurityCredential', isText( 4096, 16 ) ],
	[
		'TransactionID',
		( v ) => typeof v === 'string' && /^[A-Z0-9]{10}$/.test( v ),
	],
	[ 'Amount', ( v ) => Number( digits( v ) ?? 0 ) >= 1 ],
	[ 'ReceiverParty', ( v ) => /^\d{5,7}$/.test( digits( v ) ?? '' ) ],
	[
		'RecieverIdentifierType',
		( v ) => [ '11', '4' ].includes( String( v ) ),
	],
	[ 'ResultURL', isUrl ],
	[ 'QueueTimeOutURL', isUrl ],
	[ 'Remarks', isText( 100, 2 ) ],
	[ 'Occasion', ( v ) => v === undefined || isText( 100, 0 )( v ) ],
];

function newRecord( state: DarajaState, body: JsonBody ): ReversalRecord {
	const fields = (
		body.ok && typeof body.value === 'object' && body.value !== null
			? body.value
			: {}
	) as Record< string, unknown >;
	return {
		seq: state.reversals.length + 1,
		receivedAt: new Date().toISOString(),
		body: body.ok ? body.value : body.text,
		accepted: false,
		errorCode: null,
		transactionId:
			typeof fields.TransactionID === 'string'
				? fields.TransactionID
				: null,
		amount:
			digits( fields.Amount ) === null
				? null
				: Number( digits( fields.Amount ) ),
		resultUrl:
			typeof fields.ResultURL === 'string' ? fields.ResultURL : null,
		originatorConversationId: null,
		conversationId: null,
		reversalReceipt: null,
		resultCode: null,
		resultDesc: null,
		settled: false,
		callbacks: [],
	};
}

/**
 * What M-Pesa decides: a queued outcome, else bad initiator credentials (2001), an unknown or
 * unpaid receipt (R000002), a receipt already reversed (R000001), or success.
 *
 * @param state  Daraja state.
 * @param fields The validated body.
 * @return The ResultCode.
 */
function decide(
	state: DarajaState,
	fields: Record< string, unknown >
): ResultCode {
	const { config, keys, sim } = state;
	const password = decryptCredential(
		String( fields.SecurityCredential ),
		keys.privateKey
	);
	if (
		fields.Initiator !== config.initiatorName ||
		password !== config.initiatorPassword
	) {
		return 2001;
	}
	const paid = sim.records.some(
		( record ) =>
			( record as DarajaStkRecord ).provider === 'daraja' &&
			record.paid &&
			record.payment?.receipt === fields.TransactionID
	);
	if ( ! paid ) {
		return 'R000002';
	}
	const reversed = state.reversals.some(
		( reversal ) =>
			reversal.accepted &&
			reversal.transactionId === fields.TransactionID &&
			reversal.resultCode === 0
	);
	return reversed ? 'R000001' : 0;
}

/**
 * The `{"Result":…}` body for a reversal's outcome.
 *
 * @param record The reversal.
 * @param code   Its ResultCode.
 * @return The body.
 */
export function reversalResultBody(
	record: ReversalRecord,
	code: ResultCode
): ReversalResultBody {
	const body = record.body as Record< string, unknown >;
	const result: ReversalResultBody[ 'Result' ] = {
		ResultType: 0,
		ResultCode: code,
		ResultDesc: describeReversal( code ),
		OriginatorConversationID: record.originatorConversationId ?? '',
		ConversationID: record.conversationId ?? '',
		TransactionID: record.reversalReceipt ?? '',
		ReferenceData: {
			ReferenceItem: {
				Key: 'QueueTimeoutURL',
				Value: String( body.QueueTimeOutURL ?? '' ),
			},
		},
	};
	if ( code === 0 ) {
		result.ResultParameters = {
			ResultParameter: [
				{
					Key: 'DebitAccountBalance',
					Value: 'Working Account|KES|0.00|0.00|0.00|0.00',
				},
				{ Key: 'Amount', Value: record.amount ?? 0 },
				{
					Key: 'TransCompletedTime',
					Value: Number( kenyaStamp( Date.now() ) ),
				},
				{
					Key: 'OriginalTransactionID',
					Value: record.transactionId ?? '',
				},
				{ Key: 'Charge', Value: 0 },
				{
					Key: 'CreditPartyPublicName',
					Value: '254700***000 - Jane Doe',
				},
				{
					Key: 'DebitPartyPublicName',
					Value: `${ String( body.ReceiverParty ?? '' ) } - Simulated Shop`,
				},
			],
		};
	}
	return { Result: result };
}

/**
 * Posts a reversal's result to its ResultURL now and records the store's answer.
 *
 * @param state   Daraja state.
 * @param record  The reversal.
 * @param code    ResultCode to report.
 * @param trigger `auto` (scheduled) or `manual` (control API).
 * @return The delivery.
 */
export async function sendReversalResult(
	state: DarajaState,
	record: ReversalRecord,
	code: ResultCode,
	trigger: 'auto' | 'manual'
): Promise< ReversalRecord[ 'callbacks' ][ number ] > {
	const body = reversalResultBody( record, code );
	const sentAt = new Date().toISOString();
	const { settings } = state.sim;
	// deliverCallback only serialises the body; a Result is not one of the STK shapes it is typed for.
	const result = await deliverCallback(
		record.resultUrl ?? '',
		body as unknown as CallbackBody,
		{
			timeoutMs: settings.callbackTimeoutMs,
			insecureTls: settings.insecureTls,
			signal: state.aborter.signal,
		}
	);
	const delivery = {
		trigger,
		url: record.resultUrl ?? '',
		body,
		sentAt,
		...result,
	};
	record.callbacks.push( delivery );
	record.resultCode = code;
	record.resultDesc = body.Result.ResultDesc;
	state.sim.events.emit( 'change', record );
	return delivery;
}

function schedule(
	state: DarajaState,
	record: ReversalRecord,
	code: ResultCode,
	delayMs: number,
	send: boolean
): void {
	const generation = state.generation;
	const timer = setTimeout( async () => {
		state.timers.delete( timer );
		if ( send ) {
			await sendReversalResult( state, record, code, 'auto' );
		}
		if ( generation === state.generation ) {
			record.settled = true;
		}
	}, delayMs );
	state.timers.add( timer );
}

/**
 * Handles one reversal request.
 *
 * @param state Daraja state.
 * @param req   The request.
 * @param body  The body as read.
 * @return The reply.
 */
export function handleReversal(
	state: DarajaState,
	req: IncomingMessage,
	body: JsonBody
): Reply {
	const record = newRecord( state, body );
	state.reversals.push( record );
	const fields = (
		body.ok &&
		typeof body.value === 'object' &&
		body.value !== null &&
		! Array.isArray( body.value )
			? body.value
			: null
	) as Record< string, unknown > | null;
	const failed = fields
		? CHECKS.find( ( [ name, check ] ) => ! check( fields[ name ] ) )
		: undefined;
	const error =
		checkJsonContentType( req ) ??
		checkBearer( state, req ) ??
		( fields ? null : invalidField( 'JSON' ) ) ??
		( failed ? invalidField( failed[ 0 ] ) : null );
	if ( error || ! fields ) {
		record.errorCode =
			( error?.body as { errorCode?: string } | undefined )?.errorCode ??
			null;
		record.settled = true;
		return {
			...( error as Reply ),
			note: `daraja reversal refused ${ error?.note ?? '' }`,
		};
	}
	const queued = state.reversalQueue.shift();
	const code = queued?.resultCode ?? decide( state, fields );
	record.accepted = true;
	record.originatorConversationId = unique(
		state.sim.issuedIds,
		() =>
			`${ randomBytes( 4 ).toString( 'hex' ) }-${ randomBytes( 6 ).toString( 'hex' ) }-1`
	);
	record.conversationId = unique(
		state.sim.issuedIds,
		() =>
			`AG_${ kenyaStamp( Date.now() ).slice( 0, 8 ) }_${ randomBytes( 10 ).toString( 'hex' ) }`
	);
	record.resultCode = code;
	record.resultDesc = describeReversal( code );
	record.reversalReceipt =
		code === 0
			? unique( state.sim.issuedIds, () => mpesaReceipt( Date.now() ) )
			: null;
	schedule(
		state,
		record,
		code,
		queued?.delayMs ?? state.sim.settings.callbackDelayMs,
		queued?.callback !== false
	);
	return {
		status: 200,
		body: {
			OriginatorConversationID: record.originatorConversationId,
			ConversationID: record.conversationId,
			ResponseCode: '0',
			ResponseDescription: 'Accept the service request successfully.',
		},
		note: `daraja reversal of ${ record.transactionId } accepted ${ record.conversationId } code=${ code }`,
	};
}
