/**
 * After "Place order": the shopper sees where the M-Pesa payment stands on the order-received page, live,
 * with a message of its own for each M-Pesa result, and can ask for a new prompt within the limits.
 */
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { CheckoutPage, WANJIKU } from '../fixtures/checkout-page';
import { OrderObserver, PHONES, STORE_URL } from '../fixtures/store';
import { SimulatorControl } from '../fixtures/simulator-control';
import { StatusPanel, orderKeyOf } from '../fixtures/status-panel';
import { placeMpesaOrder } from '../fixtures/store-api-order';

test.describe( 'Live M-Pesa status on the order-received page', () => {
	test( 'a shopper who pays in the Checkout block sees "check your phone", then "paid"', async ( {
		page,
		request,
	} ) => {
		// The whole Checkout block journey (product, cart, address, payment) plus an axe scan: on a busy
		// two-core machine it can pass the suite's 90 s default.
		test.slow();
		const checkout = new CheckoutPage( page );
		const panel = new StatusPanel( page );
		const simulator = new SimulatorControl( request );
		const orders = new OrderObserver( request );
		// The shopper types their PIN when the test says so: M-Pesa's answer waits for sendStkCallback().
		await simulator.queueNext( { resultCode: 0, callbacks: [] } );

		await checkout.reachMpesaAtCheckout( WANJIKU );
		await checkout.enterMpesaPhone( PHONES.pays );
		const orderId = await checkout.placeOrder();

		await panel.expectAwaiting();
		await expect( panel.live() ).toContainText(
			'We sent a payment prompt to 07•• ••• 000.'
		);
		await expect( panel.live() ).toHaveAttribute( 'aria-live', 'polite' );
		await expect( panel.resendButton() ).toHaveCount( 0 );
		const axe = await new AxeBuilder( { page } )
			.include( '.pvp-payment-status' )
			// Only the panel: axe need not wait for frames of the page around it.
			.options( { iframes: false } )
			.analyze();
		expect( axe.violations ).toEqual( [] );

		const [ prompt ] = await simulator.prompts( orderId, 1 );
		await simulator.sendStkCallback(
			prompt.checkoutRequestId as string,
			0
		);
		await panel.expectPaid();
		await expect( panel.live() ).toContainText(
			'Thank you! M-Pesa confirmed your payment.'
		);
		expect( ( await orders.order( orderId ) ).status ).toBe( 'processing' );
		await expect( panel.resendButton() ).toHaveCount( 0 );
	} );

	test( 'the panel shows the result within 2 seconds of the callback reaching the store', async ( {
		page,
		request,
	} ) => {
		const panel = new StatusPanel( page );
		const simulator = new SimulatorControl( request );
		const events: string[] = [];
		await page.exposeFunction( 'pvpSawStatus', ( state: string ) =>
			events.push( state )
		);
		await page.addInitScript( () => {
			// A theme's listener, as the README shows it.
			window.addEventListener( 'DOMContentLoaded', () => {
				const { hooks } = (
					window as unknown as {
						wp: {
							hooks: {
								addAction: ( ...args: unknown[] ) => void;
							};
						};
					}
				 ).wp;
				hooks.addAction(
					'pay-via-proxyapi.payment-status.changed',
					'e2e',
					( status: { state: string } ) =>
						(
							window as unknown as {
								pvpSawStatus: ( s: string ) => void;
							}
						 ).pvpSawStatus( status.state )
				);
			} );
		} );
		const order = await placeMpesaOrder( request, PHONES.neverAnswers );
		await page.goto( order.orderReceivedUrl );
		await panel.expectAwaiting();
		const [ prompt ] = await simulator.prompts( order.orderId, 1 );

		expect(
			await simulator.sendStkCallback(
				prompt.checkoutRequestId as string,
				0
			)
		).toBe( 200 );
		const reached = Date.now();
		await expect( panel.live() ).toContainText( 'Payment received', {
			timeout: 2000,
		} );
		const shownAfterMs = Date.now() - reached;
		test.info().annotations.push( {
			type: 'measured',
			description: `paid shown ${ shownAfterMs } ms after the callback was answered`,
		} );
		expect( shownAfterMs ).toBeLessThan( 2000 );
		expect( events ).toEqual( [ 'awaiting', 'paid' ] );
	} );

	const RESULTS = [
		{
			code: 1032,
			phone: '0700 001 032',
			message:
				'You cancelled the payment on your phone. If that was a mistake, resend the prompt.',
		},
		{
			code: 2001,
			phone: '0700 002 001',
			message:
				'The M-Pesa PIN was wrong. Resend the prompt and enter the correct PIN.',
		},
		{
			code: 1,
			phone: '0700 000 001',
			message: 'Your M-Pesa balance is too low for this payment.',
		},
		{
			code: 1037,
			phone: '0700 001 037',
			message: 'We could not reach your phone.',
		},
		{
			code: 1019,
			phone: '0700 001 019',
			message: 'The payment request expired before it was completed.',
		},
	];
	for ( const { code, phone, message } of RESULTS ) {
		test( `a shopper whose payment fails with M-Pesa result ${ code } is told what happened and what to do`, async ( {
			page,
			request,
		} ) => {
			const panel = new StatusPanel( page );
			const orders = new OrderObserver( request );
			const order = await placeMpesaOrder( request, phone );
			await orders.waitForStatus( order.orderId, 'failed' );

			await page.goto( order.orderReceivedUrl );

			await expect( panel.live() ).toContainText(
				'Payment not completed'
			);
			await expect( panel.live() ).toContainText( message );
			await expect( panel.resendButton() ).toBeEnabled();
			await expect( panel.anotherNumberButton() ).toBeEnabled();
		} );
	}

	test( 'the status route answers only with the right order key', async ( {
		request,
	} ) => {
		const order = await placeMpesaOrder( request, PHONES.cancels );
		const url = `${ STORE_URL }/wp-json/pay-via-proxyapi/v1/orders/${ order.orderId }/payment`;

		const right = await request.get( `${ url }?key=${ order.orderKey }` );
		const wrong = await request.get( `${ url }?key=wc_order_nope` );

		expect( right.status() ).toBe( 200 );
		expect( Object.keys( await right.json() ).sort() ).toEqual( [
			'phone',
			'provider_message',
			'resend',
			'result_code',
			'state',
		] );
		expect( wrong.status() ).toBe( 404 );
		expect( orderKeyOf( order.orderReceivedUrl ) ).toBe( order.orderKey );
	} );
} );

test.describe( 'A new M-Pesa prompt from the order-received page', () => {
	test( 'a shopper resends the prompt after cancelling it, then pays from another number', async ( {
		page,
		request,
	} ) => {
		const panel = new StatusPanel( page );
		const simulator = new SimulatorControl( request );
		const orders = new OrderObserver( request );
		const order = await placeMpesaOrder( request, PHONES.cancels );
		await page.goto( order.orderReceivedUrl );
		await expect( panel.live() ).toContainText(
			'You cancelled the payment on your phone'
		);

		await panel.resendButton().click();

		// Resent to the same number, which cancels again: a second prompt, a new RequestID.
		const [ first, second ] = await simulator.prompts( order.orderId, 2 );
		expect( second.body.SenderMSISDN ).toBe( '254700001032' );
		expect( second.body.RequestID ).not.toBe( first.body.RequestID );
		await expect( panel.live() ).toContainText(
			'You cancelled the payment on your phone'
		);

		await panel.useAnotherNumber( '0812 345 678' );
		await expect( panel.root().getByRole( 'alert' ) ).toHaveText(
			'Enter a Safaricom M-Pesa number, e.g. 0712 345 678'
		);
		await panel.useAnotherNumber( '0700 000 000' );

		await panel.expectPaid();
		const prompts = await simulator.prompts( order.orderId, 3 );
		expect( prompts[ 2 ].body.SenderMSISDN ).toBe( '254700000000' );
		const paid = await orders.waitForStatus( order.orderId, 'processing' );
		expect( paid.transaction_id ).toBe( prompts[ 2 ].payment?.receipt );
		expect( paid.hooks ).toEqual( {
			proxyapi_pvp_payment_pending: '3',
			proxyapi_pvp_payment_failed: '2',
			proxyapi_pvp_payment_completed: '1',
			pvp_on_payment_complete: '1',
		} );
	} );

	test( 'a shopper cannot resend over a live prompt, nor more than three times in ten minutes', async ( {
		page,
		request,
	} ) => {
		const panel = new StatusPanel( page );
		const simulator = new SimulatorControl( request );
		const order = await placeMpesaOrder( request, PHONES.neverAnswers );
		const attempts = `${ STORE_URL }/wp-json/pay-via-proxyapi/v1/orders/${ order.orderId }/payment/attempts`;
		await page.goto( order.orderReceivedUrl );

		// The prompt is live: no buttons, only how long until a new one may be asked for.
		await panel.expectAwaiting();
		await expect( panel.resendButton() ).toHaveCount( 0 );
		await expect( panel.root() ).toContainText(
			/No prompt on your phone\? You can ask for a new one in \d+ seconds\./
		);
		const live = await request.post( attempts, {
			data: { key: order.orderKey },
		} );
		expect( live.status() ).toBe( 409 );
		expect( ( await live.json() ).message ).toContain(
			'may still be on your phone'
		);

		// M-Pesa gives up on the phone: the shopper may ask again (resend 1, the same silent number).
		const [ first ] = await simulator.prompts( order.orderId, 1 );
		await simulator.sendStkCallback(
			first.checkoutRequestId as string,
			1037
		);
		await expect( panel.live() ).toContainText(
			'We could not reach your phone'
		);
		await panel.resendButton().click();
		await panel.expectAwaiting();
		const [ , second ] = await simulator.prompts( order.orderId, 2 );
		await simulator.sendStkCallback(
			second.checkoutRequestId as string,
			1037
		);

		// Resends 2 and 3, to numbers that fail by themselves.
		await panel.useAnotherNumber( PHONES.wrongPin );
		await expect( panel.live() ).toContainText(
			'The M-Pesa PIN was wrong'
		);
		await panel.useAnotherNumber( '0700 000 001' );
		await expect( panel.live() ).toContainText( 'balance is too low' );

		// A fourth is one too many.
		await expect( panel.root() ).toContainText(
			'You have asked for several prompts in a short time. You can ask for another in 10 minutes.'
		);
		await expect( panel.resendButton() ).toHaveCount( 0 );
		const tooMany = await request.post( attempts, {
			data: { key: order.orderKey, phone: PHONES.pays },
		} );
		expect( tooMany.status() ).toBe( 429 );
		expect( Number( tooMany.headers()[ 'retry-after' ] ) ).toBeGreaterThan(
			500
		);
		expect( ( await tooMany.json() ).message ).toContain(
			'Please try again in 10 minutes'
		);
		await simulator.prompts( order.orderId, 4 );
	} );
} );
