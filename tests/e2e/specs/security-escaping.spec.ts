/**
 * Provider text is attacker-controllable: markup in a payer's name or a result description must reach every
 * screen as text, never as HTML that runs.
 */
import { test, expect } from '@playwright/test';
import { logInAsAdmin, openOrder } from '../fixtures/admin';
import { OrderPanelBox } from '../fixtures/mpesa-admin';
import { OrderObserver, STORE_URL } from '../fixtures/store';
import {
	fileSize,
	livePayment,
	postCallback,
	readSince,
	simulatorBody,
	storePaths,
} from '../fixtures/security';

const DESCRIPTION =
	'Cancelled <script>window.pvpXss=1</script><img src=x onerror="window.pvpXss=2">';
const FIRST_NAME = '<script>window.pvpXss=3</script>Jane';
const LAST_NAME = '"><svg onload=window.pvpXss=4>Doe';
const MARKUP = [ '<script>window.pvpXss', '<img src=x', '<svg onload' ];

function markupIn( html: string ): string[] {
	return MARKUP.filter( ( piece ) => html.includes( piece ) );
}

test( 'markup in a callback’s description and payer names is shown as text on every screen', async ( {
	page,
	request,
} ) => {
	test.slow();
	const mail = storePaths().mail_log;
	const mailStart = fileSize( mail );
	const payment = await livePayment( request );
	const failure = ( await simulatorBody(
		request,
		payment,
		'stk',
		1032
	) ) as {
		Body: { stkCallback: Record< string, unknown > };
	};
	failure.Body.stkCallback.ResultDesc = DESCRIPTION;
	const pvp = ( await simulatorBody( request, payment, 'pvp' ) ) as {
		Body: {
			pvpCallback: { CallbackMetadata: Record< string, unknown > };
		};
	};
	pvp.Body.pvpCallback.CallbackMetadata.SenderFirstName = FIRST_NAME;
	pvp.Body.pvpCallback.CallbackMetadata.SenderLastName = LAST_NAME;

	expect(
		( await postCallback( payment.callbackUrl, failure ) ).status
	).toBe( 200 );
	expect( ( await postCallback( payment.callbackUrl, pvp ) ).status ).toBe(
		200
	);

	const order = await new OrderObserver( request ).order( payment.orderId );
	expect( order.status, 'the late payment still pays' ).toBe( 'processing' );
	expect( markupIn( order.notes.join( '\n' ) ) ).toEqual( [] );
	expect( order.notes.join( '\n' ) ).toContain(
		'M-Pesa payment failed: Cancelled'
	);

	const dialogs: string[] = [];
	page.on( 'dialog', async ( dialog ) => {
		dialogs.push( dialog.message() );
		await dialog.dismiss();
	} );
	await page.goto(
		`${ STORE_URL }/checkout/order-received/${ payment.orderId }/?key=${ payment.orderKey }`
	);
	expect( markupIn( await page.content() ) ).toEqual( [] );
	expect(
		await page.evaluate(
			() => ( window as unknown as { pvpXss?: number } ).pvpXss
		)
	).toBeUndefined();

	await logInAsAdmin( page );
	await openOrder( page, payment.orderId );
	// Wait for the order screen's M-Pesa panel to have rendered the payer's name.
	await expect( new OrderPanelBox( page ).root() ).toContainText( 'Jane' );
	const adminHtml = await page.content();
	expect( markupIn( adminHtml ) ).toEqual( [] );
	expect(
		await page.evaluate(
			() => ( window as unknown as { pvpXss?: number } ).pvpXss
		)
	).toBeUndefined();
	expect( dialogs ).toEqual( [] );

	// The e-mails this payment sent (subjects and bodies, as the shopper and the shop get them).
	const mails = readSince( mail, mailStart );
	expect( mails ).toContain( '"message":"' );
	expect( markupIn( mails ) ).toEqual( [] );
} );
