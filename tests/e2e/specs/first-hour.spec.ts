/**
 * The store owner's first hour: from the setup notice to the first paid order, answered by hand on the
 * simulator's phone page; and a store in another currency, where M-Pesa hides itself and says why.
 */
import { test, expect } from '@playwright/test';
import { CheckoutPage, WANJIKU } from '../fixtures/checkout-page';
import { OrderObserver, STORE_URL } from '../fixtures/store';
import { logInAsAdmin } from '../fixtures/admin';
import { Daraja } from '../fixtures/daraja';
import {
	GatewaySettings,
	MANUAL_PHONE,
	PhonePage,
	STORE_API_KEY,
	reactivatePlugin,
	saveWooSettings,
	setupNotice,
} from '../fixtures/first-hour';

const PAYMENT_RADIO =
	'#radio-control-wc-payment-method-options-proxyapi_pvp_settings';

test.describe( 'The first hour', () => {
	// Many wp-admin screens in a row: give a loaded machine time.
	test.describe.configure( { timeout: 600_000 } );

	test( 'an owner follows the setup notice, verifies the key, and a shopper pays on the phone page', async ( {
		page,
		browser,
		request,
	} ) => {
		// The e2e store comes configured; clear it to be where a fresh install is: ProxyAPI as the provider
		// (an earlier spec may have left Daraja direct's credentials, which count as credentials too), no key.
		await new Daraja( request ).useProxyApi();
		await logInAsAdmin( page );
		await reactivatePlugin( page );
		const settings = new GatewaySettings( page );
		await settings.open();
		await settings.save( '', false );

		await page.goto( '/wp-admin/', { waitUntil: 'domcontentloaded' } );
		const notice = setupNotice( page );
		await expect( notice ).toContainText(
			'Lipa na M-Pesa is not taking payments yet'
		);
		await expect(
			notice.locator( '[data-pvp-problem="api_key_missing"]' )
		).toContainText( 'No ProxyAPI key is set.' );
		await notice
			.getByRole( 'link', { name: 'Open the Lipa na M-Pesa settings' } )
			.click();
		await expect( settings.apiKey() ).toBeVisible();
		await expect(
			page.getByRole( 'heading', { name: 'Connection to ProxyAPI' } )
		).toBeVisible();

		await settings.apiKey().fill( 'not-a-valid-key' );
		await settings.verifyButton().click();
		await expect( settings.verifyResult() ).toContainText(
			'ProxyAPI refused the key'
		);
		await expect( settings.verifyResult() ).not.toContainText(
			'not-a-valid-key'
		);
		await settings.apiKey().fill( STORE_API_KEY );
		await settings.verifyButton().click();
		await expect( settings.verifyResult() ).toContainText(
			/ProxyAPI accepted the key and listed \d+ transactions?\./
		);
		await settings.save( STORE_API_KEY, true );
		await expect( setupNotice( page ) ).toHaveCount( 0 );

		// The shopper, in a browser of their own.
		const shopperContext = await browser.newContext();
		const shopper = await shopperContext.newPage();
		const checkout = new CheckoutPage( shopper );
		await checkout.reachMpesaAtCheckout( WANJIKU );
		await checkout.enterMpesaPhone( MANUAL_PHONE );
		const orderId = await checkout.placeOrder();
		const orders = new OrderObserver( request );
		expect( ( await orders.order( orderId ) ).status ).toBe( 'pending' );

		// The person trying the store answers the prompt on the phone page.
		const phonePage = await shopperContext.newPage();
		const phone = new PhonePage( phonePage );
		await phone.open();
		const prompt = phone.prompt( String( orderId ) );
		await expect( prompt ).toContainText( 'Pay KES 100?' );
		await expect( prompt ).toContainText( STORE_URL );
		await expect( phone.status() ).toContainText( 'waiting for you' );
		await prompt.getByRole( 'button', { name: 'Pay' } ).click();
		await expect( prompt ).toContainText(
			'Paid. Store answered 200, 200.'
		);

		const paid = await orders.waitForStatus( orderId, 'processing' );
		expect( paid.transaction_id ).toMatch( /^[A-Z0-9]{10}$/ );
		expect( paid.hooks.proxyapi_pvp_payment_completed ).toBe( '1' );
		await shopperContext.close();
	} );

	test( 'the setup notice can be dismissed by the owner', async ( {
		page,
	} ) => {
		await logInAsAdmin( page );
		const settings = new GatewaySettings( page );
		await settings.open();
		await settings.save( STORE_API_KEY, false );
		try {
			await page.goto( '/wp-admin/', { waitUntil: 'domcontentloaded' } );
			await setupNotice( page )
				.getByRole( 'link', { name: 'Dismiss this notice' } )
				.click();
			await page.goto( '/wp-admin/', { waitUntil: 'domcontentloaded' } );
			await expect( setupNotice( page ) ).toHaveCount( 0 );
		} finally {
			await settings.open();
			await settings.save( STORE_API_KEY, true );
		}
	} );

	test( 'a store in another currency hides M-Pesa from shoppers and tells the owner why', async ( {
		page,
		browser,
	} ) => {
		await logInAsAdmin( page );
		const setCurrency = async ( code: string ) => {
			await page.goto(
				'/wp-admin/admin.php?page=wc-settings&tab=general',
				{ waitUntil: 'domcontentloaded' }
			);
			const currency = page.locator( '#woocommerce_currency' );
			await currency.evaluate( ( select, value ) => {
				( select as HTMLSelectElement ).value = value;
			}, code );
			await saveWooSettings( page, [ currency ] );
		};
		await setCurrency( 'USD' );
		try {
			const notice = setupNotice( page );
			await expect( notice ).toContainText(
				'Lipa na M-Pesa is hidden from shoppers until this is fixed'
			);
			await expect(
				notice.locator( '[data-pvp-problem="currency_not_kes"]' )
			).toContainText( 'The store currency is USD' );

			const shopperContext = await browser.newContext();
			const shopper = await shopperContext.newPage();
			const checkout = new CheckoutPage( shopper );
			await checkout.stayOffline();
			await checkout.addProductToCart();
			await checkout.open();
			await expect(
				shopper.locator( '.wc-block-checkout__payment-method' )
			).toBeVisible();
			await expect( shopper.locator( PAYMENT_RADIO ) ).toHaveCount( 0 );
			const cart = await shopper.request.get(
				'/wp-json/wc/store/v1/cart'
			);
			expect( ( await cart.json() ).payment_methods ).not.toContain(
				'proxyapi_pvp_settings'
			);
			await shopperContext.close();
		} finally {
			await setCurrency( 'KES' );
		}
		await page.goto( '/wp-admin/', { waitUntil: 'domcontentloaded' } );
		await expect( setupNotice( page ) ).toHaveCount( 0 );
	} );
} );
