/**
 * Daraja direct as the provider, end to end on the real store with the simulator's Daraja API: the store
 * owner's setup and "Test connection", paybill and till payments, a cancelled prompt, a lost result
 * reconciled by the STK Push Query, and refunds by reversal.
 */
import {
	test,
	expect,
	type APIRequestContext,
	type Page,
} from '@playwright/test';
import { CheckoutPage, WANJIKU } from '../fixtures/checkout-page';
import { Daraja, SIM_APP } from '../fixtures/daraja';
import {
	OrderObserver,
	PHONES,
	SIMULATOR_URL,
	STORE_URL,
	type SimulatedRequest,
	PAID_ONCE,
	FAILED_ONCE,
} from '../fixtures/store';
import { logInAsAdmin, openOrder } from '../fixtures/admin';

const SETTINGS_PATH =
	'/wp-admin/admin.php?page=wc-settings&tab=checkout&section=proxyapi_pvp_settings';
const field = ( page: Page, key: string ) =>
	page.locator( `#woocommerce_proxyapi_pvp_settings_${ key }` );

/**
 * The shopper pays (or not) at the Checkout block; returns the order id and the simulator's record.
 *
 * @param page    The shopper's page.
 * @param request Playwright's HTTP client.
 * @param phone   The M-Pesa number typed.
 */
async function checkoutWithMpesa(
	page: Page,
	request: APIRequestContext,
	phone: string
): Promise< {
	orderId: number;
	prompt: SimulatedRequest & Record< string, any >;
} > {
	const checkout = new CheckoutPage( page );
	await checkout.reachMpesaAtCheckout( WANJIKU );
	await checkout.enterMpesaPhone( phone );
	const orderId = await checkout.placeOrder();
	const settled = await request.post( `${ SIMULATOR_URL }/__sim/wait`, {
		data: { accountReference: String( orderId ), timeoutMs: 20000 },
	} );
	expect( settled.ok() ).toBeTruthy();
	return { orderId, prompt: ( await settled.json() ).request };
}

/**
 * The store owner refunds the whole order with WooCommerce's "Refund … via Lipa na M-Pesa" button.
 *
 * @param page    The admin's page.
 * @param orderId The order.
 */
async function refundThroughMpesa(
	page: Page,
	orderId: number
): Promise< void > {
	await openOrder( page, orderId );
	await page.locator( 'button.refund-items' ).click();
	await page.locator( '#refund_amount' ).fill( '100' );
	const apiRefund = page.locator( 'button.do-api-refund' );
	await expect( apiRefund ).toContainText( 'via Lipa na M-Pesa' );
	page.once( 'dialog', ( dialog ) => dialog.accept() );
	await Promise.all( [ page.waitForEvent( 'load' ), apiRefund.click() ] );
}

/**
 * Waits (polling the order, never sleeping) until one of its notes contains `text`.
 *
 * @param orders  The order reader.
 * @param orderId The order.
 * @param text    Part of the note.
 */
async function noteAppears(
	orders: OrderObserver,
	orderId: number,
	text: string
): Promise< void > {
	await expect
		.poll(
			async () =>
				( await orders.order( orderId ) ).notes.some( ( note ) =>
					note.includes( text )
				),
			{ message: `order ${ orderId } gets a note with "${ text }"` }
		)
		.toBe( true );
}

test.describe( 'Daraja direct', () => {
	// The refund stories refund the orders the payment stories paid (a checkout is the slowest step).
	test.describe.configure( { mode: 'serial' } );
	const paid: Record<
		'paybill' | 'till',
		{ orderId: number; receipt: string }
	> = {
		paybill: { orderId: 0, receipt: '' },
		till: { orderId: 0, receipt: '' },
	};

	test.afterAll( async ( { request } ) => {
		// The other specs run with ProxyAPI.
		await new Daraja( request ).useProxyApi();
	} );

	test( 'the store owner sets up Daraja direct on the settings screen and tests the connection', async ( {
		page,
		request,
	} ) => {
		const daraja = new Daraja( request );
		await daraja.useProxyApi();
		await logInAsAdmin( page );
		await page.goto( SETTINGS_PATH );
		await expect(
			page.getByText( 'A till alone cannot use the API' )
		).toBeVisible();
		await expect(
			page.getByText(
				'With ProxyAPI, refunds through M-Pesa are not offered'
			)
		).toBeVisible();

		await field( page, 'provider' ).selectOption( 'daraja' );
		await field( page, 'daraja_environment' ).selectOption( 'sandbox' );
		await field( page, 'daraja_consumer_key' ).fill( SIM_APP.consumerKey );
		await field( page, 'daraja_consumer_secret' ).fill(
			SIM_APP.consumerSecret
		);
		await field( page, 'daraja_shortcode' ).fill( SIM_APP.shortcode );
		await field( page, 'daraja_passkey' ).fill( SIM_APP.passkey );
		await field( page, 'daraja_initiator_name' ).fill(
			SIM_APP.initiatorName
		);
		await field( page, 'daraja_initiator_password' ).fill(
			SIM_APP.initiatorPassword
		);
		await field( page, 'daraja_certificate' ).fill(
			await daraja.certificate()
		);
		await Promise.all( [
			page.waitForEvent( 'load' ),
			page.locator( 'button[name="save"]' ).click(),
		] );
		await expect(
			page.locator( '#message.updated, .notice-success' ).first()
		).toBeVisible();

		// Saved secrets are never printed back into the page.
		const html = await page.content();
		for ( const secret of [
			SIM_APP.consumerSecret,
			SIM_APP.passkey,
			SIM_APP.initiatorPassword,
		] ) {
			expect( html ).not.toContain( secret );
		}
		await expect( field( page, 'provider' ) ).toHaveValue( 'daraja' );
		await expect( field( page, 'daraja_passkey' ) ).toHaveValue( '' );

		await page.getByRole( 'button', { name: 'Test connection' } ).click();
		const result = page.locator( '#pvp-daraja-test-result' );
		await expect( result ).toHaveText(
			'Connected: Daraja (sandbox) issued an access token for the saved consumer key and secret.'
		);
		await expect( result ).toHaveClass( /is-success/ );

		// A till entered as its own shortcode is refused with the reason, and nothing changes.
		await field( page, 'daraja_till' ).fill( SIM_APP.shortcode );
		await Promise.all( [
			page.waitForEvent( 'load' ),
			page.locator( 'button[name="save"]' ).click(),
		] );
		await expect(
			page.getByText(
				'The till number was not saved: it cannot also be the business shortcode.'
			)
		).toBeVisible();
		await expect( field( page, 'daraja_till' ) ).toHaveValue( '' );
	} );

	test( 'a shopper pays a Daraja paybill and the order is paid with the M-Pesa receipt', async ( {
		page,
		request,
	} ) => {
		await new Daraja( request ).use();
		const orders = new OrderObserver( request );
		const { orderId, prompt } = await checkoutWithMpesa(
			page,
			request,
			PHONES.pays
		);

		expect( prompt.provider ).toBe( 'daraja' );
		expect( prompt.body ).toMatchObject( {
			BusinessShortCode: 174379,
			TransactionType: 'CustomerPayBillOnline',
			PartyB: 174379,
			Amount: 100,
			PhoneNumber: 254700000000,
			AccountReference: String( orderId ),
		} );
		const order = await orders.waitForStatus( orderId, 'processing' );
		expect( order.transaction_id ).toBe( prompt.payment?.receipt );
		expect( order.hooks ).toEqual( PAID_ONCE );
		expect(
			prompt.callbacks.map( ( c ) => `${ c.kind }:${ c.status }` )
		).toEqual( [ 'stk:200' ] );
		paid.paybill = { orderId, receipt: order.transaction_id };
	} );

	test( 'a shopper pays a Daraja till under the store number', async ( {
		page,
		request,
	} ) => {
		await new Daraja( request ).use( { daraja_till: SIM_APP.till } );
		const { orderId, prompt } = await checkoutWithMpesa(
			page,
			request,
			PHONES.pays
		);
		expect( prompt.body ).toMatchObject( {
			BusinessShortCode: 174379,
			TransactionType: 'CustomerBuyGoodsOnline',
			PartyB: 600990,
		} );
		const order = await new OrderObserver( request ).waitForStatus(
			orderId,
			'processing'
		);
		expect( order.transaction_id ).toBe( prompt.payment?.receipt );
		paid.till = { orderId, receipt: order.transaction_id };
	} );

	test( 'a shopper who cancels the Daraja prompt sees the order fail with the reason', async ( {
		page,
		request,
	} ) => {
		await new Daraja( request ).use();
		const { orderId } = await checkoutWithMpesa(
			page,
			request,
			PHONES.cancels
		);
		const failed = await new OrderObserver( request ).waitForStatus(
			orderId,
			'failed'
		);
		expect(
			failed.notes.some(
				( note ) =>
					note.includes( 'Request cancelled by user' ) &&
					note.includes( '1032' )
			)
		).toBe( true );
		expect( failed.hooks ).toEqual( FAILED_ONCE );
	} );

	test( 'a cancellation that never reached the store is found by the STK Push Query', async ( {
		page,
		request,
	} ) => {
		await new Daraja( request ).use();
		const queued = await request.post( `${ SIMULATOR_URL }/__sim/next`, {
			data: { resultCode: 1032, callbacks: [] },
		} );
		expect( queued.ok() ).toBeTruthy();
		const orders = new OrderObserver( request );
		const { orderId } = await checkoutWithMpesa(
			page,
			request,
			PHONES.pays
		);
		expect( ( await orders.order( orderId ) ).status ).toBe( 'pending' );

		// The scheduled check, run now (tests/e2e/mu-plugins/pvp-e2e-queue.php) instead of minutes later.
		const ran = await request.post(
			`${ STORE_URL }/wp-json/pvp-e2e/v1/orders/${ orderId }/reconciliation-checks`
		);
		expect( ran.ok() ).toBeTruthy();
		const failed = await orders.waitForStatus( orderId, 'failed' );
		expect(
			failed.notes.some( ( note ) =>
				note.includes( 'Request cancelled by user' )
			)
		).toBe( true );
		expect( failed.hooks.proxyapi_pvp_payment_failed ).toBe( '1' );
	} );

	test( 'the store owner refunds the paybill order: M-Pesa reverses it and the order says so', async ( {
		page,
		request,
	} ) => {
		const daraja = new Daraja( request );
		await daraja.use();
		const { orderId, receipt } = paid.paybill;
		await logInAsAdmin( page );
		await refundThroughMpesa( page, orderId );

		const orders = new OrderObserver( request );
		await noteAppears( orders, orderId, 'M-Pesa reversal confirmed' );
		const refunded = await orders.order( orderId );
		expect( refunded.status ).toBe( 'refunded' );
		expect( refunded.hooks.pvp_reversal_completed ).toBe( '1' );
		expect(
			refunded.notes.filter( ( note ) =>
				note.includes(
					`M-Pesa reversal requested: KES 100 of payment ${ receipt }`
				)
			)
		).toHaveLength( 1 );
		const reversal = ( await daraja.reversals() ).at( -1 );
		expect( reversal ).toMatchObject( {
			accepted: true,
			transactionId: receipt,
			amount: 100,
			resultCode: 0,
		} );
	} );

	test( 'a reversal M-Pesa refuses takes the refund back off the till order and says why', async ( {
		page,
		request,
	} ) => {
		const daraja = new Daraja( request );
		await daraja.use( { daraja_till: SIM_APP.till } );
		await daraja.queueReversal( 2001 );
		const { orderId } = paid.till;
		const admin = page;
		await logInAsAdmin( admin );
		await refundThroughMpesa( admin, orderId );

		const orders = new OrderObserver( request );
		await noteAppears(
			orders,
			orderId,
			'M-Pesa reversal failed: The initiator information is invalid. (result code 2001)'
		);
		const restored = await orders.waitForStatus( orderId, 'processing' );
		expect( restored.hooks.pvp_reversal_failed ).toBe( '1' );
		await openOrder( admin, orderId );
		await expect( admin.locator( 'tr.refund' ) ).toHaveCount( 0 );
	} );
} );
