/**
 * @jest-environment node
 *
 * The simulated STK Push Query: "being processed" until M-Pesa knows the outcome, then string
 * ResultCode and ResultDesc, never a receipt.
 */
import { simulatorHarness } from './harness';
import { credentials, postDaraja, stkBody, token } from './daraja-support';
import { post } from './support';

const h = simulatorHarness();
const BEING_PROCESSED = {
	requestId: expect.any( String ),
	errorCode: '500.001.1001',
	errorMessage: 'The transaction is being processed',
};

async function push( phone: number ): Promise< string > {
	const answer = await postDaraja(
		`${ h.sim.url }/mpesa/stkpush/v1/processrequest`,
		await token( h.sim.url ),
		stkBody( h.callbackUrl(), { PartyA: phone, PhoneNumber: phone } )
	);
	return answer.json.CheckoutRequestID;
}

async function query(
	checkoutRequestId: string,
	overrides: Record< string, unknown > = {}
) {
	return postDaraja(
		`${ h.sim.url }/mpesa/stkpushquery/v1/query`,
		await token( h.sim.url ),
		{
			BusinessShortCode: '174379',
			...credentials(),
			CheckoutRequestID: checkoutRequestId,
			...overrides,
		}
	);
}

describe( 'POST /mpesa/stkpushquery/v1/query', () => {
	it( 'reports a paid push as ResultCode "0" (a string) with no receipt', async () => {
		const id = await push( 254712345678 );
		await h.settled( id );
		const answer = await query( id );
		expect( answer.status ).toBe( 200 );
		expect( answer.json ).toEqual( {
			ResponseCode: '0',
			ResponseDescription:
				'The service request has been accepted successfully',
			MerchantRequestID: expect.any( String ),
			CheckoutRequestID: id,
			ResultCode: '0',
			ResultDesc: 'The service request is processed successfully.',
		} );
	} );

	it( 'says "being processed" while the shopper ignores the prompt, then the code of the callback sent', async () => {
		const id = await push( 254700009000 );
		await h.settled( id );
		const pending = await query( id );
		expect( pending.status ).toBe( 500 );
		expect( pending.json ).toEqual( BEING_PROCESSED );

		await post( `${ h.sim.url }/__sim/callbacks/${ id }/send`, {
			kind: 'stk',
			resultCode: 1032,
		} );
		expect( ( await query( id ) ).json ).toMatchObject( {
			ResultCode: '1032',
			ResultDesc: 'Request cancelled by user',
		} );
	} );

	it( 'knows the outcome of a push whose callback was lost', async () => {
		await post( `${ h.sim.url }/__sim/next`, {
			resultCode: 0,
			callbacks: [],
		} );
		const id = await push( 254712345678 );
		await h.settled( id );
		expect( h.store.received ).toHaveLength( 0 );
		expect( ( await query( id ) ).json.ResultCode ).toBe( '0' );
	} );

	it( 'says "being processed" before the outcome is due', async () => {
		await post( `${ h.sim.url }/__sim/next`, { delayMs: 60000 } );
		const id = await push( 254712345678 );
		expect( ( await query( id ) ).json ).toEqual( BEING_PROCESSED );
	} );

	it( 'checks the password and knows only its own CheckoutRequestIDs', async () => {
		const id = await push( 254712345678 );
		expect(
			( await query( id, { Password: 'bm9wZQ==' } ) ).json.errorMessage
		).toBe( 'Wrong credentials' );
		expect( ( await query( 'ws_CO_unknown' ) ).json ).toMatchObject( {
			errorCode: '400.002.02',
			errorMessage: 'Bad Request - Invalid CheckoutRequestID',
		} );
		const noToken = await postDaraja(
			`${ h.sim.url }/mpesa/stkpushquery/v1/query`,
			'x',
			{}
		);
		expect( noToken.json.errorCode ).toBe( '404.001.03' );
	} );
} );
