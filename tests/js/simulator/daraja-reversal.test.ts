/**
 * @jest-environment node
 *
 * The simulated Reversal API: the SecurityCredential is checked against the simulator's key pair,
 * and the outcome is posted later to the ResultURL.
 */
import { constants, publicEncrypt } from 'node:crypto';

import { simulatorHarness } from './harness';
import { postDaraja, stkBody, token } from './daraja-support';
import { get, post } from './support';

const h = simulatorHarness();

async function certificate(): Promise< string > {
	return ( await get( `${ h.sim.url }/__sim/daraja/certificate` ) ).json
		.publicKey;
}

function credential( publicKey: string, password: string ): string {
	return publicEncrypt(
		{ key: publicKey, padding: constants.RSA_PKCS1_PADDING },
		Buffer.from( password )
	).toString( 'base64' );
}

async function paidReceipt(): Promise< string > {
	const answer = await postDaraja(
		`${ h.sim.url }/mpesa/stkpush/v1/processrequest`,
		await token( h.sim.url ),
		stkBody( h.callbackUrl() )
	);
	const record = await h.settled( answer.json.CheckoutRequestID );
	h.store.received.length = 0;
	return record.payment?.receipt ?? '';
}

async function reverse(
	receipt: string,
	overrides: Record< string, unknown > = {}
) {
	return postDaraja(
		`${ h.sim.url }/mpesa/reversal/v1/request`,
		await token( h.sim.url ),
		{
			Initiator: 'pvpsiminitiator',
			SecurityCredential: credential(
				await certificate(),
				'Sim-Initiator-Pass-1'
			),
			CommandID: 'TransactionReversal',
			TransactionID: receipt,
			Amount: 1500,
			ReceiverParty: 174379,
			RecieverIdentifierType: '11',
			ResultURL: `${ h.store.url }/wp-json/pay-via-proxyapi/v1/reversals/1042/7/token`,
			QueueTimeOutURL: `${ h.store.url }/wp-json/pay-via-proxyapi/v1/reversals/1042/7/token`,
			Remarks: 'Refund for order 1042',
			Occasion: 'Order 1042',
			...overrides,
		}
	);
}

async function resultOf( answer: { json: { ConversationID: string } } ) {
	await h.store.waitFor( 1 );
	const [ received ] = h.store.received;
	expect( received?.path ).toBe(
		'/wp-json/pay-via-proxyapi/v1/reversals/1042/7/token'
	);
	expect( received?.body.Result.ConversationID ).toBe(
		answer.json.ConversationID
	);
	return received?.body.Result;
}

describe( 'POST /mpesa/reversal/v1/request', () => {
	it( 'hands out its public key as the certificate', async () => {
		expect( await certificate() ).toMatch(
			/^-----BEGIN PUBLIC KEY-----\n[\s\S]+-----END PUBLIC KEY-----\n$/
		);
	} );

	it( 'accepts a reversal of a paid receipt and posts the successful Result', async () => {
		const receipt = await paidReceipt();
		const answer = await reverse( receipt );
		expect( answer.json ).toEqual( {
			OriginatorConversationID: expect.any( String ),
			ConversationID: expect.stringMatching( /^AG_\d{8}_[0-9a-f]{20}$/ ),
			ResponseCode: '0',
			ResponseDescription: 'Accept the service request successfully.',
		} );
		const result = await resultOf( answer );
		expect( result ).toMatchObject( {
			ResultType: 0,
			ResultCode: 0,
			ResultDesc: 'The service request is processed successfully.',
			ConversationID: answer.json.ConversationID,
			OriginatorConversationID: answer.json.OriginatorConversationID,
			TransactionID: expect.stringMatching( /^[A-Z0-9]{10}$/ ),
		} );
		expect( result.ResultParameters.ResultParameter ).toContainEqual( {
			Key: 'OriginalTransactionID',
			Value: receipt,
		} );
		expect( result.ResultParameters.ResultParameter ).toContainEqual( {
			Key: 'Amount',
			Value: 1500,
		} );
	} );

	it( 'reports a credential made with the wrong password as a failed Result (2001)', async () => {
		const receipt = await paidReceipt();
		const wrong = credential( await certificate(), 'not-the-password' );
		const result = await resultOf(
			await reverse( receipt, { SecurityCredential: wrong } )
		);
		expect( result ).toMatchObject( {
			ResultCode: 2001,
			ResultDesc: 'The initiator information is invalid.',
		} );
		expect( result.ResultParameters ).toBeUndefined();
	} );

	it( 'reports an unknown initiator as a failed Result (2001)', async () => {
		const receipt = await paidReceipt();
		const result = await resultOf(
			await reverse( receipt, { Initiator: 'someone' } )
		);
		expect( result.ResultCode ).toBe( 2001 );
	} );

	it( 'refuses an unknown receipt, and a second reversal of the same one', async () => {
		expect( await resultOf( await reverse( 'UAA0000000' ) ) ).toMatchObject(
			{
				ResultCode: 'R000002',
				ResultDesc: 'The OriginalTransactionID is invalid.',
			}
		);
		h.store.received.length = 0;
		const receipt = await paidReceipt();
		await resultOf( await reverse( receipt ) );
		h.store.received.length = 0;
		expect( await resultOf( await reverse( receipt ) ) ).toMatchObject( {
			ResultCode: 'R000001',
		} );
	} );

	it.each( [
		[ 'CommandID', { CommandID: 'TransactionReversl' } ],
		[ 'TransactionID', { TransactionID: 'short' } ],
		[ 'RecieverIdentifierType', { RecieverIdentifierType: '2' } ],
		[ 'ResultURL', { ResultURL: 'not a url' } ],
		[ 'Remarks', { Remarks: '' } ],
	] )( 'refuses a bad %s with 400.002.02', async ( field, overrides ) => {
		const answer = await reverse( 'UAA0000000', overrides );
		expect( answer.status ).toBe( 400 );
		expect( answer.json ).toMatchObject( {
			errorCode: '400.002.02',
			errorMessage: `Bad Request - Invalid ${ field }`,
		} );
	} );

	it( 'applies a queued outcome, and a silent one can be sent by hand later', async () => {
		const receipt = await paidReceipt();
		await post( `${ h.sim.url }/__sim/daraja/reversals/next`, {
			callback: false,
		} );
		const answer = await reverse( receipt );
		const list = await get( `${ h.sim.url }/__sim/daraja/reversals` );
		expect( list.json.reversals ).toHaveLength( 1 );
		const sent = await post(
			`${ h.sim.url }/__sim/daraja/reversals/${ answer.json.ConversationID }/send`,
			{ resultCode: 'R000001' }
		);
		expect( sent.json.delivery.status ).toBe( 200 );
		expect( h.store.received[ 0 ]?.body.Result.ResultCode ).toBe(
			'R000001'
		);
		expect(
			(
				await post( `${ h.sim.url }/__sim/daraja/reversals/next`, {
					resultCode: -1,
				} )
			).status
		).toBe( 400 );
	} );
} );
