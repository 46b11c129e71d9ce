/**
 * `POST /mpesa/stkpushquery/v1/query`: "being processed" until M-Pesa knows the outcome, then the
 * ResultCode and ResultDesc as strings (as in Daraja's sample), with no receipt.
 */
import type { IncomingMessage } from 'node:http';

import type { JsonBody, Reply } from '../http';
import { IGNORED_PROMPT_PHONE, describeResult } from '../outcomes';
import type { ResultCode } from '../types';
import { checkBearer, checkJsonContentType, checkPassword } from './auth';
import { DARAJA_ERROR, darajaError, invalidField } from './errors';
import type { DarajaState } from './state';
import type { DarajaStkRecord } from './types';

/**
 * What M-Pesa knows about a Daraja STK push: the code of the last stkCallback sent, else the
 * outcome once it has happened; an ignored prompt stays open until a callback is sent for it.
 *
 * @param record The STK record.
 * @return The ResultCode, or null while the transaction is still being processed.
 */
export function knownResult( record: DarajaStkRecord ): ResultCode | null {
	const sent = record.callbacks.filter(
		( callback ) => callback.kind === 'stk'
	);
	const last = sent[ sent.length - 1 ];
	if ( last && 'stkCallback' in last.body.Body ) {
		return last.body.Body.stkCallback.ResultCode;
	}
	const ignored =
		record.senderMsisdn === IGNORED_PROMPT_PHONE &&
		record.outcome?.source === 'phone';
	return record.settled && record.outcome && ! ignored
		? record.outcome.resultCode
		: null;
}

/**
 * Handles one STK push query.
 *
 * @param state Daraja state.
 * @param req   The request.
 * @param body  The body as read.
 * @return The reply.
 */
export function handleStkQuery(
	state: DarajaState,
	req: IncomingMessage,
	body: JsonBody
): Reply {
	const early = checkJsonContentType( req ) ?? checkBearer( state, req );
	if ( early ) {
		return early;
	}
	if (
		! body.ok ||
		typeof body.value !== 'object' ||
		body.value === null ||
		Array.isArray( body.value )
	) {
		return invalidField( 'JSON' );
	}
	const fields = body.value as Record< string, unknown >;
	const refused = checkPassword( state, fields );
	if ( refused ) {
		return refused;
	}
	const id = fields.CheckoutRequestID;
	const record = state.sim.records.find(
		( candidate ) =>
			( candidate as DarajaStkRecord ).provider === 'daraja' &&
			candidate.accepted &&
			candidate.checkoutRequestId === id
	) as DarajaStkRecord | undefined;
	if ( ! record ) {
		return invalidField( 'CheckoutRequestID' );
	}
	const code = knownResult( record );
	if ( code === null ) {
		return darajaError(
			500,
			DARAJA_ERROR.merchant,
			'The transaction is being processed'
		);
	}
	return {
		status: 200,
		body: {
			ResponseCode: '0',
			ResponseDescription:
				'The service request has been accepted successfully',
			MerchantRequestID: record.merchantRequestId,
			CheckoutRequestID: record.checkoutRequestId,
			ResultCode: String( code ),
			ResultDesc: describeResult( code ),
		},
		note: `daraja query ${ record.checkoutRequestId } ResultCode=${ code }`,
	};
}
