/**
 * Accessibility of what this plugin draws: the Checkout block's payment method, the live status panel, the
 * settings screen and the simulator's phone page. axe-core (WCAG 2 A/AA) finds no serious or critical
 * violation in our markup, everything works with the keyboard alone, status changes are announced through
 * a polite live region, and nothing of ours overflows a 360 px wide screen.
 *
 * Scans are scoped to our elements: WordPress and WooCommerce markup around them is not ours to fix.
 */
import { test, expect, type Page } from '@playwright/test';
import { CheckoutPage, WANJIKU, type Shopper } from '../fixtures/checkout-page';
import { OrderObserver, SIMULATOR_URL } from '../fixtures/store';
import { logInAsAdmin } from '../fixtures/admin';
import { seriousViolations } from '../fixtures/axe';
import { placeMpesaOrder } from '../fixtures/store-api-order';
import {
	GatewaySettings,
	MANUAL_PHONE,
	PhonePage,
} from '../fixtures/first-hour';

const MPESA_RADIO =
	'#radio-control-wc-payment-method-options-proxyapi_pvp_settings';
const PAYMENT_METHODS = 'input[name="radio-control-wc-payment-method-options"]';
const PANEL = '.pvp-payment-status__panel';
const PLACE_ORDER = '.wc-block-components-checkout-place-order-button';

/**
 * @param page     The page.
 * @param selector Our element.
 * @param width    The viewport width.
 */
async function expectFits(
	page: Page,
	selector: string,
	width: number
): Promise< void > {
	const boxes = await page.locator( selector ).evaluateAll( ( elements ) =>
		elements.map( ( element ) => {
			const rect = element.getBoundingClientRect();
			return {
				left: rect.left,
				right: rect.right,
				overflows: element.scrollWidth > element.clientWidth + 1,
			};
		} )
	);
	expect( boxes.length, `${ selector } is on the page` ).toBeGreaterThan( 0 );
	for ( const box of boxes ) {
		expect( box.left ).toBeGreaterThanOrEqual( 0 );
		expect( box.right ).toBeLessThanOrEqual( width );
		expect(
			box.overflows,
			`${ selector } has no horizontal overflow`
		).toBe( false );
	}
}

/**
 * @param page     The page.
 * @param selector A CSS selector.
 * @return Whether the focused element matches it.
 */
async function focusMatches(
	page: Page,
	selector: string
): Promise< boolean > {
	return page
		.locator( 'body' )
		.evaluate(
			( body, css ) =>
				body.ownerDocument.activeElement?.matches( css ) ?? false,
			selector
		);
}

/**
 * Presses Tab until the focused element matches `selector` (at most `limit` times).
 *
 * @param page     The page.
 * @param selector The element to reach.
 * @param limit    How many Tabs at most.
 */
async function tabTo(
	page: Page,
	selector: string,
	limit = 40
): Promise< void > {
	for ( let i = 0; i < limit; i++ ) {
		if ( await focusMatches( page, selector ) ) {
			return;
		}
		await page.keyboard.press( 'Tab' );
	}
	throw new Error( `${ selector } was not reached with ${ limit } Tabs` );
}

/**
 * Chooses a payment method as a keyboard user does. The methods are one radio group, so the group is a
 * single Tab stop (the chosen method) and the arrow keys move the choice within it.
 *
 * @param page  The checkout page.
 * @param radio The method's radio button.
 */
async function chooseWithArrowKeys(
	page: Page,
	radio: string
): Promise< void > {
	await tabTo( page, `${ PAYMENT_METHODS }:checked` );
	const methods = await page.locator( PAYMENT_METHODS ).count();
	for ( let i = 0; i < methods; i++ ) {
		if ( await focusMatches( page, `${ radio }:checked` ) ) {
			return;
		}
		await page.keyboard.press( 'ArrowDown' );
	}
	throw new Error( `${ radio } was not reached with the arrow keys` );
}

/**
 * Waits until the Checkout block has saved the shopper's address (its phone, the last field typed) and has
 * nothing in flight, as a shopper waits for the busy indicator to go before pressing "Place order".
 *
 * @param page    The checkout page.
 * @param shopper Who typed the address.
 */
async function waitForCheckoutSettled(
	page: Page,
	shopper: Shopper
): Promise< void > {
	await page.waitForFunction( ( phone ) => {
		const data = (
			window as unknown as {
				wp?: { data?: { select: ( store: string ) => any } };
			}
		 ).wp?.data;
		if ( ! data ) {
			return false;
		}
		const cart = data.select( 'wc/store/cart' );
		const checkout = data.select( 'wc/store/checkout' );
		const saved = cart.getCartData();
		return (
			( saved.shippingAddress?.phone === phone ||
				saved.billingAddress?.phone === phone ) &&
			! cart.isCustomerDataUpdating() &&
			! checkout.isCalculating() &&
			checkout.isIdle()
		);
	}, shopper.phone );
}

test.describe( 'Accessibility', () => {
	test.describe.configure( { timeout: 600_000 } );

	test( 'a shopper pays with the keyboard alone, hears the status change, and axe finds nothing serious', async ( {
		page,
		request,
	} ) => {
		const checkout = new CheckoutPage( page );
		await checkout.stayOffline();
		await checkout.addProductToCart();
		await checkout.open();
		await checkout.fillAddress( WANJIKU );
		await waitForCheckoutSettled( page, WANJIKU );

		// Keyboard only from here: reach M-Pesa, choose it, type the number, place the order.
		await page.locator( '#email' ).focus();
		await chooseWithArrowKeys( page, MPESA_RADIO );
		await expect( page.locator( MPESA_RADIO ) ).toBeChecked();
		await tabTo( page, '#pvp-mpesa-phone', 5 );
		await page.keyboard.press( 'ControlOrMeta+A' );
		await page.keyboard.type( MANUAL_PHONE );
		expect(
			await seriousViolations( page, [
				'.pvp-content',
				`label[for="${ MPESA_RADIO.slice( 1 ) }"]`,
			] )
		).toEqual( [] );
		await page.keyboard.press( 'Tab' );
		await waitForCheckoutSettled( page, WANJIKU );
		await tabTo( page, PLACE_ORDER );
		await expect( page.locator( PLACE_ORDER ) ).toBeEnabled();
		await expect( page.locator( PLACE_ORDER ) ).not.toHaveAttribute(
			'aria-disabled',
			'true'
		);
		await page.keyboard.press( 'Enter' );
		await page.waitForURL( /order-received\/(\d+)/, { timeout: 60_000 } );
		const orderId = Number(
			/order-received\/(\d+)/.exec( page.url() )?.[ 1 ]
		);

		// The live status panel: a polite live region that is announced when the payment lands. Screen readers
		// announce changes to a region that stays in the page, so mark it and find the mark again afterwards.
		const live = page.locator(
			`${ PANEL } [role="status"][aria-live="polite"]`
		);
		await expect( live ).toBeVisible();
		await expect( live ).not.toContainText( 'Payment received' );
		await live.evaluate( ( region ) =>
			region.setAttribute( 'data-e2e-region', 'first' )
		);
		expect( await seriousViolations( page, [ PANEL ] ) ).toEqual( [] );
		const prompts = await request.get(
			`${ SIMULATOR_URL }/__sim/phone/prompts`
		);
		const prompt = ( await prompts.json() ).prompts.find(
			( p: { accountReference: string } ) =>
				p.accountReference === String( orderId )
		);
		expect( prompt, `the prompt for order ${ orderId }` ).toBeTruthy();
		await request.post(
			`${ SIMULATOR_URL }/__sim/phone/prompts/${ prompt.checkoutRequestId }/decision`,
			{ data: { decision: 'pay' } }
		);
		await new OrderObserver( request ).waitForStatus(
			orderId,
			'processing'
		);
		await expect( live ).toContainText( 'Payment received', {
			timeout: 60_000,
		} );
		await expect( live ).toHaveAttribute( 'data-e2e-region', 'first' );
		expect( await seriousViolations( page, [ PANEL ] ) ).toEqual( [] );
	} );

	test( 'the payment method and the status panel fit a 360 px screen', async ( {
		browser,
		request,
	} ) => {
		const context = await browser.newContext( {
			viewport: { width: 360, height: 780 },
		} );
		const page = await context.newPage();
		const checkout = new CheckoutPage( page );
		await checkout.reachMpesaAtCheckout( WANJIKU );
		await expectFits( page, '.pvp-content', 360 );
		await checkout.enterMpesaPhone( MANUAL_PHONE );
		const orderId = await checkout.placeOrder();
		await expect( page.locator( PANEL ) ).toBeVisible();
		await expectFits( page, PANEL, 360 );
		await new OrderObserver( request ).order( orderId );
		await context.close();
	} );

	test( 'the settings screen: our parts pass axe and Verify API key works from the keyboard', async ( {
		page,
	} ) => {
		await logInAsAdmin( page );
		const settings = new GatewaySettings( page );
		await settings.open();
		expect(
			await seriousViolations( page, [
				'#mainform .form-table',
				'#mainform h3.wc-settings-sub-title',
			] )
		).toEqual( [] );
		// From the key field to the button with Tab, as a keyboard user goes from typing the key to checking it.
		await settings.apiKey().focus();
		await tabTo( page, '#pvp-verify-key', 10 );
		await page.keyboard.press( 'Enter' );
		await expect( settings.verifyResult() ).toHaveAttribute(
			'role',
			'status'
		);
		await expect( settings.verifyResult() ).toContainText(
			'ProxyAPI accepted the key'
		);
		await expect( settings.verifyButton() ).toBeFocused();
	} );

	test( 'the phone page passes axe, fits 360 px and is answered with the keyboard', async ( {
		browser,
		request,
	} ) => {
		const { orderId } = await placeMpesaOrder( request, MANUAL_PHONE );
		const context = await browser.newContext( {
			viewport: { width: 360, height: 780 },
		} );
		const page = await context.newPage();
		const phone = new PhonePage( page );
		await phone.open();
		const card = phone.prompt( String( orderId ) );
		await expect( card ).toBeVisible();
		expect( await seriousViolations( page, [ 'body' ] ) ).toEqual( [] );
		expect(
			await page.evaluate( () => document.documentElement.scrollWidth )
		).toBeLessThanOrEqual( 360 );
		await expect( phone.status() ).toHaveAttribute( 'aria-live', 'polite' );

		// Tab to this prompt's Pay button and press Enter; the answered card keeps the focus.
		const id = await card.getAttribute( 'data-checkout-request-id' );
		await tabTo(
			page,
			`li[data-checkout-request-id="${ id }"] button[data-decision="pay"]`
		);
		await page.keyboard.press( 'Enter' );
		await expect( card ).toContainText( 'Paid.' );
		await expect( card.getByRole( 'heading' ) ).toBeFocused();
		await new OrderObserver( request ).waitForStatus(
			orderId,
			'processing'
		);
		await context.close();
	} );
} );
