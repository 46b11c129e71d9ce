/**
 * The classic (shortcode) checkout works like the Checkout block: same phone rules, same amount limits,
 * and the same live status after "Place order".
 */
import { test, expect } from '@playwright/test';
import { CheckoutPage, WANJIKU } from '../fixtures/checkout-page';
import {
	ClassicCheckoutPage,
	ensureClassicCheckoutPage,
} from '../fixtures/classic-checkout';
import { OrderObserver, Simulator, PAID_ONCE } from '../fixtures/store';
import { StatusPanel } from '../fixtures/status-panel';

const SHOPPER = {
	...WANJIKU,
	email: 'kiprono@example.com',
	firstName: 'Kiprono',
	lastName: 'Rotich',
};

test.describe( 'Classic checkout with Lipa na M-Pesa', () => {
	test.beforeAll( async ( { browser } ) => {
		await ensureClassicCheckoutPage( browser );
	} );

	test.beforeEach( async ( { page } ) => {
		await new CheckoutPage( page ).stayOffline();
	} );

	test( 'a shopper pays with M-Pesa on the classic checkout and sees it paid', async ( {
		page,
		request,
	} ) => {
		const classic = new ClassicCheckoutPage( page );
		const orders = new OrderObserver( request );
		const simulator = new Simulator( request );
		await classic.addToCart( 1 );
		await classic.open();
		await classic.fillBilling( SHOPPER );
		await classic.chooseMpesa();
		await expect( classic.mpesaPhone() ).toHaveAttribute( 'type', 'tel' );

		await classic.mpesaPhone().fill( '+254 700 000 000' );
		const orderId = await classic.placeOrder();

		await new StatusPanel( page ).expectPaid();
		const paid = await orders.waitForStatus( orderId, 'processing' );
		const [ prompt ] = await simulator.requests( String( orderId ) );
		expect( prompt.body.SenderMSISDN ).toBe( '254700000000' );
		expect( prompt.body.Amount ).toBe( 100 );
		expect( paid.transaction_id ).toBe( prompt.payment?.receipt );
		expect( paid.payment_method ).toBe( 'proxyapi_pvp_settings' );
		expect( paid.hooks ).toEqual( PAID_ONCE );
	} );

	test( 'an invalid M-Pesa number is refused on the classic checkout and no prompt is sent', async ( {
		page,
		request,
	} ) => {
		const classic = new ClassicCheckoutPage( page );
		const simulator = new Simulator( request );
		const before = ( await simulator.requests() ).length;
		await classic.addToCart( 1 );
		await classic.open();
		await classic.fillBilling( SHOPPER );
		await classic.chooseMpesa();

		await classic.mpesaPhone().fill( '0812 345 678' );
		await classic.submit();

		await expect( classic.errors() ).toContainText(
			'Enter a Safaricom M-Pesa number, e.g. 0712 345 678'
		);
		await expect( page ).toHaveURL( /classic-checkout\/?$/ );
		expect( await simulator.requests() ).toHaveLength( before );
	} );

	test( 'M-Pesa is not offered above KES 250,000, on the classic checkout nor in the Checkout block', async ( {
		page,
	} ) => {
		const classic = new ClassicCheckoutPage( page );
		const block = new CheckoutPage( page );
		// 2,501 × KES 100 = KES 250,100: one payment too large for M-Pesa.
		await classic.addToCart( 2501 );

		await classic.open();
		await expect(
			page.locator( '#payment_method_cod' ),
			'other methods are still there'
		).toBeAttached();
		await expect( classic.mpesaOption() ).toHaveCount( 0 );

		await block.open();
		await expect(
			page.locator( '#radio-control-wc-payment-method-options-cod' )
		).toBeAttached();
		await expect(
			page.locator(
				'#radio-control-wc-payment-method-options-proxyapi_pvp_settings'
			)
		).toHaveCount( 0 );
	} );
} );
