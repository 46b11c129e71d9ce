/**
 * The order screen's M-Pesa panel on the real store: every attempt with its callbacks, "Check status with
 * M-Pesa now" completing a payment whose callback never came, the box's accessibility (axe, keyboard, live
 * region), and the orders list's receipt column and search.
 */
import { test, expect, type APIRequestContext } from '@playwright/test';
import { openOrder } from '../fixtures/admin';
import { seriousViolations } from '../fixtures/axe';
import {
	ADMIN_STATE,
	saveAdminSession,
	OrderPanelBox,
	checkOutWithMpesa,
	simulatorDone,
} from '../fixtures/mpesa-admin';
import {
	OrderObserver,
	PHONES,
	SIMULATOR_URL,
	STORE_URL,
} from '../fixtures/store';

/**
 * M-Pesa takes the money but no callback ever reaches the store: the order stays pending until someone checks.
 *
 * @param request Playwright's HTTP client.
 * @return The order and the simulator's record of its prompt.
 */
async function paidWithoutCallback( request: APIRequestContext ) {
	expect(
		(
			await request.post( `${ SIMULATOR_URL }/__sim/next`, {
				data: { resultCode: 0, callbacks: [] },
			} )
		).ok()
	).toBeTruthy();
	const order = await checkOutWithMpesa( PHONES.neverAnswers );
	const prompt = await simulatorDone( request, order.orderId );
	return { order, prompt };
}

test.describe( 'The order’s M-Pesa panel', () => {
	// Real payments plus wp-admin pages: on a busy two-core machine these take longer than the default.
	test.slow();
	test.beforeAll( async ( { browser } ) => saveAdminSession( browser ) );
	test.use( { storageState: ADMIN_STATE } );

	test( 'the owner sees each attempt of an order paid on the second try, newest first, with its callbacks', async ( {
		page,
		request,
	} ) => {
		const observer = new OrderObserver( request );
		const order = await checkOutWithMpesa( PHONES.cancels );
		await simulatorDone( request, order.orderId );
		await observer.waitForStatus( order.orderId, 'failed' );
		// The shopper tries again with another number (the shopper's resend route).
		const resend = await request.post(
			`${ STORE_URL }/wp-json/pay-via-proxyapi/v1/orders/${ order.orderId }/payment/attempts`,
			{ data: { key: order.orderKey, phone: PHONES.pays } }
		);
		expect( resend.ok(), await resend.text() ).toBeTruthy();
		// Both callbacks of the new prompt (the pvpCallback carries the payer's name).
		await simulatorDone( request, order.orderId );
		const paid = await observer.waitForStatus(
			order.orderId,
			'processing'
		);

		await openOrder( page, order.orderId );
		const panel = new OrderPanelBox( page );
		await expect( panel.fact( 'M-Pesa receipt' ) ).toHaveText(
			paid.transaction_id
		);
		await expect( panel.fact( 'Paid' ) ).toHaveText(
			/KES\s100 of KES\s100/
		);
		await expect( panel.fact( 'Payer' ) ).toHaveText(
			'Jane Doe, 2547****0000'
		);
		await expect( panel.checkButton() ).toHaveCount( 0 );

		await expect( panel.attempts() ).toHaveCount( 2 );
		const [ newest, oldest ] = [
			panel.attempts().nth( 0 ),
			panel.attempts().nth( 1 ),
		];
		await expect( newest.getByRole( 'heading' ) ).toHaveText(
			'Attempt 2: Paid'
		);
		await expect( newest ).toContainText( paid.transaction_id );
		await expect( newest.getByRole( 'table' ) ).toContainText(
			'M-Pesa result (stkCallback)'
		);
		await expect( newest.getByRole( 'table' ) ).toContainText(
			'ProxyAPI confirmation (pvpCallback)'
		);
		await expect( newest.getByRole( 'table' ) ).toContainText(
			'completed the order'
		);
		await expect( oldest.getByRole( 'heading' ) ).toHaveText(
			'Attempt 1: Failed'
		);
		await expect( oldest ).toContainText(
			'1032: Request cancelled by user'
		);
		await expect( oldest ).toContainText( '2547****1032' );
		await expect( oldest.getByRole( 'table' ) ).toContainText(
			'marked the order failed'
		);
	} );

	test( '"Check status with M-Pesa now" completes a payment whose callback never came', async ( {
		page,
		request,
	} ) => {
		const observer = new OrderObserver( request );
		const { order, prompt } = await paidWithoutCallback( request );
		expect( ( await observer.order( order.orderId ) ).status ).toBe(
			'pending'
		);

		await openOrder( page, order.orderId );
		const panel = new OrderPanelBox( page );
		await expect(
			panel.attempts().first().getByRole( 'heading' )
		).toHaveText( 'Attempt 1: Waiting for PIN' );
		await expect( panel.fact( 'M-Pesa receipt' ) ).toHaveText( '—' );

		await panel.checkButton().click();

		await expect( panel.message() ).toContainText(
			'M-Pesa had a result for this payment; the order was updated.'
		);
		await expect( panel.fact( 'M-Pesa receipt' ) ).toHaveText(
			prompt.payment?.receipt ?? 'missing'
		);
		await expect(
			panel.attempts().first().getByRole( 'heading' )
		).toHaveText( 'Attempt 1: Paid' );
		await expect( panel.attempts().first() ).toContainText(
			'Result by status check'
		);
		await expect(
			panel.attempts().first().getByRole( 'table' )
		).toContainText( 'Status check with ProxyAPI' );
		const settled = await observer.order( order.orderId );
		expect( settled.status ).toBe( 'processing' );
		expect( settled.transaction_id ).toBe( prompt.payment?.receipt );
	} );

	test( 'the M-Pesa box passes axe, and "Check status with M-Pesa now" works from the keyboard with its result announced', async ( {
		page,
		request,
	} ) => {
		const observer = new OrderObserver( request );
		const { order, prompt } = await paidWithoutCallback( request );

		await openOrder( page, order.orderId );
		const panel = new OrderPanelBox( page );
		await expect(
			panel.attempts().first().getByRole( 'heading' )
		).toHaveText( 'Attempt 1: Waiting for PIN' );
		expect(
			await seriousViolations( page, [ '#pvp-mpesa-payment' ] )
		).toEqual( [] );

		// The live region is on the page, empty, before anything is said in it.
		await expect( panel.message() ).toHaveAttribute(
			'aria-live',
			'polite'
		);
		await expect( panel.message() ).toHaveText( '' );

		// From the box's own header control, Tab reaches the button next; Enter presses it.
		await panel
			.root()
			.getByRole( 'button', { name: /Toggle panel: M-Pesa payment/ } )
			.focus();
		await page.keyboard.press( 'Tab' );
		await expect( panel.checkButton() ).toBeFocused();
		await page.keyboard.press( 'Enter' );

		await expect( panel.message() ).toContainText(
			'M-Pesa had a result for this payment; the order was updated.'
		);
		await expect( panel.fact( 'M-Pesa receipt' ) ).toHaveText(
			prompt.payment?.receipt ?? 'missing'
		);
		// Said once: in the box's own live region, not a second time through WordPress's wp.a11y.speak().
		await expect( page.locator( '#a11y-speak-polite' ) ).toBeAttached();
		await expect( page.locator( '#a11y-speak-polite' ) ).not.toContainText(
			'M-Pesa had a result'
		);
		// The button is gone with nothing left to check; the keyboard user is not dropped to the page's top.
		await expect( panel.checkButton() ).toHaveCount( 0 );
		await expect(
			panel.root().getByRole( 'heading', { name: 'Payment attempts' } )
		).toBeFocused();
		expect(
			( await observer.waitForStatus( order.orderId, 'processing' ) )
				.transaction_id
		).toBe( prompt.payment?.receipt );
		// The box with its result notice shown passes axe too.
		expect(
			await seriousViolations( page, [ '#pvp-mpesa-payment' ] )
		).toEqual( [] );
	} );

	test( 'the orders list shows the M-Pesa receipt and finds the order by it', async ( {
		page,
		request,
	} ) => {
		const observer = new OrderObserver( request );
		const order = await checkOutWithMpesa( PHONES.pays );
		const receipt = (
			await observer.waitForStatus( order.orderId, 'processing' )
		).transaction_id;

		await page.goto( `/wp-admin/admin.php?page=wc-orders&s=${ receipt }` );
		await expect(
			page
				.locator( 'thead' )
				.getByRole( 'columnheader', { name: 'M-Pesa receipt' } )
		).toBeVisible();
		const rows = page.locator( '#the-list tr' );
		await expect( rows ).toHaveCount( 1 );
		await expect( rows.first() ).toContainText( `#${ order.orderId }` );
		await expect(
			rows.first().locator( 'td.column-pvp_mpesa_receipt' )
		).toHaveText( receipt );
	} );
} );
