/**
 * The Daraja part of the test control API, under `/__sim/daraja/`. The routes are registered in the
 * simulator's control router (`../control.ts`), so they share its matching and its 404/405 answers.
 */
import type { ControlRequest } from '../control';
import type { Reply } from '../http';
import { SIM_ERROR, errorReply } from '../http';
import type { SimState } from '../state';
import type { ResultCode } from '../types';
import { checkConfigUpdate } from './config';
import { publicKeyPem } from './credential';
import { sendReversalResult } from './reversal';
import { darajaState } from './state';
import type { DarajaConfig, QueuedReversal } from './types';

type Handler = (
	sim: SimState,
	request: ControlRequest,
	params: string[]
) => Reply | Promise< Reply >;

type Parsed = { value: Record< string, unknown > } | { reply: Reply };

const ok = ( body: Record< string, unknown > = {} ): Reply => ( {
	status: 200,
	body: { ok: true, ...body },
} );

async function objectBody( request: ControlRequest ): Promise< Parsed > {
	const body = await request.body();
	if (
		body.ok &&
		typeof body.value === 'object' &&
		body.value !== null &&
		! Array.isArray( body.value )
	) {
		return { value: body.value as Record< string, unknown > };
	}
	const message = body.ok ? 'The body must be a JSON object' : body.error;
	return { reply: errorReply( 400, SIM_ERROR.body, message ) };
}

function isResultCode( value: unknown ): value is ResultCode {
	return (
		( Number.isInteger( value ) && ( value as number ) >= 0 ) ||
		( typeof value === 'string' && /^[A-Za-z0-9_]{1,32}$/.test( value ) )
	);
}

function isQueuedReversal( input: Record< string, unknown > ): boolean {
	const { resultCode, delayMs, callback, ...rest } = input;
	return (
		Object.keys( rest ).length === 0 &&
		( resultCode === undefined || isResultCode( resultCode ) ) &&
		( delayMs === undefined ||
			( Number.isInteger( delayMs ) &&
				( delayMs as number ) >= 0 &&
				( delayMs as number ) <= 600000 ) ) &&
		( callback === undefined || typeof callback === 'boolean' )
	);
}

const updateConfig: Handler = async ( sim, request ) => {
	const input = await objectBody( request );
	if ( 'reply' in input ) {
		return input.reply;
	}
	const error = checkConfigUpdate( input.value );
	if ( error !== null ) {
		return errorReply( 400, SIM_ERROR.body, error );
	}
	const state = darajaState( sim );
	state.config = {
		...state.config,
		...( input.value as Partial< DarajaConfig > ),
	};
	return ok( { config: state.config } );
};

const tokens: Handler = ( sim ) => {
	const state = darajaState( sim );
	const now = Date.now();
	const active = [ ...state.tokens.values() ].filter(
		( expiry ) => expiry > now
	);
	return ok( { issued: state.tokensIssued, active: active.length } );
};

const nextReversal: Handler = async ( sim, request ) => {
	const input = await objectBody( request );
	if ( 'reply' in input ) {
		return input.reply;
	}
	if ( ! isQueuedReversal( input.value ) ) {
		return errorReply(
			400,
			SIM_ERROR.body,
			'Expected { "resultCode"?: number | string, "delayMs"?: 0-600000, "callback"?: boolean }'
		);
	}
	const state = darajaState( sim );
	state.reversalQueue.push( input.value as QueuedReversal );
	return ok( { queued: state.reversalQueue.length } );
};

const sendResult: Handler = async ( sim, request, [ id = '' ] ) => {
	const input = await objectBody( request );
	if ( 'reply' in input ) {
		return input.reply;
	}
	const state = darajaState( sim );
	const record = state.reversals.find(
		( r ) => r.accepted && r.conversationId === id
	);
	if ( ! record ) {
		return errorReply(
			404,
			SIM_ERROR.notFound,
			`No accepted reversal with ConversationID ${ id }`
		);
	}
	const code = input.value.resultCode ?? record.resultCode ?? 0;
	if ( ! isResultCode( code ) ) {
		return errorReply(
			400,
			SIM_ERROR.body,
			'Expected { "resultCode"?: number | string }'
		);
	}
	return ok( {
		delivery: await sendReversalResult( state, record, code, 'manual' ),
	} );
};

// Method, path pattern, handler: spread into the control router's table.
export const DARAJA_CONTROL_ROUTES: Array< [ string, RegExp, Handler ] > = [
	[
		'GET',
		/^\/__sim\/daraja\/config$/,
		( sim ) => ok( { config: darajaState( sim ).config } ),
	],
	[ 'POST', /^\/__sim\/daraja\/config$/, updateConfig ],
	[ 'GET', /^\/__sim\/daraja\/tokens$/, tokens ],
	[
		'POST',
		/^\/__sim\/daraja\/tokens\/expire$/,
		( sim ) => {
			darajaState( sim ).expireTokens();
			return ok();
		},
	],
	[
		'GET',
		/^\/__sim\/daraja\/certificate$/,
		( sim ) =>
			ok( {
				publicKey: publicKeyPem( darajaState( sim ).keys.publicKey ),
			} ),
	],
	[
		'GET',
		/^\/__sim\/daraja\/reversals$/,
		( sim ) => ok( { reversals: darajaState( sim ).reversals } ),
	],
	[ 'POST', /^\/__sim\/daraja\/reversals\/next$/, nextReversal ],
	[ 'POST', /^\/__sim\/daraja\/reversals\/([^/]+)\/send$/, sendResult ],
];
