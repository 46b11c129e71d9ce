/**
 * @jest-environment node
 *
 * The `/__sim/` control API and routing, over HTTP.
 */
import { simulatorHarness } from './harness';
import { API_KEY, get, http, post } from './support';

const h = simulatorHarness();

const next = ( outcome: Record< string, unknown > ) =>
	post( `${ h.sim.url }/__sim/next`, outcome );
const kinds = () =>
	h.store.received.map( ( r ) => Object.keys( r.body.Body )[ 0 ] );

describe( 'POST /__sim/next', () => {
	it( 'sends the callbacks in the order asked, each repeated', async () => {
		expect(
			(
				await next( {
					callbacks: [ 'pvp', 'stk' ],
					repeat: 2,
					amount: 10,
					delayMs: 0,
				} )
			).json
		).toEqual( { ok: true, queued: 1 } );
		const answer = await h.lnm( { Amount: 1500 } );
		await h.settled( answer.json.CheckoutRequestID );
		expect( kinds() ).toEqual( [
			'pvpCallback',
			'pvpCallback',
			'stkCallback',
			'stkCallback',
		] );
		expect(
			h.store.received[ 2 ]?.body.Body.stkCallback.CallbackMetadata
				.Item[ 0 ]
		).toEqual( { Name: 'Amount', Value: 10 } );
		expect( h.store.received[ 0 ]?.body ).toEqual(
			h.store.received[ 1 ]?.body
		);
	} );

	it( 'applies queued outcomes first in, first out, to accepted requests only', async () => {
		await next( { resultCode: 1032 } );
		await next( { resultCode: 'SFC_IC0003' } );
		await h.lnm( { SenderMSISDN: 'not a phone' } );
		const first = await h.lnm( { SenderMSISDN: '254700000000' } );
		const second = await h.lnm();
		const third = await h.lnm();
		await Promise.all(
			[ first, second, third ].map( ( a ) =>
				h.settled( a.json.CheckoutRequestID )
			)
		);
		const codes = h.sim.state.records
			.filter( ( r ) => r.accepted )
			.map( ( r ) => r.outcome?.resultCode );
		expect( codes ).toEqual( [ 1032, 'SFC_IC0003', 0 ] );
	} );

	it( 'sends nothing when callbacks is empty, yet the payment shows in the report', async () => {
		await next( { callbacks: [], delayMs: 0 } );
		const answer = await h.lnm();
		const record = await h.settled( answer.json.CheckoutRequestID );
		expect( record.callbacks ).toEqual( [] );
		const report = await post( `${ h.sim.url }/pvp/report`, {
			APIKey: API_KEY,
			UserID: 1,
		} );
		expect( report.json.Data[ 0 ] ).toMatchObject( {
			CheckoutRequestID: answer.json.CheckoutRequestID,
			Confirmed: true,
		} );
	} );

	it( 'replaces the lnm answer for failure tests', async () => {
		await next( {
			respond: { status: 502, body: '<html>Bad gateway</html>' },
		} );
		const answer = await h.lnm();
		expect( answer.status ).toBe( 502 );
		expect( answer.text ).toBe( '<html>Bad gateway</html>' );
		const [ record ] = h.sim.state.records;
		expect( record ).toMatchObject( {
			accepted: false,
			settled: true,
			response: { status: 502, overridden: true },
		} );
	} );

	it( 'can answer late while the callbacks already arrive', async () => {
		await next( {
			respond: { hangMs: 1500 },
			callbacks: [ 'stk' ],
			delayMs: 0,
		} );
		const order: string[] = [];
		h.store.events.once( 'received', () => order.push( 'callback' ) );
		const answer = await h.lnm();
		order.push( 'answer' );
		expect( answer.json.ResponseCode ).toBe( 0 );
		await h.store.waitFor( 1 );
		expect( order ).toEqual( [ 'callback', 'answer' ] );
	} );

	it( 'refuses unknown options', async () => {
		const answer = await next( { resultcode: 1032 } );
		expect( answer.status ).toBe( 400 );
		expect( answer.json ).toMatchObject( {
			StatusCode: -1,
			ResponseDesc: expect.stringContaining( 'resultcode' ),
		} );
	} );
} );

describe( 'callbacks on demand', () => {
	it( 'resends a callback now and returns the store answer', async () => {
		const answer = await h.lnm();
		const id = answer.json.CheckoutRequestID;
		await h.settled( id );
		h.store.status = 409;
		const sent = await post(
			`${ h.sim.url }/__sim/callbacks/${ id }/send`,
			{
				kind: 'stk',
				resultCode: 1037,
			}
		);
		expect( sent.json.delivery ).toMatchObject( {
			kind: 'stk',
			trigger: 'manual',
			status: 409,
			responseBody: '-1',
		} );
		expect( h.store.received[ 2 ]?.body.Body.stkCallback ).toMatchObject( {
			ResultCode: 1037,
			ResultDesc: 'DS timeout user cannot be reached',
		} );
		expect( h.sim.state.find( id )?.callbacks ).toHaveLength( 3 );
	} );

	it( 'shows the exact body it sends', async () => {
		const answer = await h.lnm();
		const id = answer.json.CheckoutRequestID;
		await h.settled( id );
		const stk = await get(
			`${ h.sim.url }/__sim/callbacks/${ id }/body?kind=stk`
		);
		const pvp = await get(
			`${ h.sim.url }/__sim/callbacks/${ id }/body?kind=pvp`
		);
		expect( stk.json ).toEqual( h.store.received[ 0 ]?.body );
		expect( pvp.json ).toEqual( h.store.received[ 1 ]?.body );
		const failed = await get(
			`${ h.sim.url }/__sim/callbacks/${ id }/body?kind=stk&resultCode=2001`
		);
		expect( failed.json.Body.stkCallback ).not.toHaveProperty(
			'CallbackMetadata'
		);
	} );

	it( 'marks an ignored prompt paid once a late success is sent', async () => {
		const answer = await h.lnm( { SenderMSISDN: '254700009000' } );
		const id = answer.json.CheckoutRequestID;
		expect( ( await h.settled( id ) ).paid ).toBe( false );
		await post( `${ h.sim.url }/__sim/callbacks/${ id }/send`, {
			kind: 'pvp',
		} );
		expect( kinds() ).toEqual( [ 'pvpCallback' ] );
		expect( h.sim.state.find( id )?.paid ).toBe( true );
	} );

	it.each( [
		[ 'POST', '/__sim/callbacks/ws_CO_nope/send', { kind: 'stk' }, 404 ],
		[ 'GET', '/__sim/callbacks/ws_CO_nope/body?kind=stk', undefined, 404 ],
	] )( '%s %s answers %d', async ( method, path, body, status ) => {
		expect(
			( await http( method, `${ h.sim.url }${ path }`, body ) ).status
		).toBe( status );
	} );

	it( 'refuses an unknown kind', async () => {
		const answer = await h.lnm();
		const sent = await post(
			`${ h.sim.url }/__sim/callbacks/${ answer.json.CheckoutRequestID }/send`,
			{ kind: 'c2b' }
		);
		expect( sent.status ).toBe( 400 );
	} );
} );

describe( 'state and routing', () => {
	it( 'forgets requests, queued outcomes and used RequestIDs on reset', async () => {
		await h.lnm( { RequestID: 'AGAIN' } );
		await next( { resultCode: 1 } );
		await post( `${ h.sim.url }/__sim/reset` );
		expect( ( await get( `${ h.sim.url }/__sim/requests` ) ).json ).toEqual(
			{
				ok: true,
				requests: [],
			}
		);
		const again = await h.lnm( { RequestID: 'AGAIN' } );
		expect( again.json.ResponseCode ).toBe( 0 );
		expect( h.sim.state.records[ 0 ]?.outcome?.source ).toBe( 'phone' );
	} );

	it( 'waits over HTTP until a request has settled', async () => {
		const waiting = post( `${ h.sim.url }/__sim/wait`, {
			accountReference: 'W1',
			timeoutMs: 5000,
		} );
		await h.lnm( { AccountReference: 'W1' } );
		const { json } = await waiting;
		expect( json.request ).toMatchObject( {
			accountReference: 'W1',
			settled: true,
		} );
		expect( json.request.callbacks ).toHaveLength( 2 );
	} );

	it( 'gives up waiting with a 408', async () => {
		const answer = await post( `${ h.sim.url }/__sim/wait`, {
			accountReference: 'never',
			timeoutMs: 0,
		} );
		expect( answer.status ).toBe( 408 );
	} );

	it.each( [
		[ 'GET', '/__sim/health', 200 ],
		[ 'GET', '/nowhere', 404 ],
		[ 'GET', '/__sim/nowhere', 404 ],
		[ 'GET', '/pvp/lnm', 405 ],
		[ 'POST', '/__sim/health', 405 ],
	] )( '%s %s answers %d', async ( method, path, status ) => {
		const answer = await http( method, `${ h.sim.url }${ path }` );
		expect( answer.status ).toBe( status );
		expect( answer.json ).toBeDefined();
	} );
} );
