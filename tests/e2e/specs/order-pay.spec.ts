/**
 * "Pay for this order": a shopper whose M-Pesa payment failed pays the same order again from the
 * order-pay page, with the field prefilled from the order and the same limits as the status panel.
 */
import { test, expect } from '@playwright/test';
import { CheckoutPage } from '../fixtures/checkout-page';
import { ClassicCheckoutPage } from '../fixtures/classic-checkout';
import { OrderObserver, PHONES } from '../fixtures/store';
import { SimulatorControl } from '../fixtures/simulator-control';
import { StatusPanel } from '../fixtures/status-panel';
import { placeMpesaOrder } from '../fixtures/store-api-order';

test.describe( 'Paying for an order again', () => {
	test.beforeEach( async ( { page } ) => {
		await new CheckoutPage( page ).stayOffline();
	} );

	test( 'a shopper whose payment failed pays the order from the pay-for-order page', async ( {
		page,
		request,
	} ) => {
		const panel = new StatusPanel( page );
		const form = new ClassicCheckoutPage( page );
		const orders = new OrderObserver( request );
		const simulator = new SimulatorControl( request );
		const order = await placeMpesaOrder( request, PHONES.cancels );
		await orders.waitForStatus( order.orderId, 'failed' );
		await page.goto( order.orderReceivedUrl );
		await expect( panel.live() ).toContainText(
			'You cancelled the payment on your phone'
		);

		// WooCommerce's own "Try again" link on a failed order leads to the pay-for-order page.
		await page.getByRole( 'link', { name: 'Try again' } ).click();
		await expect( page ).toHaveURL( /order-pay\/\d+/ );
		await expect( panel.live() ).toContainText(
			'You cancelled the payment on your phone'
		);
		await expect(
			panel.resendButton(),
			'the form below is the retry here'
		).toHaveCount( 0 );
		await form.chooseMpesa();
		await expect( form.mpesaPhone() ).toHaveValue( '+254708374149' );

		await form.mpesaPhone().fill( PHONES.pays );
		await form.submit();

		await page.waitForURL( /order-received\/\d+/ );
		await panel.expectPaid();
		const paid = await orders.waitForStatus( order.orderId, 'processing' );
		const [ first, second ] = await simulator.prompts( order.orderId, 2 );
		expect( second.body.RequestID ).not.toBe( first.body.RequestID );
		expect( second.body.SenderMSISDN ).toBe( '254700000000' );
		expect( paid.transaction_id ).toBe( second.payment?.receipt );
		expect( paid.hooks ).toEqual( {
			proxyapi_pvp_payment_pending: '2',
			proxyapi_pvp_payment_failed: '1',
			proxyapi_pvp_payment_completed: '1',
			pvp_on_payment_complete: '1',
		} );
	} );

	test( 'the pay-for-order page sends no second prompt while the first is live', async ( {
		page,
		request,
	} ) => {
		const panel = new StatusPanel( page );
		const form = new ClassicCheckoutPage( page );
		const simulator = new SimulatorControl( request );
		const order = await placeMpesaOrder( request, PHONES.neverAnswers );
		await page.goto(
			`/checkout/order-pay/${ order.orderId }/?pay_for_order=true&key=${ order.orderKey }`
		);
		await panel.expectAwaiting();

		await form.chooseMpesa();
		await form.mpesaPhone().fill( PHONES.pays );
		await form.submit();

		await expect( form.errors() ).toContainText(
			'The last M-Pesa prompt may still be on your phone'
		);
		await simulator.prompts( order.orderId, 1 );
	} );
} );
