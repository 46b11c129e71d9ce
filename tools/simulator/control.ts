/**
 * The test control API under `/__sim/`.
 */
import { callbackBody, callbackSource } from './callbacks';
import type { JsonBody, Reply } from './http';
import { SIM_ERROR, errorReply } from './http';
import { DARAJA_CONTROL_ROUTES } from './daraja/control';
import { checkQueuedOutcome, normaliseResultCode } from './outcomes';
import { PHONE_CONTROL_ROUTES } from './phone/control';
import { addReportRows } from './report';
import type { SimState } from './state';
import type {
	CallbackKind,
	LnmRecord,
	QueuedOutcome,
	ResultCode,
} from './types';

const MAX_WAIT_MS = 60000;

/** One control request, already parsed. */
export interface ControlRequest {
	method: string;
	path: string;
	query: URLSearchParams;
	/** Reads the JSON body (only POST routes call it). */
	body: () => Promise< JsonBody >;
}

type Handler = (
	state: SimState,
	request: ControlRequest,
	params: string[]
) => Reply | Promise< Reply >;

function ok( body: Record< string, unknown > = {} ): Reply {
	return { status: 200, body: { ok: true, ...body } };
}

function isKind( value: unknown ): value is CallbackKind {
	return value === 'stk' || value === 'pvp';
}

function isResultCode( value: unknown ): value is ResultCode {
	return (
		( typeof value === 'number' &&
			Number.isInteger( value ) &&
			value >= 0 ) ||
		( typeof value === 'string' && /^[A-Za-z0-9_]{1,32}$/.test( value ) )
	);
}

type Outcome< T > = { value: T; reply?: undefined } | { reply: Reply };

async function jsonObject(
	request: ControlRequest
): Promise< Outcome< Record< string, unknown > > > {
	const body = await request.body();
	if ( ! body.ok ) {
		return { reply: errorReply( 400, SIM_ERROR.body, body.error ) };
	}
	if (
		typeof body.value !== 'object' ||
		body.value === null ||
		Array.isArray( body.value )
	) {
		return {
			reply: errorReply(
				400,
				SIM_ERROR.body,
				'The body must be a JSON object'
			),
		};
	}
	return { value: body.value as Record< string, unknown > };
}

function findRecord(
	state: SimState,
	checkoutRequestId: string
): Outcome< LnmRecord > {
	const record = state.find( checkoutRequestId );
	return record
		? { value: record }
		: {
				reply: errorReply(
					404,
					SIM_ERROR.notFound,
					`No request with CheckoutRequestID ${ checkoutRequestId }`
				),
			};
}

const requests: Handler = ( state, request ) => {
	const reference = request.query.get( 'accountReference' );
	const list =
		reference === null
			? state.records
			: state.records.filter(
					( record ) => record.accountReference === reference
				);
	return ok( { requests: list } );
};

const next: Handler = async ( state, request ) => {
	const body = await request.body();
	if ( ! body.ok ) {
		return errorReply( 400, SIM_ERROR.body, body.error );
	}
	const error = checkQueuedOutcome( body.value );
	if ( error !== null ) {
		return errorReply( 400, SIM_ERROR.body, error );
	}
	state.queue.push( body.value as QueuedOutcome );
	return ok( { queued: state.queue.length } );
};

const sendCallback: Handler = async ( state, request, [ id = '' ] ) => {
	const input = await jsonObject( request );
	const found = findRecord( state, id );
	if ( found.reply || input.reply ) {
		return found.reply ?? ( input.reply as Reply );
	}
	const { kind, resultCode } = input.value;
	if (
		! isKind( kind ) ||
		( resultCode !== undefined && ! isResultCode( resultCode ) )
	) {
		return errorReply(
			400,
			SIM_ERROR.body,
			'Expected { "kind": "stk" | "pvp", "resultCode"?: number | string }'
		);
	}
	const delivery = await state.send(
		found.value,
		kind,
		resultCode,
		'manual'
	);
	return delivery
		? ok( { delivery } )
		: errorReply(
				409,
				SIM_ERROR.notFound,
				`Request ${ id } has no transaction to call back about`
			);
};

const showBody: Handler = ( state, request, [ id = '' ] ) => {
	const found = findRecord( state, id );
	if ( found.reply ) {
		return found.reply;
	}
	const kind = request.query.get( 'kind' ) ?? 'stk';
	const code = request.query.get( 'resultCode' );
	const source = callbackSource( found.value );
	if (
		! isKind( kind ) ||
		( code !== null && ! isResultCode( code ) ) ||
		! source
	) {
		return errorReply(
			400,
			SIM_ERROR.body,
			'Expected ?kind=stk|pvp (and optionally &resultCode=) for a request with a transaction'
		);
	}
	return {
		status: 200,
		body: callbackBody(
			source,
			kind,
			code === null ? undefined : normaliseResultCode( code )
		),
	};
};

const wait: Handler = async ( state, request ) => {
	const input = await jsonObject( request );
	if ( input.reply ) {
		return input.reply;
	}
	const {
		accountReference,
		checkoutRequestId,
		timeoutMs = 10000,
	} = input.value;
	const valid =
		typeof timeoutMs === 'number' &&
		timeoutMs >= 0 &&
		timeoutMs <= MAX_WAIT_MS;
	if (
		! valid ||
		( accountReference === undefined && checkoutRequestId === undefined )
	) {
		return errorReply(
			400,
			SIM_ERROR.body,
			`Expected { "accountReference"?, "checkoutRequestId"?, "timeoutMs"? (at most ${ MAX_WAIT_MS }) } naming at least one of the two ids`
		);
	}
	const matches = ( record: LnmRecord ) =>
		record.settled &&
		( accountReference === undefined ||
			record.accountReference === String( accountReference ) ) &&
		( checkoutRequestId === undefined ||
			record.checkoutRequestId === checkoutRequestId );
	try {
		return ok( { request: await state.waitFor( matches, timeoutMs ) } );
	} catch ( error ) {
		return errorReply( 408, SIM_ERROR.timeout, ( error as Error ).message );
	}
};

const reportRows: Handler = async ( state, request ) => {
	const body = await request.body();
	return body.ok
		? addReportRows( state, body.value )
		: errorReply( 400, SIM_ERROR.body, body.error );
};

function safeDecode( segment: string ): string {
	try {
		return decodeURIComponent( segment );
	} catch {
		return segment;
	}
}

const reset: Handler = ( state ) => {
	state.reset();
	return ok();
};

/** Routes: method, path pattern, handler. */
const ROUTES: Array< [ string, RegExp, Handler ] > = [
	[ 'GET', /^\/__sim\/health$/, () => ok() ],
	[ 'GET', /^\/__sim\/requests$/, requests ],
	[ 'POST', /^\/__sim\/reset$/, reset ],
	[ 'POST', /^\/__sim\/next$/, next ],
	[ 'POST', /^\/__sim\/wait$/, wait ],
	[ 'POST', /^\/__sim\/callbacks\/([^/]+)\/send$/, sendCallback ],
	[ 'GET', /^\/__sim\/callbacks\/([^/]+)\/body$/, showBody ],
	[ 'POST', /^\/__sim\/report-rows$/, reportRows ],
	...PHONE_CONTROL_ROUTES,
	...DARAJA_CONTROL_ROUTES,
];

/**
 * Answers a `/__sim/` request.
 *
 * @param state   The simulator state.
 * @param request The request.
 * @return The reply (404 or 405 when no route fits).
 */
export async function handleControl(
	state: SimState,
	request: ControlRequest
): Promise< Reply > {
	const matching = ROUTES.filter( ( [ , pattern ] ) =>
		pattern.test( request.path )
	);
	const route = matching.find( ( [ method ] ) => method === request.method );
	if ( ! route ) {
		return matching.length > 0
			? errorReply(
					405,
					SIM_ERROR.method,
					`${ request.method } is not allowed on ${ request.path }`
				)
			: errorReply(
					404,
					SIM_ERROR.notFound,
					`Not found: ${ request.method } ${ request.path }`
				);
	}
	const params = ( route[ 1 ].exec( request.path ) ?? [] )
		.slice( 1 )
		.map( safeDecode );
	return route[ 2 ]( state, request, params );
}
