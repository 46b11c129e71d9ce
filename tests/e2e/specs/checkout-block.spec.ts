/**
 * The walking skeleton: a shopper pays with M-Pesa through the Checkout block, against the real store
 * and the ProxyAPI simulator.
 */
import { test, expect } from '@playwright/test';
import {
	CheckoutPage,
	WANJIKU,
	isCheckoutPost,
} from '../fixtures/checkout-page';
import {
	OrderObserver,
	PHONES,
	Simulator,
	PAID_ONCE,
	FAILED_ONCE,
} from '../fixtures/store';
import { logInAsAdmin, openOrder } from '../fixtures/admin';

test.describe( 'Checkout block with Lipa na M-Pesa', () => {
	test( 'a shopper pays with M-Pesa and the order becomes paid with the receipt as transaction id', async ( {
		page,
		browser,
		request,
	} ) => {
		const checkout = new CheckoutPage( page );
		const simulator = new Simulator( request );
		const orders = new OrderObserver( request );
		await checkout.reachMpesaAtCheckout( WANJIKU );
		await expect(
			checkout.mpesaPhone(),
			'the M-Pesa number starts as the billing phone'
		).toHaveValue( WANJIKU.phone );

		await checkout.enterMpesaPhone( PHONES.pays );
		const orderId = await checkout.placeOrder();

		const paid = await orders.waitForStatus( orderId, 'processing' );
		const [ stkRequest ] = await simulator.requests( String( orderId ) );
		expect( stkRequest.body.SenderMSISDN ).toBe( '254700000000' );
		expect( stkRequest.body.Amount ).toBe( 100 );
		const receipt = stkRequest.payment?.receipt;
		expect( receipt ).toBeTruthy();
		expect( paid.transaction_id ).toBe( receipt );
		expect( paid.payment_method ).toBe( 'proxyapi_pvp_settings' );
		expect( paid.meta.checkout_request_id ).toBe(
			stkRequest.checkoutRequestId
		);
		expect( paid.meta.mpesa_transaction_time ).toMatch( /^\d{14}$/ );
		expect( paid.meta.sender_msisdn ).toBeTruthy();
		expect( paid.hooks ).toEqual( PAID_ONCE );
		expect(
			paid.notes.filter( ( note ) =>
				note.includes( 'M-Pesa payment received' )
			)
		).toHaveLength( 1 );

		// Both callbacks (stkCallback, then pvpCallback) reached the store and were accepted.
		await expect
			.poll( async () =>
				(
					await simulator.requests( String( orderId ) )
				)[ 0 ].callbacks.map(
					( callback ) => `${ callback.kind }:${ callback.status }`
				)
			)
			.toEqual( [ 'stk:200', 'pvp:200' ] );

		// The store owner sees it in wp-admin.
		const admin = await browser.newPage();
		await logInAsAdmin( admin );
		await openOrder( admin, orderId );
		await expect( admin.locator( '#order_status' ) ).toHaveValue(
			'wc-processing'
		);
		await expect( admin.locator( 'body' ) ).toContainText(
			receipt as string
		);
		await admin.close();
	} );

	test( 'a shopper who cancels the M-Pesa prompt sees the order fail with the reason', async ( {
		page,
		request,
	} ) => {
		const checkout = new CheckoutPage( page );
		const orders = new OrderObserver( request );
		await checkout.reachMpesaAtCheckout( {
			...WANJIKU,
			email: 'otieno@example.com',
			firstName: 'Otieno',
		} );
		await checkout.enterMpesaPhone( PHONES.cancels );
		const orderId = await checkout.placeOrder();

		const failed = await orders.waitForStatus( orderId, 'failed' );
		expect( failed.transaction_id ).toBe( '' );
		expect(
			failed.notes.some(
				( note ) =>
					note.includes( 'Request cancelled by user' ) &&
					note.includes( '1032' )
			)
		).toBe( true );
		expect( failed.hooks ).toEqual( FAILED_ONCE );
	} );

	test( 'an invalid M-Pesa number is refused at checkout and no prompt is requested', async ( {
		page,
		request,
	} ) => {
		const checkout = new CheckoutPage( page );
		const simulator = new Simulator( request );
		const before = ( await simulator.requests() ).length;

		let checkoutPosts = 0;
		page.on( 'request', ( sent ) => {
			if ( isCheckoutPost( sent ) ) {
				checkoutPosts++;
			}
		} );

		await checkout.reachMpesaAtCheckout( WANJIKU );
		await checkout.enterMpesaPhone( '0812 345 678' );
		await expect(
			page
				.getByText(
					'Enter a Safaricom M-Pesa number, e.g. 0712 345 678'
				)
				.first()
		).toBeVisible();

		await checkout.clickPlaceOrder();
		await expect(
			page
				.getByText(
					'Enter a Safaricom M-Pesa number, e.g. 0712 345 678'
				)
				.first()
		).toBeVisible();
		await expect( page ).toHaveURL( /\/checkout\/?$/ );
		expect(
			checkoutPosts,
			'the block refuses before calling the server'
		).toBe( 0 );
		expect( await simulator.requests() ).toHaveLength( before );
	} );
} );
