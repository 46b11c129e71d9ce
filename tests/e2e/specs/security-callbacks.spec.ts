/**
 * Forged, replayed, mismatched, spent and oversized callbacks over real HTTP (nginx, PHP-FPM): nothing
 * changes, and the answers say nothing an attacker could use.
 */
import { test, expect, type APIRequestContext } from '@playwright/test';
import { OrderObserver, PHONES, SIMULATOR_URL } from '../fixtures/store';
import {
	livePayment,
	postCallback,
	simulatorBody,
	simulatorRequests,
	storeCheckout,
	type LivePayment,
} from '../fixtures/security';

const FORBIDDEN = {
	code: 'pvp_callback_forbidden',
	message: 'Forbidden.',
	data: { status: 403 },
};

async function expectUntouched(
	request: APIRequestContext,
	payment: LivePayment
): Promise< void > {
	const order = await new OrderObserver( request ).order( payment.orderId );
	expect( order.status ).toBe( 'pending' );
	expect( order.transaction_id ).toBe( '' );
	expect( order.hooks ).toEqual( { proxyapi_pvp_payment_pending: '1' } );
}

test.describe( 'callbacks that must not be believed', () => {
	test( 'a forged token and another order’s token are refused with the same empty answer', async ( {
		request,
	} ) => {
		const victim = await livePayment( request );
		const attacker = await livePayment( request );
		const paid = await simulatorBody( request, attacker, 'stk', 0 );

		const forged = await postCallback(
			victim.callbackUrl.replace( /[a-f0-9]{64}$/, 'f'.repeat( 64 ) ),
			paid
		);
		const swapped = await postCallback(
			attacker.callbackUrl.replace(
				`/callbacks/${ attacker.orderId }/`,
				`/callbacks/${ victim.orderId }/`
			),
			paid
		);

		for ( const answer of [ forged, swapped ] ) {
			expect( answer.status ).toBe( 403 );
			expect( JSON.parse( answer.text ) ).toEqual( FORBIDDEN );
		}
		await expectUntouched( request, victim );
		await expectUntouched( request, attacker );
	} );

	test( 'a body about another payment request is refused and changes nothing', async ( {
		request,
	} ) => {
		const payment = await livePayment( request );
		const other = await livePayment( request );
		const theirs = await simulatorBody( request, other, 'stk', 0 );

		const answer = await postCallback( payment.callbackUrl, theirs );

		expect( answer.status ).toBe( 409 );
		expect( answer.text ).not.toContain( other.checkoutRequestId );
		await expectUntouched( request, payment );
		await expectUntouched( request, other );
	} );

	test( 'replaying a settled payment’s callbacks changes nothing more', async ( {
		request,
	} ) => {
		const payment = await livePayment( request );
		const stk = await simulatorBody( request, payment, 'stk', 0 );
		const pvp = await simulatorBody( request, payment, 'pvp' );
		const observer = new OrderObserver( request );
		expect(
			( await postCallback( payment.callbackUrl, stk ) ).status
		).toBe( 200 );
		expect( await observer.outcomes( payment.orderId ) ).toEqual( [
			'complete',
		] );
		const paid = await observer.order( payment.orderId );

		for ( const body of [ stk, pvp, stk, pvp ] ) {
			const replay = await postCallback( payment.callbackUrl, body );
			expect( replay.status ).toBe( 200 );
		}

		expect( await observer.outcomes( payment.orderId ) ).toEqual( [
			'complete',
			'duplicate',
			'duplicate',
			'duplicate',
			'duplicate',
		] );
		const after = await observer.order( payment.orderId );
		expect( after.notes ).toEqual( paid.notes );
		expect( after.hooks ).toEqual( paid.hooks );
		expect( after.hooks.proxyapi_pvp_payment_completed ).toBe( '1' );
	} );

	test( 'the token of a request ProxyAPI refused is spent at once', async ( {
		request,
	} ) => {
		const queued = await request.post( `${ SIMULATOR_URL }/__sim/next`, {
			data: {
				respond: {
					status: 400,
					body: {
						StatusCode: -1,
						ResponseCode: 9,
						ResponseDesc: 'Refused',
					},
				},
			},
		} );
		expect( queued.ok() ).toBeTruthy();
		const answer = await storeCheckout( PHONES.pays );
		expect( answer.status ).toBe( 400 );
		await answer.context.dispose();
		const [ record ] = await simulatorRequests( request, answer.orderId );
		const body = {
			Body: {
				stkCallback: {
					MerchantRequestID: '29115-1-1',
					CheckoutRequestID: 'ws_CO_REFUSED',
					ResultCode: 0,
					ResultDesc: 'ok',
					CallbackMetadata: {
						Item: [
							{ Name: 'Amount', Value: 100 },
							{ Name: 'MpesaReceiptNumber', Value: 'UKREFUSED1' },
						],
					},
				},
			},
		};

		const spent = await postCallback( String( record.callbackUrl ), body );

		expect( spent.status ).toBe( 403 );
		expect( JSON.parse( spent.text ) ).toEqual( FORBIDDEN );
		const order = await new OrderObserver( request ).order(
			answer.orderId
		);
		expect( order.status ).toBe( 'pending' );
		expect( order.transaction_id ).toBe( '' );
	} );

	test( 'a body over 16 KB is refused before it is parsed', async ( {
		request,
	} ) => {
		const payment = await livePayment( request );
		const paid = await simulatorBody( request, payment, 'stk', 0 );

		const answer = await postCallback( payment.callbackUrl, {
			...paid,
			Padding: 'x'.repeat( 20_000 ),
		} );

		expect( answer.status ).toBe( 413 );
		await expectUntouched( request, payment );
	} );
} );
