/**
 * Nothing is left hanging: when no callback reaches the store, the scheduled reconciliation check asks
 * ProxyAPI (the simulator's /pvp/report) and settles the order. Orders are placed through the Store API (what
 * the Checkout block posts); the test runs the queue itself through a test-only route
 * (tests/e2e/mu-plugins/pvp-e2e-queue.php) instead of waiting five minutes.
 */
import { test, expect, type APIRequestContext } from '@playwright/test';
import { placeMpesaOrder } from '../fixtures/store-api-order';
import { SimulatorControl } from '../fixtures/simulator-control';
import {
	OrderObserver,
	PHONES,
	SIMULATOR_URL,
	STORE_URL,
	PAID_ONCE,
} from '../fixtures/store';

/**
 * Runs the order's pending reconciliation checks now.
 *
 * @param request Playwright's HTTP client.
 * @param orderId The order.
 * @param all     Keep running while each check queues the next.
 * @return How many ran and how many are still pending.
 */
async function runChecks(
	request: APIRequestContext,
	orderId: number,
	all = false
): Promise< { ran: number; pending: number } > {
	const response = await request.post(
		`${ STORE_URL }/wp-json/pvp-e2e/v1/orders/${ orderId }/reconciliation-checks${
			all ? '?all=1' : ''
		}`
	);
	expect( response.ok() ).toBeTruthy();
	return response.json();
}

async function pendingChecks(
	request: APIRequestContext,
	orderId: number
): Promise< number > {
	const response = await request.get(
		`${ STORE_URL }/wp-json/pvp-e2e/v1/orders/${ orderId }/reconciliation-checks`
	);
	expect( response.ok() ).toBeTruthy();
	return ( await response.json() ).pending;
}

/**
 * Waits (on the simulator's state) until it has done all it does by itself for the order's request.
 *
 * @param request Playwright's HTTP client.
 * @param orderId The order (its number is the AccountReference).
 * @return The simulator's record.
 */
async function simulatorSettled(
	request: APIRequestContext,
	orderId: number
): Promise< { paid: boolean; payment: { receipt: string } | null } > {
	const response = await request.post( `${ SIMULATOR_URL }/__sim/wait`, {
		data: { accountReference: String( orderId ), timeoutMs: 20000 },
	} );
	expect( response.ok() ).toBeTruthy();
	return ( await response.json() ).request;
}

function notesWith( notes: string[], text: string ): string[] {
	return notes.filter( ( note ) => note.includes( text ) );
}

test.describe( 'Reconciliation of payments whose callback never came', () => {
	test( 'a success without any callback is reconciled by the scheduled job and the shopper sees it paid', async ( {
		request,
	} ) => {
		// ProxyAPI takes the money but the store never hears about it.
		await new SimulatorControl( request ).queueNext( {
			resultCode: 0,
			callbacks: [],
		} );
		const orders = new OrderObserver( request );
		const { orderId, orderKey } = await placeMpesaOrder(
			request,
			PHONES.pays
		);

		const record = await simulatorSettled( request, orderId );
		expect( record.paid ).toBe( true );
		expect( ( await orders.order( orderId ) ).status ).toBe( 'pending' );
		expect(
			await pendingChecks( request, orderId ),
			'the accepted prompt has its check queued'
		).toBe( 1 );

		expect( await runChecks( request, orderId ) ).toEqual( {
			ran: 1,
			pending: 0,
		} );

		const paid = await orders.waitForStatus( orderId, 'processing' );
		expect( paid.transaction_id ).toBe( record.payment?.receipt );
		expect( paid.hooks ).toEqual( PAID_ONCE );
		expect(
			notesWith( paid.notes, 'M-Pesa payment received' )
		).toHaveLength( 1 );
		expect(
			notesWith(
				paid.notes,
				'No callback reached the store; reconciliation found this result (report)'
			)
		).toHaveLength( 1 );

		// The shopper's own status (the order-received page reads the same endpoint) says paid.
		await expect
			.poll(
				async () =>
					(
						await (
							await request.get(
								`${ STORE_URL }/wp-json/pay-via-proxyapi/v1/orders/${ orderId }/payment?key=${ orderKey }`
							)
						).json()
					).state
			)
			.toBe( 'paid' );
	} );

	test( 'a prompt nobody answers is checked with back-off and left unpaid with one note for the admin', async ( {
		request,
	} ) => {
		const orders = new OrderObserver( request );
		const { orderId } = await placeMpesaOrder(
			request,
			PHONES.neverAnswers
		);

		expect( await runChecks( request, orderId ) ).toEqual( {
			ran: 1,
			pending: 1,
		} );
		expect( await runChecks( request, orderId, true ) ).toEqual( {
			ran: 3,
			pending: 0,
		} );
		// A stray extra run changes nothing.
		expect( await runChecks( request, orderId ) ).toEqual( {
			ran: 0,
			pending: 0,
		} );

		const order = await orders.order( orderId );
		expect( order.status ).toBe( 'pending' );
		expect(
			notesWith(
				order.notes,
				'No result from M-Pesa; compare with your M-Pesa statement'
			)
		).toHaveLength( 1 );
		expect( order.hooks ).toEqual( {
			proxyapi_pvp_payment_pending: '1',
		} );
	} );
} );
