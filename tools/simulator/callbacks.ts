/**
 * The two callback bodies (Daraja stkCallback, ProxyAPI pvpCallback) and their delivery to the store.
 */
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';

import { describeResult, normaliseResultCode } from './outcomes';
import type {
	CallbackBody,
	CallbackKind,
	LnmRecord,
	PaymentDetails,
	PvpCallbackBody,
	ResultCode,
	StkCallbackBody,
} from './types';

/** What a callback body is built from. */
export interface CallbackSource {
	requestId: string;
	merchantRequestId: string;
	checkoutRequestId: string;
	senderMsisdn: string;
	amountPaid: number;
	resultCode: ResultCode;
	payment: PaymentDetails;
}

/** The store's answer to one callback POST; never an exception. */
export interface DeliveryResult {
	status: number | null;
	responseBody: string | null;
	error: string | null;
	durationMs: number;
}

export interface DeliveryOptions {
	timeoutMs: number;
	insecureTls: boolean;
	signal?: AbortSignal;
}

const MAX_RESPONSE_CHARS = 64 * 1024;

/**
 * The data callbacks need, or null for a request that was never accepted.
 *
 * @param record A recorded lnm request.
 * @return The source, or null.
 */
export function callbackSource( record: LnmRecord ): CallbackSource | null {
	const {
		requestId,
		merchantRequestId,
		checkoutRequestId,
		senderMsisdn,
		outcome,
		payment,
	} = record;
	if (
		! requestId ||
		! merchantRequestId ||
		! checkoutRequestId ||
		! senderMsisdn ||
		! outcome ||
		! payment
	) {
		return null;
	}
	return {
		requestId,
		merchantRequestId,
		checkoutRequestId,
		senderMsisdn,
		amountPaid: outcome.amountPaid,
		resultCode: outcome.resultCode,
		payment,
	};
}

/**
 * `{"Body":{"stkCallback":…}}`; CallbackMetadata only when ResultCode is 0.
 *
 * @param source     The transaction.
 * @param resultCode ResultCode to report (defaults to the transaction's outcome).
 * @return The body.
 */
export function stkCallbackBody(
	source: CallbackSource,
	resultCode: ResultCode = source.resultCode
): StkCallbackBody {
	const code = normaliseResultCode( resultCode );
	const stkCallback: StkCallbackBody[ 'Body' ][ 'stkCallback' ] = {
		MerchantRequestID: source.merchantRequestId,
		CheckoutRequestID: source.checkoutRequestId,
		ResultCode: code,
		ResultDesc: describeResult( code ),
	};
	if ( code === 0 ) {
		stkCallback.CallbackMetadata = {
			Item: [
				{ Name: 'Amount', Value: source.amountPaid },
				{ Name: 'MpesaReceiptNumber', Value: source.payment.receipt },
				{ Name: 'Balance' },
				{
					Name: 'TransactionDate',
					Value: source.payment.transactionDate,
				},
				{ Name: 'PhoneNumber', Value: Number( source.senderMsisdn ) },
			],
		};
	}
	return { Body: { stkCallback } };
}

/**
 * `{"Body":{"pvpCallback":…}}`: ProxyAPI's confirmation of a payment (it has no failure form).
 *
 * @param source The transaction.
 * @return The body.
 */
export function pvpCallbackBody( source: CallbackSource ): PvpCallbackBody {
	const { payment } = source;
	return {
		Body: {
			pvpCallback: {
				RequestID: source.requestId,
				CheckoutRequestID: source.checkoutRequestId,
				CallbackMetadata: {
					TransactionID: payment.receipt,
					TransactionTime: payment.transactionTime,
					SenderMSISDN: source.senderMsisdn,
					SenderFirstName: payment.firstName,
					SenderLastName: payment.lastName,
					DueDate: payment.dueDate,
				},
			},
		},
	};
}

/**
 * The body of one callback kind.
 *
 * @param source     The transaction.
 * @param kind       `stk` or `pvp`.
 * @param resultCode ResultCode for an stkCallback (ignored for pvp).
 * @return The body.
 */
export function callbackBody(
	source: CallbackSource,
	kind: CallbackKind,
	resultCode?: ResultCode
): CallbackBody {
	return kind === 'pvp'
		? pvpCallbackBody( source )
		: stkCallbackBody( source, resultCode );
}

/**
 * Whether a body tells the store the payment succeeded.
 *
 * @param body A callback body.
 * @return True for a pvpCallback or an stkCallback with ResultCode 0.
 */
export function reportsPayment( body: CallbackBody ): boolean {
	return 'pvpCallback' in body.Body || body.Body.stkCallback.ResultCode === 0;
}

function requestOptions(
	isHttps: boolean,
	length: number,
	options: DeliveryOptions
): RequestOptions {
	return {
		method: 'POST',
		headers: {
			'Content-Type': 'application/json',
			Accept: 'application/json',
			'Content-Length': length,
			'User-Agent': 'pvp-simulator',
		},
		timeout: options.timeoutMs,
		signal: options.signal,
		...( isHttps && options.insecureTls
			? { rejectUnauthorized: false }
			: {} ),
	};
}

/**
 * POSTs a callback as JSON and collects the store's answer. Never rejects.
 *
 * @param url     CallbackUrl.
 * @param body    The JSON body.
 * @param options Timeout, TLS leniency and an abort signal.
 * @return Status and body of the answer, or the transport error.
 */
export function deliverCallback(
	url: string,
	body: CallbackBody,
	options: DeliveryOptions
): Promise< DeliveryResult > {
	const started = Date.now();
	const payload = Buffer.from( JSON.stringify( body ) );
	return new Promise( ( resolve ) => {
		const finish = ( result: Omit< DeliveryResult, 'durationMs' > ) =>
			resolve( { ...result, durationMs: Date.now() - started } );
		const isHttps = url.startsWith( 'https:' );
		const send = isHttps ? httpsRequest : httpRequest;
		let req: ReturnType< typeof httpRequest >;
		try {
			req = send(
				url,
				requestOptions( isHttps, payload.length, options )
			);
		} catch ( error ) {
			finish( {
				status: null,
				responseBody: null,
				error: ( error as Error ).message,
			} );
			return;
		}
		req.on( 'timeout', () =>
			req.destroy(
				new Error( `No answer within ${ options.timeoutMs } ms` )
			)
		);
		req.on( 'error', ( error ) =>
			finish( { status: null, responseBody: null, error: error.message } )
		);
		req.on( 'response', ( res ) => {
			let text = '';
			res.setEncoding( 'utf8' );
			res.on( 'data', ( chunk: string ) => {
				text = ( text + chunk ).slice( 0, MAX_RESPONSE_CHARS );
			} );
			res.on( 'end', () =>
				finish( {
					status: res.statusCode ?? null,
					responseBody: text,
					error: null,
				} )
			);
			res.on( 'error', ( error ) =>
				finish( {
					status: res.statusCode ?? null,
					responseBody: text,
					error: error.message,
				} )
			);
		} );
		req.end( payload );
	} );
}
