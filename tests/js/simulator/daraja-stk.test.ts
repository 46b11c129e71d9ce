/**
 * @jest-environment node
 *
 * The simulated M-Pesa Express STK push: Daraja's checks (token, password, timestamp, fields,
 * till/paybill pairing) and the callback it sends, with the same phone outcomes as PVP.
 */
import { simulatorHarness } from './harness';
import {
	SHORTCODE,
	TILL,
	credentials,
	postDaraja,
	send,
	stkBody,
	token,
} from './daraja-support';
import { post } from './support';
import type { DarajaStkRecord } from '../../../tools/simulator/daraja/types';

const h = simulatorHarness();
const STK_URL = () => `${ h.sim.url }/mpesa/stkpush/v1/processrequest`;
const push = async ( overrides: Record< string, unknown > = {} ) =>
	postDaraja(
		STK_URL(),
		await token( h.sim.url ),
		stkBody( h.callbackUrl(), overrides )
	);
const HOUR_MS = 60 * 60 * 1000;

describe( 'POST /mpesa/stkpush/v1/processrequest', () => {
	it( 'accepts a paybill push and posts only the stkCallback, with the receipt, to CallBackURL', async () => {
		const answer = await push();
		expect( answer.status ).toBe( 200 );
		expect( answer.json ).toEqual( {
			MerchantRequestID: expect.stringMatching( /^\d+-\d+-1$/ ),
			CheckoutRequestID: expect.stringMatching(
				/^ws_CO_\d{17}712345678$/
			),
			ResponseCode: '0',
			ResponseDescription: 'Success. Request accepted for processing',
			CustomerMessage: 'Success. Request accepted for processing',
		} );
		const record = ( await h.settled(
			answer.json.CheckoutRequestID
		) ) as DarajaStkRecord;
		expect( record.provider ).toBe( 'daraja' );
		expect( record.apiKey ).toBeNull();
		expect( record.accountReference ).toBe( '1042' );
		expect( h.store.received ).toHaveLength( 1 );
		const callback = h.store.received[ 0 ]?.body.Body.stkCallback;
		expect( callback ).toMatchObject( {
			MerchantRequestID: answer.json.MerchantRequestID,
			CheckoutRequestID: answer.json.CheckoutRequestID,
			ResultCode: 0,
		} );
		expect( callback.CallbackMetadata.Item ).toContainEqual( {
			Name: 'MpesaReceiptNumber',
			Value: record.payment?.receipt,
		} );
	} );

	it( 'pays a till under its store number (BusinessShortCode = store, PartyB = till)', async () => {
		const answer = await push( {
			TransactionType: 'CustomerBuyGoodsOnline',
			PartyB: Number( TILL ),
		} );
		await h.settled( answer.json.CheckoutRequestID );
		expect( h.store.received[ 0 ]?.body.Body.stkCallback.ResultCode ).toBe(
			0
		);
	} );

	it.each( [
		[ 'a till paid as if it were a paybill', { PartyB: Number( TILL ) } ],
		[
			'a buy-goods push to the store number',
			{ TransactionType: 'CustomerBuyGoodsOnline' },
		],
		[
			'the till used as BusinessShortCode',
			{
				TransactionType: 'CustomerBuyGoodsOnline',
				BusinessShortCode: Number( TILL ),
				PartyB: Number( TILL ),
				...credentials( TILL ),
			},
		],
	] )(
		'accepts %s, then M-Pesa refuses it with ResultCode 2028',
		async ( _name, overrides ) => {
			const answer = await push( overrides );
			expect( answer.json.ResponseCode ).toBe( '0' );
			await h.settled( answer.json.CheckoutRequestID );
			expect(
				h.store.received[ 0 ]?.body.Body.stkCallback
			).toMatchObject( {
				ResultCode: 2028,
				ResultDesc:
					'The request is not permitted according to product assignment.',
			} );
		}
	);

	it( 'uses the phone outcomes: a cancelled prompt calls back 1032', async () => {
		const answer = await push( {
			PartyA: 254700001032,
			PhoneNumber: 254700001032,
		} );
		await h.settled( answer.json.CheckoutRequestID );
		expect( h.store.received[ 0 ]?.body.Body.stkCallback ).toEqual( {
			MerchantRequestID: answer.json.MerchantRequestID,
			CheckoutRequestID: answer.json.CheckoutRequestID,
			ResultCode: 1032,
			ResultDesc: 'Request cancelled by user',
		} );
	} );

	it.each( [
		[
			'a password built with another passkey',
			{
				Password: Buffer.from(
					`${ SHORTCODE }wrong${ credentials().Timestamp }`
				).toString( 'base64' ),
			},
			500,
			'500.001.1001',
			'Wrong credentials',
		],
		[
			'a password for another timestamp',
			{
				Timestamp: credentials( SHORTCODE, Date.now() - 60000 )
					.Timestamp,
			},
			500,
			'500.001.1001',
			'Wrong credentials',
		],
		[
			'an unknown shortcode',
			{ BusinessShortCode: 999999 },
			500,
			'500.001.1001',
			'Merchant does not exist',
		],
		[
			'a timestamp with separators',
			{ Timestamp: '2026-01-01 12:00:00' },
			400,
			'400.002.02',
			'Bad Request - Invalid Timestamp',
		],
		[
			'a timestamp in UTC instead of Kenya time',
			credentials( SHORTCODE, Date.now() - 3 * HOUR_MS ),
			400,
			'400.002.02',
			'Bad Request - Invalid Timestamp',
		],
		[
			'a 13-character AccountReference',
			{ AccountReference: 'ABCDEFGHIJKLM' },
			400,
			'400.002.02',
			'Bad Request - Invalid AccountReference',
		],
		[
			'a 14-character TransactionDesc',
			{ TransactionDesc: 'Order 12345678' },
			400,
			'400.002.02',
			'Bad Request - Invalid TransactionDesc',
		],
		[
			'a fractional amount',
			{ Amount: 1499.5 },
			400,
			'400.002.02',
			'Bad Request - Invalid Amount',
		],
		[
			'a non-Safaricom phone',
			{ PhoneNumber: 254812345678 },
			400,
			'400.002.02',
			'Bad Request - Invalid PhoneNumber',
		],
		[
			'an unknown TransactionType',
			{ TransactionType: 'CustomerPayBill' },
			400,
			'400.002.02',
			'Bad Request - Invalid TransactionType',
		],
	] )( 'refuses %s', async ( _name, overrides, status, code, message ) => {
		const answer = await push( overrides );
		expect( answer.status ).toBe( status );
		expect( answer.json ).toEqual( {
			requestId: expect.any( String ),
			errorCode: code,
			errorMessage: message,
		} );
		expect( h.store.received ).toHaveLength( 0 );
		const record = h.sim.state.records.at( -1 ) as DarajaStkRecord;
		expect( record ).toMatchObject( {
			accepted: false,
			settled: true,
			errorCode: code,
		} );
	} );

	it( 'refuses a missing, unknown or expired token with 404.001.03', async () => {
		const body = stkBody( h.callbackUrl() );
		const json = { 'Content-Type': 'application/json' };
		const missing = await send( 'POST', STK_URL(), json, body );
		const unknown = await postDaraja( STK_URL(), 'not-a-token', body );
		const valid = await token( h.sim.url );
		await post( `${ h.sim.url }/__sim/daraja/tokens/expire` );
		const expired = await postDaraja( STK_URL(), valid, body );
		for ( const answer of [ missing, unknown, expired ] ) {
			expect( answer.status ).toBe( 404 );
			expect( answer.json ).toMatchObject( {
				errorCode: '404.001.03',
				errorMessage: 'Invalid Access Token',
			} );
		}
	} );

	it( 'reads only JSON: another content type is "Invalid BusinessShortCode" (Daraja FAQ 9)', async () => {
		const answer = await send(
			'POST',
			STK_URL(),
			{
				Authorization: `Bearer ${ await token( h.sim.url ) }`,
				'Content-Type': 'text/plain',
			},
			stkBody( h.callbackUrl() )
		);
		expect( answer.json.errorMessage ).toBe(
			'Bad Request - Invalid BusinessShortCode'
		);
	} );

	it( 'applies a queued outcome, and lists the request among the records', async () => {
		await post( `${ h.sim.url }/__sim/next`, {
			resultCode: 1037,
			callbacks: [ 'stk', 'pvp' ],
		} );
		const answer = await push();
		const record = await h.settled( answer.json.CheckoutRequestID );
		expect( record.outcome?.callbacks ).toEqual( [ 'stk' ] );
		expect(
			h.store.received.map( ( r ) => r.body.Body.stkCallback.ResultCode )
		).toEqual( [ 1037 ] );
	} );
} );
