/**
 * @jest-environment node
 */

import {
	LNM_ERROR,
	acceptedResponse,
	rejectedResponse,
	validateLnmRequest,
} from '../../../tools/simulator/lnm';
import { API_KEY, lnmBody } from './support';

const NOW = 1767225600;
const context = ( extra: Record< string, unknown > = {} ) => ( {
	nowSec: NOW,
	timestampToleranceSec: 3600,
	usedRequestIds: new Set( [ 'USED123' ] ),
	...extra,
} );
const body = ( overrides: Record< string, unknown > = {} ) =>
	lnmBody( { RequestTimestamp: NOW, ...overrides } );

describe( 'lnm validation', () => {
	it( 'accepts the request the plugin sends', () => {
		const result = validateLnmRequest( body(), context() );
		expect( result.ok ).toBe( true );
		expect( result.errors ).toEqual( [] );
	} );

	it.each( [
		[ 'a fractional amount', { Amount: 1499.5 } ],
		[ 'the smallest amount', { Amount: 1 } ],
		[ 'the largest amount', { Amount: 250000 } ],
		[ 'a 2541 number', { SenderMSISDN: '254112345678' } ],
		[
			'an http callback URL with a port',
			{ CallbackUrl: 'http://127.0.0.1:8080/cb' },
		],
		[ 'an Origin with a port', { Origin: 'http://localhost:8888' } ],
		[ 'a timestamp an hour off', { RequestTimestamp: NOW - 3600 } ],
		[ 'unknown extra fields', { TransactionDesc: 'ignored' } ],
	] )( 'accepts %s', ( _name, overrides ) => {
		expect(
			validateLnmRequest( body( overrides ), context() ).errors
		).toEqual( [] );
	} );

	it.each( [
		[
			'ApiKey',
			'missing',
			{ ApiKey: undefined },
			LNM_ERROR.apiKey,
			/ApiKey is required/,
		],
		[
			'ApiKey',
			'spelled APIKey',
			{ ApiKey: undefined, APIKey: API_KEY },
			LNM_ERROR.apiKey,
			/spelled ApiKey/,
		],
		[
			'ApiKey',
			'malformed',
			{ ApiKey: '158000000-AbCdEfGhIjKlMnOpQrSt' },
			LNM_ERROR.apiKey,
			/10 digits/,
		],
		[
			'ApiKey',
			'not a string',
			{ ApiKey: 1580000000 },
			LNM_ERROR.apiKey,
			/must be a string/,
		],
		[
			'RequestID',
			'empty',
			{ RequestID: '' },
			LNM_ERROR.requestId,
			/must not be empty/,
		],
		[
			'RequestID',
			'blank',
			{ RequestID: '   ' },
			LNM_ERROR.requestId,
			/must not be empty/,
		],
		[
			'RequestID',
			'a number',
			{ RequestID: 42 },
			LNM_ERROR.requestId,
			/must be a string/,
		],
		[
			'RequestID',
			'reused',
			{ RequestID: 'USED123' },
			LNM_ERROR.duplicateRequestId,
			/already been used/,
		],
		[
			'CallbackUrl',
			'relative',
			{ CallbackUrl: '/wc-api/x' },
			LNM_ERROR.callbackUrl,
			/absolute URL/,
		],
		[
			'CallbackUrl',
			'not http',
			{ CallbackUrl: 'ftp://shop.example.co.ke/cb' },
			LNM_ERROR.callbackUrl,
			/http or https/,
		],
		[
			'RequestTimestamp',
			'a string',
			{ RequestTimestamp: String( NOW ) },
			LNM_ERROR.requestTimestamp,
			/integer/,
		],
		[
			'RequestTimestamp',
			'fractional',
			{ RequestTimestamp: NOW + 0.5 },
			LNM_ERROR.requestTimestamp,
			/integer/,
		],
		[
			'RequestTimestamp',
			'in milliseconds',
			{ RequestTimestamp: NOW * 1000 },
			LNM_ERROR.requestTimestamp,
			/milliseconds/,
		],
		[
			'RequestTimestamp',
			'stale',
			{ RequestTimestamp: NOW - 3601 },
			LNM_ERROR.requestTimestamp,
			/3601 s away/,
		],
		[
			'RequestTimestamp',
			'Daraja format',
			{ RequestTimestamp: 20260101120000 },
			LNM_ERROR.requestTimestamp,
			/milliseconds|away/,
		],
		[
			'Amount',
			'a string',
			{ Amount: '1500' },
			LNM_ERROR.amount,
			/JSON number/,
		],
		[
			'Amount',
			'below 1',
			{ Amount: 0.5 },
			LNM_ERROR.amount,
			/at least 1/,
		],
		[
			'Amount',
			'above 250000',
			{ Amount: 250000.01 },
			LNM_ERROR.amount,
			/not exceed 250000/,
		],
		[
			'SenderMSISDN',
			'local format',
			{ SenderMSISDN: '0712345678' },
			LNM_ERROR.senderMsisdn,
			/254, then 7 or 1/,
		],
		[
			'SenderMSISDN',
			'with a plus',
			{ SenderMSISDN: '+254712345678' },
			LNM_ERROR.senderMsisdn,
			/254, then 7 or 1/,
		],
		[
			'SenderMSISDN',
			'a 2548 number',
			{ SenderMSISDN: '254812345678' },
			LNM_ERROR.senderMsisdn,
			/254, then 7 or 1/,
		],
		[
			'SenderMSISDN',
			'a number',
			{ SenderMSISDN: 254712345678 },
			LNM_ERROR.senderMsisdn,
			/must be a string/,
		],
		[
			'AccountReference',
			'empty',
			{ AccountReference: '' },
			LNM_ERROR.accountReference,
			/must not be empty/,
		],
		[
			'AccountReference',
			'a number',
			{ AccountReference: 1042 },
			LNM_ERROR.accountReference,
			/must be a string/,
		],
		[
			'Origin',
			'with a path',
			{ Origin: 'https://shop.example.co.ke/shop' },
			LNM_ERROR.origin,
			/scheme and host only/,
		],
		[
			'Origin',
			'with a trailing slash',
			{ Origin: 'https://shop.example.co.ke/' },
			LNM_ERROR.origin,
			/scheme and host only/,
		],
		[
			'Origin',
			'without a scheme',
			{ Origin: 'shop.example.co.ke' },
			LNM_ERROR.origin,
			/scheme and host only/,
		],
		[
			'Origin',
			'null',
			{ Origin: null },
			LNM_ERROR.origin,
			/Origin is required/,
		],
	] )( 'rejects %s %s', ( field, _case, overrides, code, message ) => {
		const result = validateLnmRequest( body( overrides ), context() );
		expect( result.ok ).toBe( false );
		expect( result.errors ).toHaveLength( 1 );
		expect( result.errors[ 0 ] ).toEqual( {
			field,
			code,
			message: expect.stringMatching( message ),
		} );
	} );

	it( 'only accepts the registered key when one is configured', () => {
		const result = validateLnmRequest(
			body(),
			context( { apiKey: '9999999999-AbCdEfGhIjKlMnOpQrSt' } )
		);
		expect( result.errors[ 0 ] ).toMatchObject( {
			field: 'ApiKey',
			code: LNM_ERROR.apiKey,
		} );
	} );

	it( 'reports every problem, the first one first', () => {
		const result = validateLnmRequest(
			{ RequestID: 'X', Amount: '5' },
			context()
		);
		expect( result.errors.map( ( error ) => error.field ) ).toEqual( [
			'ApiKey',
			'CallbackUrl',
			'RequestTimestamp',
			'Amount',
			'SenderMSISDN',
			'AccountReference',
			'Origin',
		] );
		expect( rejectedResponse( result.errors ) ).toEqual( {
			StatusCode: -1,
			ResponseCode: LNM_ERROR.apiKey,
			ResponseDesc: expect.stringContaining( 'Invalid API Key' ),
			MerchantRequestID: null,
			CheckoutRequestID: null,
		} );
	} );

	it.each( [ [ null ], [ [] ], [ 'text' ], [ 42 ] ] )(
		'rejects a body that is not an object: %j',
		( value ) => {
			const result = validateLnmRequest( value, context() );
			expect( result.errors ).toEqual( [
				{
					field: 'body',
					code: LNM_ERROR.body,
					message: 'The body must be a JSON object',
				},
			] );
		}
	);

	it( 'answers acceptance in the PVP shape', () => {
		expect( acceptedResponse( '1-2-1', 'ws_CO_1' ) ).toEqual( {
			StatusCode: 0,
			ResponseCode: 0,
			ResponseDesc: 'Success. Request accepted for processing',
			MerchantRequestID: '1-2-1',
			CheckoutRequestID: 'ws_CO_1',
		} );
	} );
} );
