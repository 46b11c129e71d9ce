/**
 * @jest-environment node
 *
 * `POST /pvp/report` and `POST /__sim/report-rows`, over HTTP.
 */
import { simulatorHarness } from './harness';
import { API_KEY, post } from './support';

const h = simulatorHarness();

describe( 'POST /pvp/report', () => {
	it( 'lists accepted requests for the key, paid or not, then the extra rows', async () => {
		const paid = await h.lnm( { AccountReference: '1' } );
		const unpaid = await h.lnm( {
			AccountReference: '2',
			SenderMSISDN: '254700001032',
			Amount: 250,
		} );
		await h.lnm( {
			AccountReference: '3',
			ApiKey: '9999999999-AbCdEfGhIjKlMnOpQrSt',
		} );
		await h.lnm( { AccountReference: '4', Amount: 0 } );
		await Promise.all(
			[ paid, unpaid ].map( ( a ) =>
				h.settled( a.json.CheckoutRequestID )
			)
		);
		await post( `${ h.sim.url }/__sim/report-rows`, [
			{
				CheckoutRequestID: 'ws_CO_extra',
				MpesaTransactionID: 'TXX1234567',
				Confirmed: true,
			},
		] );
		const report = await post( `${ h.sim.url }/pvp/report`, {
			APIKey: API_KEY,
			UserID: 0,
		} );
		expect( report.json ).toMatchObject( {
			StatusCode: 0,
			ResponseCode: 0,
			ResponseDesc: 'Success',
		} );
		const receipt = h.sim.state.find( paid.json.CheckoutRequestID )?.payment
			?.receipt;
		expect( report.json.Data ).toEqual( [
			{
				CheckoutRequestID: paid.json.CheckoutRequestID,
				MpesaTransactionID: receipt,
				Amount: 1500,
				AccountRef: '1',
				SenderMSISDN: '254712345678',
				SenderFirstName: 'Jane',
				SenderLastName: 'Doe',
				TransactionTime: expect.stringMatching( /^\d{14}$/ ),
				Confirmed: true,
			},
			{
				CheckoutRequestID: unpaid.json.CheckoutRequestID,
				MpesaTransactionID: '',
				Amount: 250,
				AccountRef: '2',
				SenderMSISDN: '254700001032',
				SenderFirstName: '',
				SenderLastName: '',
				TransactionTime: '',
				Confirmed: false,
			},
			expect.objectContaining( {
				CheckoutRequestID: 'ws_CO_extra',
				AccountRef: '',
				Confirmed: true,
			} ),
		] );
	} );

	it.each( [
		[ { APIKey: 'nope', UserID: 0 }, 1 ],
		[ { ApiKey: API_KEY, UserID: 0 }, 1 ],
		[ { APIKey: API_KEY, UserID: 'me' }, 2 ],
	] )( 'refuses %j', async ( body, code ) => {
		const report = await post( `${ h.sim.url }/pvp/report`, body );
		expect( report.status ).toBe( 400 );
		expect( report.json ).toMatchObject( {
			StatusCode: -1,
			ResponseCode: code,
			Data: [],
		} );
	} );
} );
