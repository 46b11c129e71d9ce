/**
 * Installed over Pay via ProxyAPI 2.2.7: a payment 2.2.7 started before the upgrade still completes when
 * ProxyAPI calls 2.2.7's URL (/wc-api/wc_payment_gateway_proxyapi_pvp). The test plays 2.2.7: it sends the
 * STK request to the simulator with that URL, then creates the order as 2.2.7 stored it (test-only route in
 * tests/e2e/mu-plugins/pvp-e2e-legacy-order.php), then lets the simulator deliver both callbacks.
 */
import { test, expect, type APIRequestContext } from '@playwright/test';
import { SimulatorControl } from '../fixtures/simulator-control';
import { OrderObserver, SIMULATOR_URL, STORE_URL } from '../fixtures/store';

const LEGACY_CALLBACK_URL = `${ STORE_URL }/wc-api/wc_payment_gateway_proxyapi_pvp`;

/** 15 characters from 2.2.7's alphabet (no I, O or 0), as 2.2.7 made its RequestIDs. */
function legacyRequestId(): string {
	const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ123456789';
	return Array.from(
		{ length: 15 },
		() => alphabet[ Math.floor( Math.random() * alphabet.length ) ]
	).join( '' );
}

/**
 * What 2.2.7 did at checkout: POST /pvp/lnm with its own callback URL.
 *
 * @param request   Playwright's HTTP client.
 * @param requestId The RequestID.
 * @return The CheckoutRequestID ProxyAPI answered.
 */
async function startAs227(
	request: APIRequestContext,
	requestId: string
): Promise< string > {
	const origin = new URL( STORE_URL );
	const response = await request.post( `${ SIMULATOR_URL }/pvp/lnm`, {
		data: {
			RequestID: requestId,
			ApiKey: '1700000000-LocalStoreSimulator1',
			CallbackUrl: LEGACY_CALLBACK_URL,
			RequestTimestamp: Math.floor( Date.now() / 1000 ),
			Amount: 100,
			SenderMSISDN: '254700000000',
			AccountReference: 'E2E-227',
			Origin: `${ origin.protocol }//${ origin.host }`,
		},
	} );
	const answer = await response.json();
	expect( answer.ResponseCode, JSON.stringify( answer ) ).toBe( 0 );
	return answer.CheckoutRequestID;
}

async function createLegacyOrder(
	request: APIRequestContext,
	requestId: string,
	checkoutRequestId: string
): Promise< number > {
	const response = await request.post(
		`${ STORE_URL }/wp-json/pvp-e2e/v1/legacy-orders`,
		{
			data: {
				request_id: requestId,
				checkout_request_id: checkoutRequestId,
			},
		}
	);
	expect( response.ok() ).toBeTruthy();
	const created = await response.json();
	expect( Number( created.total ) ).toBe( 100 );
	return created.id;
}

/**
 * A payment 2.2.7 started just before the upgrade: ProxyAPI accepted it (and calls back only when the test
 * says so), and the order is as 2.2.7 stored it.
 *
 * @param request Playwright's HTTP client.
 * @return The ids its callbacks carry, and the order.
 */
async function paymentStartedBy227( request: APIRequestContext ): Promise< {
	requestId: string;
	checkoutRequestId: string;
	orderId: number;
} > {
	await new SimulatorControl( request ).queueNext( {
		resultCode: 0,
		callbacks: [],
	} );
	const requestId = legacyRequestId();
	const checkoutRequestId = await startAs227( request, requestId );
	const orderId = await createLegacyOrder(
		request,
		requestId,
		checkoutRequestId
	);
	return { requestId, checkoutRequestId, orderId };
}

/**
 * Has the simulator post one callback now and returns the store's HTTP answer.
 *
 * @param request           Playwright's HTTP client.
 * @param checkoutRequestId Which request.
 * @param kind              stkCallback or pvpCallback.
 */
async function deliver(
	request: APIRequestContext,
	checkoutRequestId: string,
	kind: 'stk' | 'pvp'
): Promise< number | null > {
	const response = await request.post(
		`${ SIMULATOR_URL }/__sim/callbacks/${ checkoutRequestId }/send`,
		{ data: { kind } }
	);
	expect( response.ok() ).toBeTruthy();
	return ( await response.json() ).delivery.status;
}

test.describe( 'Upgrade from Pay via ProxyAPI 2.2.7', () => {
	test( "an order from 2.2.7's data layout is completed once by callbacks on the legacy URL", async ( {
		request,
	} ) => {
		const orders = new OrderObserver( request );
		const { requestId, checkoutRequestId, orderId } =
			await paymentStartedBy227( request );
		expect( ( await orders.order( orderId ) ).status ).toBe( 'on-hold' );

		// Both shapes, twice each, in the order the real service may use: every answer is 2.2.7's 200.
		const answers = [];
		for ( const kind of [ 'pvp', 'stk', 'pvp', 'stk' ] as const ) {
			answers.push( await deliver( request, checkoutRequestId, kind ) );
		}
		expect( answers ).toEqual( [ 200, 200, 200, 200 ] );

		const paid = await orders.waitForStatus( orderId, 'processing' );
		expect( paid.transaction_id ).toMatch( /^[A-Z0-9]{10}$/ );
		expect( paid.meta.request_id ).toBe( requestId );
		expect( paid.meta.checkout_request_id ).toBe( checkoutRequestId );
		expect( paid.meta.sender_first_name ).toBe( 'Jane' );
		expect( paid.hooks ).toEqual( {
			proxyapi_pvp_payment_completed: '1',
			pvp_on_payment_complete: '1',
		} );
		expect(
			paid.notes.filter( ( note ) =>
				note.includes(
					'Settled through the Pay via ProxyAPI 2.2.7 callback URL.'
				)
			)
		).toHaveLength( 1 );
	} );

	test( 'the legacy URL refuses a callback whose RequestID is not the one 2.2.7 sent, and answers 200 all the same', async ( {
		request,
	} ) => {
		const orders = new OrderObserver( request );
		const { checkoutRequestId, orderId } =
			await paymentStartedBy227( request );
		// A forged success for an order whose 2.2.7 ids are known, but with another RequestID.
		const body = await (
			await request.get(
				`${ SIMULATOR_URL }/__sim/callbacks/${ checkoutRequestId }/body?kind=pvp`
			)
		).json();
		body.Body.pvpCallback.RequestID = legacyRequestId();

		const response = await request.post( LEGACY_CALLBACK_URL, {
			data: body,
		} );

		expect( response.status() ).toBe( 200 );
		const order = await orders.order( orderId );
		expect( order.status ).toBe( 'on-hold' );
		expect( order.transaction_id ).toBe( '' );
		expect( order.hooks ).toEqual( {} );
	} );
} );
