/**
 * When ProxyAPI fails (no answer in time, no connection, a TLS failure, an error page, garbage, missing
 * fields, a refusal) the shopper gets a clear message at checkout, the order and the cart are kept, the
 * failure is logged, and a request that may have reached M-Pesa is kept "started" for reconciliation and
 * never sent again with the same RequestID.
 */
import { test, expect, type APIRequestContext } from '@playwright/test';
import { CheckoutPage, WANJIKU } from '../fixtures/checkout-page';
import { OrderObserver, PHONES, SIMULATOR_URL } from '../fixtures/store';
import {
	STORE_API_KEY,
	fileSize,
	readSince,
	setUpstream,
	simulatorRequests,
	storeCheckout,
	storePaths,
} from '../fixtures/security';
import { readdirSync } from 'node:fs';

const UNKNOWN =
	'We could not confirm that the M-Pesa prompt was sent. If it reaches your phone, enter your PIN; otherwise try again in a minute.';
const NOT_SENT =
	'We could not send the M-Pesa prompt. Please try again, or choose another payment method.';

/** How the plugin answers each fault: the shopper's message, the attempt's state, the failure hook. */
interface Expectation {
	message: string;
	attempt: 'started' | 'rejected';
	kind: string;
}

async function queueAnswer(
	request: APIRequestContext,
	outcome: Record< string, unknown >
): Promise< void > {
	const queued = await request.post( `${ SIMULATOR_URL }/__sim/next`, {
		data: outcome,
	} );
	expect( queued.ok(), await queued.text() ).toBeTruthy();
}

/** The plugin's WooCommerce log files (one per day). */
function pluginLogs(): string[] {
	const dir = `${ storePaths().docroot }/wp-content/uploads/wc-logs`;
	return readdirSync( dir )
		.filter( ( name ) => name.startsWith( 'pay-via-proxyapi-' ) )
		.map( ( name ) => `${ dir }/${ name }` );
}

function logMark(): Map< string, number > {
	return new Map(
		pluginLogs().map( ( file ) => [ file, fileSize( file ) ] )
	);
}

function logSince( mark: Map< string, number > ): string {
	return pluginLogs()
		.map( ( file ) => readSince( file, mark.get( file ) ?? 0 ) )
		.join( '' );
}

type Attempts = Array< { status: string; request_id: string } >;

/**
 * Checks out through the Store API with a fault in place and asserts everything the issue asks of it.
 *
 * @param request  Playwright's request fixture.
 * @param expected What the plugin should do.
 * @return The order id.
 */
async function checkoutFails(
	request: APIRequestContext,
	expected: Expectation
): Promise< number > {
	const mark = logMark();
	const answer = await storeCheckout( PHONES.pays );

	expect( answer.status ).toBe( 400 );
	expect( answer.body.message ).toBe( expected.message );
	expect( answer.cartItems, 'the cart is kept' ).toBe( 1 );
	await answer.context.dispose();

	const orderId = answer.orderId;
	const order = await new OrderObserver( request ).order( orderId );
	expect( order.status, 'the order is kept, unpaid' ).toBe( 'pending' );
	const attempts = order.meta._pvp_attempts as Attempts;
	expect( attempts ).toHaveLength( 1 );
	expect( attempts[ 0 ].status ).toBe( expected.attempt );
	expect(
		order.notes.filter( ( note ) =>
			note.startsWith( 'M-Pesa prompt could not be sent' )
		)
	).toHaveLength( 1 );
	expect( order.hooks.proxyapi_pvp_payment_failed ?? '0' ).toBe(
		'rejected' === expected.attempt ? '1' : '0'
	);
	const log = logSince( mark );
	expect( log ).toContain(
		`"order_id":${ orderId },"kind":"${ expected.kind }"`
	);
	expect( log + order.notes.join( '\n' ) ).not.toContain( STORE_API_KEY );
	return orderId;
}

test.describe( 'ProxyAPI failing while the shopper checks out', () => {
	test.afterEach( async ( { request } ) => {
		await setUpstream( request );
	} );

	test( 'a shopper whose request times out is told to watch the phone, and a retry sends a new RequestID', async ( {
		request,
	} ) => {
		await setUpstream( request, { timeout: 2 } );
		await queueAnswer( request, { respond: { hangMs: 6000 } } );
		const mark = logMark();
		const first = await storeCheckout( PHONES.pays );
		expect( first.status ).toBe( 400 );
		expect( first.body.message ).toBe( UNKNOWN );
		expect( first.cartItems ).toBe( 1 );
		const orderId = first.orderId;
		expect( logSince( mark ) ).toContain(
			`"order_id":${ orderId },"kind":"timeout"`
		);

		// The shopper tries again from the same cart: a fresh attempt with a fresh RequestID.
		const again = await storeCheckout( PHONES.pays, first );
		expect( again.status, JSON.stringify( again.body ) ).toBe( 200 );
		await first.context.dispose();
		const againId = Number( again.body.order_id );
		const requestIds = [
			...( await simulatorRequests( request, orderId ) ),
			...( againId === orderId
				? []
				: await simulatorRequests( request, againId ) ),
		].map( ( record ) => String( record.body.RequestID ) );
		expect( requestIds ).toHaveLength( 2 );
		expect( new Set( requestIds ).size ).toBe( 2 );

		const timedOut = ( await new OrderObserver( request ).order( orderId ) )
			.meta._pvp_attempts as Attempts;
		expect(
			timedOut[ 0 ].status,
			'the timed-out attempt stays unknown for reconciliation'
		).toBe( 'started' );
		await new OrderObserver( request ).waitForStatus(
			againId,
			'processing'
		);
	} );

	test( 'a request that timed out but reached M-Pesa still pays when its callback arrives', async ( {
		request,
	} ) => {
		await setUpstream( request, { timeout: 2 } );
		await queueAnswer( request, {
			respond: { hangMs: 6000 },
			callbacks: [ 'stk', 'pvp' ],
			delayMs: 3000,
		} );
		const answer = await storeCheckout( PHONES.pays );
		expect( answer.body.message ).toBe( UNKNOWN );
		await answer.context.dispose();
		const orderId = answer.orderId;

		const paid = await new OrderObserver( request ).waitForStatus(
			orderId,
			'processing'
		);
		expect( paid.hooks.proxyapi_pvp_payment_completed ).toBe( '1' );
		expect( paid.hooks.proxyapi_pvp_payment_failed ).toBeUndefined();
	} );

	test( 'no connection to ProxyAPI: the prompt was not sent and the shopper may retry', async ( {
		request,
	} ) => {
		await setUpstream( request, { divert: 'refused' } );
		await checkoutFails( request, {
			message: NOT_SENT,
			attempt: 'rejected',
			kind: 'transport',
		} );
	} );

	test( 'a TLS failure talking to ProxyAPI is a failed connection, never a reason to turn verification off', async ( {
		request,
	} ) => {
		await setUpstream( request, { divert: 'tls' } );
		const orderId = await checkoutFails( request, {
			message: NOT_SENT,
			attempt: 'rejected',
			kind: 'transport',
		} );
		const order = await new OrderObserver( request ).order( orderId );
		expect( order.notes.join( '\n' ) ).toMatch( /SSL|TLS/i );
	} );

	test( 'an HTTP 500 error page from ProxyAPI', async ( { request } ) => {
		await queueAnswer( request, {
			respond: {
				status: 500,
				body: '<html><body>Internal Server Error</body></html>',
			},
		} );
		await checkoutFails( request, {
			message: UNKNOWN,
			attempt: 'started',
			kind: 'invalid_response',
		} );
	} );

	test( 'an answer that is not JSON', async ( { request } ) => {
		await queueAnswer( request, {
			respond: { status: 200, body: 'OK, request received' },
		} );
		await checkoutFails( request, {
			message: UNKNOWN,
			attempt: 'started',
			kind: 'invalid_response',
		} );
	} );

	test( 'an acceptance without the request ids', async ( { request } ) => {
		await queueAnswer( request, {
			respond: {
				status: 200,
				body: {
					StatusCode: 0,
					ResponseCode: 0,
					ResponseDesc: 'Success',
				},
			},
		} );
		await checkoutFails( request, {
			message: UNKNOWN,
			attempt: 'started',
			kind: 'invalid_response',
		} );
	} );

	test( 'a refusal with a non-zero ResponseCode that quotes the key back', async ( {
		request,
	} ) => {
		await queueAnswer( request, {
			respond: {
				status: 400,
				body: {
					StatusCode: -1,
					ResponseCode: 1,
					ResponseDesc: `Invalid API Key ${ STORE_API_KEY }`,
					MerchantRequestID: null,
					CheckoutRequestID: null,
				},
			},
		} );
		const orderId = await checkoutFails( request, {
			message: NOT_SENT,
			attempt: 'rejected',
			kind: 'rejected',
		} );
		const order = await new OrderObserver( request ).order( orderId );
		expect( order.notes.join( '\n' ) ).toContain( 'Invalid API Key [' );
	} );

	test( 'a shopper in the Checkout block sees the message, keeps the cart and can pay on the second try', async ( {
		page,
		request,
	} ) => {
		// A full browser checkout, twice, on a small shared machine.
		test.slow();
		await setUpstream( request, { divert: 'refused' } );
		const checkout = new CheckoutPage( page );
		await checkout.reachMpesaAtCheckout( WANJIKU );
		await checkout.enterMpesaPhone( PHONES.pays );
		await checkout.clickPlaceOrder();

		await expect(
			page.locator( '.wc-block-components-notice-banner.is-error' )
		).toContainText( NOT_SENT );
		await expect( page ).toHaveURL( /\/checkout\/?$/ );

		await setUpstream( request );
		const orderId = await checkout.placeOrder();
		await new OrderObserver( request ).waitForStatus(
			orderId,
			'processing'
		);
	} );
} );
