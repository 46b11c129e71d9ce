/**
 * @jest-environment node
 *
 * End to end: the simulator on an ephemeral port, calling back a stand-in store.
 */
import { simulatorHarness } from './harness';
import { API_KEY, closedPort, get, lnmBody, post } from './support';

const h = simulatorHarness();

async function pay( overrides: Record< string, unknown > = {} ) {
	const answer = await h.lnm( overrides );
	const id = answer.json?.CheckoutRequestID as string;
	return { answer, id, settled: () => h.settled( id ) };
}

describe( 'a shopper who pays', () => {
	it( 'gets an accepted answer, then the stkCallback and the pvpCallback in that order', async () => {
		const { answer, id } = await pay( {
			Amount: 1499.5,
			RequestID: 'K7QX2MNA4TZ9PLB',
		} );
		expect( answer.status ).toBe( 200 );
		expect( answer.json ).toEqual( {
			StatusCode: 0,
			ResponseCode: 0,
			ResponseDesc: 'Success. Request accepted for processing',
			MerchantRequestID: expect.stringMatching( /^\d{5}-\d{8}-1$/ ),
			CheckoutRequestID: expect.stringMatching(
				/^ws_CO_\d{17}712345678$/
			),
		} );
		const [ stk, pvp ] = await h.store.waitFor( 2 );
		expect( stk?.path ).toBe(
			'/wp-json/pay-via-proxyapi/v1/callbacks/1042/s3cret-token'
		);
		expect( stk?.headers[ 'content-type' ] ).toBe( 'application/json' );
		const items = stk?.body.Body.stkCallback.CallbackMetadata.Item;
		expect( stk?.body.Body.stkCallback ).toMatchObject( {
			MerchantRequestID: answer.json.MerchantRequestID,
			CheckoutRequestID: id,
			ResultCode: 0,
		} );
		expect( items.map( ( item: { Name: string } ) => item.Name ) ).toEqual(
			[
				'Amount',
				'MpesaReceiptNumber',
				'Balance',
				'TransactionDate',
				'PhoneNumber',
			]
		);
		expect( items[ 0 ].Value ).toBe( 1499.5 );
		expect( items[ 1 ].Value ).toMatch( /^[A-Z0-9]{10}$/ );
		expect( items[ 2 ] ).toEqual( { Name: 'Balance' } );
		expect( String( items[ 3 ].Value ) ).toMatch( /^\d{14}$/ );
		expect( items[ 4 ].Value ).toBe( 254712345678 );
		const meta = pvp?.body.Body.pvpCallback.CallbackMetadata;
		expect( pvp?.body.Body.pvpCallback ).toMatchObject( {
			RequestID: 'K7QX2MNA4TZ9PLB',
			CheckoutRequestID: id,
		} );
		expect( meta.TransactionID ).toBe( items[ 1 ].Value );
		expect( meta.TransactionTime ).toBe( String( items[ 3 ].Value ) );
		expect( meta ).toMatchObject( {
			SenderMSISDN: '254712345678',
			SenderFirstName: 'Jane',
			SenderLastName: 'Doe',
		} );
		const days = ( meta.DueDate - Date.now() / 1000 ) / 86400;
		expect( days ).toBeGreaterThan( 29.9 );
		expect( days ).toBeLessThan( 30.1 );
	} );

	it( 'is recorded with the callbacks and the store answers', async () => {
		const { id, settled } = await pay( { AccountReference: '2001' } );
		await settled();
		const { json } = await get(
			`${ h.sim.url }/__sim/requests?accountReference=2001`
		);
		expect( json.requests ).toHaveLength( 1 );
		const [ record ] = json.requests;
		expect( record ).toMatchObject( {
			accepted: true,
			paid: true,
			settled: true,
			checkoutRequestId: id,
			validation: { ok: true },
		} );
		expect( record.response.body.CheckoutRequestID ).toBe( id );
		expect(
			record.callbacks.map(
				( c: {
					kind: string;
					status: number;
					responseBody: string;
				} ) => [ c.kind, c.status, c.responseBody ]
			)
		).toEqual( [
			[ 'stk', 200, '-1' ],
			[ 'pvp', 200, '-1' ],
		] );
		expect( record.callbacks[ 0 ].body ).toEqual(
			h.store.received[ 0 ]?.body
		);
	} );

	it( 'answers the same RequestID twice with a rejection and no callback', async () => {
		const first = await pay( { RequestID: 'ONCEONLY' } );
		const second = await pay( { RequestID: 'ONCEONLY' } );
		expect( second.answer.status ).toBe( 400 );
		expect( second.answer.json ).toMatchObject( {
			StatusCode: -1,
			ResponseCode: 4,
			MerchantRequestID: null,
			CheckoutRequestID: null,
		} );
		await first.settled();
		expect( h.store.received ).toHaveLength( 2 );
	} );
} );

describe( 'test phone numbers', () => {
	it.each( [
		[ '254700001032', 1032, 'Request cancelled by user' ],
		[ '254700001037', 1037, 'DS timeout user cannot be reached' ],
		[ '254700002001', 2001, 'The initiator information is invalid.' ],
		[
			'254700000001',
			1,
			'The balance is insufficient for the transaction.',
		],
		[ '254700001019', 1019, 'Transaction has expired.' ],
	] )(
		'%s gets one failed stkCallback with ResultCode %d',
		async ( phone, code, desc ) => {
			const { id, settled } = await pay( { SenderMSISDN: phone } );
			await settled();
			expect( h.store.received.map( ( r ) => r.body ) ).toEqual( [
				{
					Body: {
						stkCallback: {
							MerchantRequestID: expect.any( String ),
							CheckoutRequestID: id,
							ResultCode: code,
							ResultDesc: desc,
						},
					},
				},
			] );
		}
	);

	it( '254700009000 is accepted and never called back', async () => {
		const { answer, settled } = await pay( {
			SenderMSISDN: '254700009000',
		} );
		expect( answer.json.ResponseCode ).toBe( 0 );
		const record = await settled();
		expect( record.callbacks ).toEqual( [] );
		expect( record.paid ).toBe( false );
		expect( h.store.received ).toEqual( [] );
	} );
} );

describe( 'invalid requests', () => {
	it( 'are answered in the PVP shape, recorded, and never called back', async () => {
		const answer = await post(
			`${ h.sim.url }/pvp/lnm`,
			lnmBody( {
				CallbackUrl: h.callbackUrl(),
				SenderMSISDN: '0712345678',
				AccountReference: 'bad-1',
			} )
		);
		expect( answer.status ).toBe( 400 );
		expect( answer.json ).toEqual( {
			StatusCode: -1,
			ResponseCode: 8,
			ResponseDesc: expect.stringContaining( 'SenderMSISDN' ),
			MerchantRequestID: null,
			CheckoutRequestID: null,
		} );
		const record = await h.sim.state.waitFor(
			( r ) => r.accountReference === 'bad-1'
		);
		expect( record ).toMatchObject( {
			accepted: false,
			settled: true,
			checkoutRequestId: null,
			callbacks: [],
		} );
		expect( record.validation.errors ).toEqual( [
			expect.objectContaining( { field: 'SenderMSISDN' } ),
		] );
	} );

	it.each( [
		[ 'bad JSON', '{"RequestID":', /not valid JSON/ ],
		[ 'an empty body', '', /empty/ ],
		[
			'a body over 1 MB',
			JSON.stringify( { pad: 'x'.repeat( 1024 * 1024 ) } ),
			/larger than/,
		],
	] )( 'get a 400 for %s', async ( _name, body, message ) => {
		const answer = await post( `${ h.sim.url }/pvp/lnm`, body );
		expect( answer.status ).toBe( 400 );
		expect( answer.json ).toMatchObject( {
			StatusCode: -1,
			ResponseCode: 2,
			ResponseDesc: expect.stringMatching( message ),
		} );
		expect(
			( await get( `${ h.sim.url }/__sim/requests` ) ).json.requests
		).toHaveLength( 1 );
	} );
} );

describe( 'delivery problems', () => {
	it( 'records the store refusing a callback', async () => {
		h.store.status = 403;
		const { settled } = await pay();
		const record = await settled();
		expect( record.callbacks.map( ( c ) => c.status ) ).toEqual( [
			403, 403,
		] );
	} );

	it( 'records an unreachable store and keeps running', async () => {
		const { settled } = await pay( {
			CallbackUrl: `http://127.0.0.1:${ await closedPort() }/cb`,
		} );
		const record = await settled();
		expect( record.callbacks ).toHaveLength( 2 );
		expect( record.callbacks[ 0 ] ).toMatchObject( {
			status: null,
			responseBody: null,
			error: expect.stringMatching( /ECONNREFUSED/ ),
		} );
		expect( ( await get( `${ h.sim.url }/__sim/health` ) ).json ).toEqual( {
			ok: true,
		} );
	} );
} );

describe( 'logs', () => {
	it( 'carry one line per request and never the API key or the callback token', async () => {
		const { settled } = await pay();
		await settled();
		const text = h.logs.join( '\n' );
		expect( text ).toMatch( /POST \/pvp\/lnm 200 \d+ms key=15…St/ );
		expect( text ).not.toContain( API_KEY );
		expect( text ).not.toContain( 's3cret-token' );
	} );
} );
