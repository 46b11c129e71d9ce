/**
 * Accessibility of what this plugin draws: the Checkout block's payment method, the live status panel, the
 * settings screen and the simulator's phone page. axe-core (WCAG 2 A/AA) finds no serious or critical
 * violation in our markup, everything works with the keyboard alone, status changes are announced through
 * a polite live region, and nothing of ours overflows a 360 px wide screen.
 *
 * Scans are scoped to our elements: WordPress and WooCommerce markup around them is not ours to fix.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';
import { CheckoutPage, WANJIKU } from '../fixtures/checkout-page';
import { OrderObserver, SIMULATOR_URL } from '../fixtures/store';
import { logInAsAdmin } from '../fixtures/admin';
import {
	GatewaySettings,
	MANUAL_PHONE,
	PhonePage,
} from '../fixtures/first-hour';

const MPESA_RADIO =
	'#radio-control-wc-payment-method-options-proxyapi_pvp_settings';
const PANEL = '.pvp-payment-status__panel';

/**
 * @param page      The page.
 * @param selectors What to scan (our elements).
 * @return The serious and critical violations, as "rule: target" lines.
 */
async function seriousViolations(
	page: Page,
	selectors: string[]
): Promise< string[] > {
	let builder = new AxeBuilder( { page } ).withTags( [
		'wcag2a',
		'wcag2aa',
		'wcag21a',
		'wcag21aa',
	] );
	for ( const selector of selectors ) {
		builder = builder.include( selector );
	}
	const { violations } = await builder.analyze();
	return violations
		.filter( ( v ) => v.impact === 'serious' || v.impact === 'critical' )
		.flatMap( ( v ) =>
			v.nodes.map( ( node ) => `${ v.id }: ${ node.target.join( ' ' ) }` )
		);
}

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
 * Presses Tab until `selector` has the focus (at most `limit` times).
 *
 * @param page     The page.
 * @param selector The element to reach.
 * @param limit    How many Tabs at most.
 */
async function tabTo(
	page: Page,
	selector: string,
	limit = 80
): Promise< void > {
	for ( let i = 0; i < limit; i++ ) {
		if (
			await page
				.locator( selector )
				.evaluate( ( el ) => el === el.ownerDocument.activeElement )
		) {
			return;
		}
		await page.keyboard.press( 'Tab' );
	}
	throw new Error( `${ selector } was not reached with ${ limit } Tabs` );
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

		// Keyboard only from here: reach M-Pesa, choose it, type the number, place the order.
		await page.locator( '#email' ).focus();
		await tabTo( page, `${ MPESA_RADIO }, #pvp-mpesa-phone` );
		if (
			await page
				.locator( MPESA_RADIO )
				.evaluate( ( el ) => el === el.ownerDocument.activeElement )
		) {
			await page.keyboard.press( 'Space' );
			await tabTo( page, '#pvp-mpesa-phone', 5 );
		}
		await expect( page.locator( '#pvp-mpesa-phone' ) ).toBeFocused();
		await page.keyboard.press( 'ControlOrMeta+A' );
		await page.keyboard.type( MANUAL_PHONE );
		expect(
			await seriousViolations( page, [
				'.pvp-content',
				`label[for="${ MPESA_RADIO.slice( 1 ) }"]`,
			] )
		).toEqual( [] );
		await page.keyboard.press( 'Tab' );
		await page.waitForLoadState( 'networkidle' );
		await tabTo( page, '.wc-block-components-checkout-place-order-button' );
		await page.keyboard.press( 'Enter' );
		await page.waitForURL( /order-received\/(\d+)/, { timeout: 60_000 } );
		const orderId = Number(
			/order-received\/(\d+)/.exec( page.url() )?.[ 1 ]
		);

		// The live status panel: a polite live region that is announced when the payment lands.
		const live = page.locator(
			`${ PANEL } [role="status"][aria-live="polite"]`
		);
		await expect( live ).toBeVisible();
		expect( await seriousViolations( page, [ PANEL ] ) ).toEqual( [] );
		const prompts = await request.get(
			`${ SIMULATOR_URL }/__sim/phone/prompts`
		);
		const prompt = ( await prompts.json() ).prompts.find(
			( p: { accountReference: string } ) =>
				p.accountReference === String( orderId )
		);
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
		await settings.verifyButton().focus();
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
	} ) => {
		const context = await browser.newContext( {
			viewport: { width: 360, height: 780 },
		} );
		const page = await context.newPage();
		const phone = new PhonePage( page );
		await phone.open();
		expect( await seriousViolations( page, [ 'body' ] ) ).toEqual( [] );
		expect(
			await page.evaluate( () => document.documentElement.scrollWidth )
		).toBeLessThanOrEqual( 360 );
		await expect( phone.status() ).toHaveAttribute( 'aria-live', 'polite' );
		await context.close();
	} );
} );
