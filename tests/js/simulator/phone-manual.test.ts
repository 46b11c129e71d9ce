/**
 * @jest-environment node
 *
 * Manual prompts: the phone number (or PVP_SIM_MANUAL) that makes a request wait for the phone page, the
 * page's JSON list, and each button's callbacks.
 */
import { createSimulator } from '../../../tools/simulator/server';
import { MANUAL_PROMPT_PHONE } from '../../../tools/simulator/outcomes';
import { simulatorHarness } from './harness';
import { API_KEY, get, lnmBody, post, startReceiver } from './support';

const h = simulatorHarness();

const prompts = async () =>
	( await get( `${ h.sim.url }/__sim/phone/prompts` ) ).json.prompts;
const decide = ( id: string, decision: unknown ) =>
	post( `${ h.sim.url }/__sim/phone/prompts/${ id }/decision`, {
		decision,
	} );
const kinds = () =>
	h.store.received.map( ( r ) => Object.keys( r.body.Body )[ 0 ] );

describe( 'a prompt to 254700008888', () => {
	it( 'waits for the phone page: no callback, not settled, listed with what the page shows', async () => {
		const answer = await h.lnm( {
			SenderMSISDN: MANUAL_PROMPT_PHONE,
			Amount: 1500,
			AccountReference: '1042',
		} );
		expect( answer.json.ResponseCode ).toBe( 0 );
		const id = answer.json.CheckoutRequestID;
		await new Promise( ( resolve ) => setTimeout( resolve, 50 ) );
		expect( h.store.received ).toHaveLength( 0 );
		expect( h.sim.state.find( id )?.settled ).toBe( false );
		expect( await prompts() ).toEqual( [
			expect.objectContaining( {
				checkoutRequestId: id,
				amount: 1500,
				accountReference: '1042',
				origin: 'https://shop.example.co.ke',
				phoneEnding: '888',
				decision: null,
				settled: false,
			} ),
		] );
	} );

	it( 'Pay sends the success stkCallback then the pvpCallback, marks it paid and settles it', async () => {
		const id = ( await h.lnm( { SenderMSISDN: MANUAL_PROMPT_PHONE } ) ).json
			.CheckoutRequestID;
		const answer = await decide( id, 'pay' );
		expect( answer.status ).toBe( 200 );
		expect( answer.json.prompt ).toMatchObject( {
			decision: 'pay',
			storeAnswers: [ 200, 200 ],
			settled: true,
		} );
		expect( kinds() ).toEqual( [ 'stkCallback', 'pvpCallback' ] );
		expect( h.store.received[ 0 ]?.body.Body.stkCallback.ResultCode ).toBe(
			0
		);
		const record = await h.settled( id );
		expect( record.paid ).toBe( true );
		const report = await post( `${ h.sim.url }/pvp/report`, {
			APIKey: API_KEY,
			UserID: 0,
		} );
		expect( report.json.Data[ 0 ] ).toMatchObject( {
			CheckoutRequestID: id,
			Confirmed: true,
		} );
	} );

	it.each( [
		[ 'wrong_pin', 2001 ],
		[ 'cancel', 1032 ],
	] )(
		'%s sends one failed stkCallback with ResultCode %d',
		async ( decision, code ) => {
			const id = ( await h.lnm( { SenderMSISDN: MANUAL_PROMPT_PHONE } ) )
				.json.CheckoutRequestID;
			await decide( id, decision );
			expect( kinds() ).toEqual( [ 'stkCallback' ] );
			expect(
				h.store.received[ 0 ]?.body.Body.stkCallback.ResultCode
			).toBe( code );
			expect( ( await h.settled( id ) ).paid ).toBe( false );
		}
	);

	it( 'Ignore sends nothing and settles the prompt unpaid', async () => {
		const id = ( await h.lnm( { SenderMSISDN: MANUAL_PROMPT_PHONE } ) ).json
			.CheckoutRequestID;
		const answer = await decide( id, 'ignore' );
		expect( answer.json.prompt ).toMatchObject( {
			decision: 'ignore',
			storeAnswers: [],
			settled: true,
		} );
		expect( h.store.received ).toHaveLength( 0 );
	} );

	it( 'refuses a second answer, an unknown button and an automatic request', async () => {
		const id = ( await h.lnm( { SenderMSISDN: MANUAL_PROMPT_PHONE } ) ).json
			.CheckoutRequestID;
		expect( ( await decide( id, 'explode' ) ).status ).toBe( 400 );
		expect( ( await decide( id, 'cancel' ) ).status ).toBe( 200 );
		expect( ( await decide( id, 'pay' ) ).status ).toBe( 409 );
		expect( kinds() ).toEqual( [ 'stkCallback' ] );
		const automatic = ( await h.lnm() ).json.CheckoutRequestID;
		await h.settled( automatic );
		expect( ( await decide( automatic, 'pay' ) ).status ).toBe( 404 );
		expect( ( await decide( 'ws_CO_unknown', 'pay' ) ).status ).toBe( 404 );
	} );

	it( 'gives way to an outcome queued by a test', async () => {
		await post( `${ h.sim.url }/__sim/next`, { resultCode: 1032 } );
		const id = ( await h.lnm( { SenderMSISDN: MANUAL_PROMPT_PHONE } ) ).json
			.CheckoutRequestID;
		await h.settled( id );
		expect( kinds() ).toEqual( [ 'stkCallback' ] );
		expect( await prompts() ).toEqual( [] );
	} );
} );

describe( 'PVP_SIM_MANUAL (the manual setting)', () => {
	it( 'makes every prompt wait for the phone page', async () => {
		const store = await startReceiver();
		const sim = await createSimulator( {
			port: 0,
			callbackDelayMs: 1,
			manual: true,
			log: () => undefined,
		} );
		try {
			const answer = await post(
				`${ sim.url }/pvp/lnm`,
				lnmBody( {
					SenderMSISDN: '254712345678',
					CallbackUrl: `${ store.url }/wp-json/pay-via-proxyapi/v1/callbacks/1/t`,
				} )
			);
			await new Promise( ( resolve ) => setTimeout( resolve, 30 ) );
			expect( store.received ).toHaveLength( 0 );
			const list = ( await get( `${ sim.url }/__sim/phone/prompts` ) )
				.json;
			expect( list.manual ).toBe( true );
			expect( list.prompts[ 0 ].checkoutRequestId ).toBe(
				answer.json.CheckoutRequestID
			);
		} finally {
			await sim.close();
			await store.close();
		}
	} );
} );
