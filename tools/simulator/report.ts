/**
 * `POST /pvp/report` (rows from the recorded transactions plus rows added by tests) and
 * `POST /__sim/report-rows`.
 */
import type { JsonBody, Reply } from './http';
import { SIM_ERROR, errorReply } from './http';
import { API_KEY_PATTERN, LNM_ERROR } from './lnm';
import { maskSecret } from './log';
import type { SimState } from './state';
import type { LnmRecord, ReportResponse, ReportRow } from './types';

const ROW_DEFAULTS: ReportRow = {
	CheckoutRequestID: '',
	MpesaTransactionID: '',
	Amount: 0,
	AccountRef: '',
	SenderMSISDN: '',
	SenderFirstName: '',
	SenderLastName: '',
	TransactionTime: '',
	Confirmed: false,
};

function failure( code: number, description: string ): Reply {
	const body: ReportResponse = {
		StatusCode: -1,
		ResponseCode: code,
		ResponseDesc: description,
		Data: [],
	};
	return { status: 400, body, note: description };
}

/**
 * The report row of an accepted request: payment fields are filled once it is paid.
 *
 * @param record An accepted record.
 * @return The row.
 */
export function reportRow( record: LnmRecord ): ReportRow {
	const paid = record.paid && record.payment !== null;
	return {
		CheckoutRequestID: record.checkoutRequestId ?? '',
		MpesaTransactionID: paid ? ( record.payment?.receipt ?? '' ) : '',
		Amount: paid
			? ( record.outcome?.amountPaid ?? 0 )
			: ( record.amount ?? 0 ),
		AccountRef: record.accountReference ?? '',
		SenderMSISDN: record.senderMsisdn ?? '',
		SenderFirstName: paid ? ( record.payment?.firstName ?? '' ) : '',
		SenderLastName: paid ? ( record.payment?.lastName ?? '' ) : '',
		TransactionTime: paid ? ( record.payment?.transactionTime ?? '' ) : '',
		Confirmed: paid,
	};
}

function checkReportBody(
	value: unknown,
	registeredKey: string | undefined
): string | null {
	if (
		typeof value !== 'object' ||
		value === null ||
		Array.isArray( value )
	) {
		return 'The body must be a JSON object';
	}
	const { APIKey, UserID } = value as Record< string, unknown >;
	if ( typeof APIKey !== 'string' ) {
		return 'ApiKey' in value
			? 'Invalid API Key: APIKey is required (spelled APIKey on /pvp/report)'
			: 'Invalid API Key: APIKey is required';
	}
	if (
		! API_KEY_PATTERN.test( APIKey ) ||
		( registeredKey !== undefined && APIKey !== registeredKey )
	) {
		return 'Invalid API Key';
	}
	if (
		UserID !== undefined &&
		! (
			typeof UserID === 'number' &&
			Number.isInteger( UserID ) &&
			UserID >= 0
		)
	) {
		return 'UserID must be a non-negative integer';
	}
	return null;
}

/**
 * Handles `POST /pvp/report`: one row per accepted lnm request made with the same key
 * (oldest first), then the extra rows.
 *
 * @param state The simulator state.
 * @param body  The request body as read.
 * @return The reply.
 */
export function handleReport( state: SimState, body: JsonBody ): Reply {
	if ( ! body.ok ) {
		return failure( SIM_ERROR.body, body.error );
	}
	const error = checkReportBody( body.value, state.settings.apiKey );
	if ( error !== null ) {
		return failure(
			error.startsWith( 'Invalid API Key' )
				? LNM_ERROR.apiKey
				: SIM_ERROR.body,
			error
		);
	}
	const key = ( body.value as { APIKey: string } ).APIKey;
	const rows = state.records
		.filter( ( record ) => record.accepted && record.apiKey === key )
		.map( reportRow )
		.concat( state.extraReportRows );
	const reply: ReportResponse = {
		StatusCode: 0,
		ResponseCode: 0,
		ResponseDesc: 'Success',
		Data: rows,
	};
	return {
		status: 200,
		body: reply,
		note: `key=${ maskSecret( key ) } rows=${ rows.length }`,
	};
}

/**
 * Handles `POST /__sim/report-rows`: an array of (partial) rows; missing fields get empty values.
 *
 * @param state The simulator state.
 * @param value The parsed body.
 * @return The reply.
 */
export function addReportRows( state: SimState, value: unknown ): Reply {
	const valid =
		Array.isArray( value ) &&
		value.every(
			( row ) =>
				typeof row === 'object' &&
				row !== null &&
				! Array.isArray( row )
		);
	if ( ! valid ) {
		return errorReply(
			400,
			SIM_ERROR.body,
			'The body must be a JSON array of row objects'
		);
	}
	for ( const row of value as Array< Partial< ReportRow > > ) {
		state.extraReportRows.push( { ...ROW_DEFAULTS, ...row } );
	}
	return {
		status: 200,
		body: {
			ok: true,
			added: value.length,
			total: state.extraReportRows.length,
		},
	};
}
