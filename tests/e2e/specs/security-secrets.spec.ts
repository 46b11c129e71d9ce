/**
 * A full M-Pesa run, then a search of everything it left behind (the plugin's and PHP's logs, order notes,
 * e-mail subjects, the shopper's and the admin's pages, REST answers) for the API key and the payer's full
 * phone number. Neither may appear anywhere.
 */
import { readdirSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import { logInAsAdmin, openOrder } from '../fixtures/admin';
import { Daraja, SIM_APP } from '../fixtures/daraja';
import { OrderObserver, STORE_URL } from '../fixtures/store';
import {
	STORE_API_KEY,
	fileSize,
	readSince,
	shopperWithCart,
	simulatorRequests,
	storeCheckout,
	storePaths,
} from '../fixtures/security';

/** The payer's M-Pesa number, distinct from the billing phone (which WooCommerce shows the admin by design). */
const MPESA_NUMBER = '0712 345 678';
const NUMBER_FORMS = [
	'254712345678',
	'0712345678',
	'0712 345 678',
	'+254 712 345 678',
	'712 345 678',
];

/** Everything a file-backed source wrote since the test started. */
function logFiles(): string[] {
	const paths = storePaths();
	const wcLogs = `${ paths.docroot }/wp-content/uploads/wc-logs`;
	return [
		paths.debug_log,
		paths.mail_log,
		...readdirSync( wcLogs )
			.filter( ( name ) => name.endsWith( '.log' ) )
			.map( ( name ) => `${ wcLogs }/${ name }` ),
	];
}

/**
 * @param text    Anything the run left behind.
 * @param secrets What must not appear (default: the ProxyAPI key).
 * @return The leaks found: a secret, or a full form of the payer's number. CheckoutRequestIDs are removed
 *         first: Daraja's embed the last nine digits of the number, which is the provider's id, not a leak.
 */
function leaks(
	text: string,
	secrets: readonly string[] = [ STORE_API_KEY ]
): string[] {
	const cleaned = text.replace( /ws_CO_\w+/g, 'ws_CO_…' );
	return [ ...secrets, ...NUMBER_FORMS ].filter( ( secret ) =>
		cleaned.includes( secret )
	);
}

/** Daraja's credentials as the store holds them, and the Basic header the token request carries. */
const DARAJA_SECRETS = [
	SIM_APP.consumerSecret,
	SIM_APP.passkey,
	SIM_APP.initiatorPassword,
	Buffer.from(
		`${ SIM_APP.consumerKey }:${ SIM_APP.consumerSecret }`
	).toString( 'base64' ),
];

test( 'a full M-Pesa run leaves the API key and the payer’s full number in no log, note, page or REST answer', async ( {
	page,
	request,
} ) => {
	test.slow();
	const marks = new Map(
		logFiles().map( ( file ) => [ file, fileSize( file ) ] )
	);
	const seen: Array< [ string, string ] > = [];

	// The shopper pays (Store API, as the Checkout block does) and lands on the order-received page.
	const shopper = await shopperWithCart();
	const checkoutPage = await shopper.context.get(
		`${ STORE_URL }/checkout/`
	);
	seen.push( [ 'checkout page', await checkoutPage.text() ] );
	const answer = await storeCheckout( MPESA_NUMBER, shopper );
	expect( answer.status, JSON.stringify( answer.body ) ).toBe( 200 );
	seen.push( [ 'Store API checkout answer', JSON.stringify( answer.body ) ] );
	const orderId = Number( answer.body.order_id );
	const order = await new OrderObserver( request ).waitForStatus(
		orderId,
		'processing'
	);
	const receivedUrl = String(
		( answer.body.payment_result as { redirect_url: string } ).redirect_url
	);
	const received = await answer.context.get( receivedUrl );
	expect( received.ok() ).toBeTruthy();
	seen.push( [ 'order-received page', await received.text() ] );
	const status = await answer.context.get(
		`${ STORE_URL }/wp-json/pay-via-proxyapi/v1/orders/${ orderId }/payment?key=${ encodeURIComponent(
			String( answer.body.order_key )
		) }`
	);
	seen.push( [ 'payment status REST answer', await status.text() ] );
	await answer.context.dispose();

	// What the store answered ProxyAPI.
	const [ record ] = await simulatorRequests( request, orderId );
	expect( record.body.SenderMSISDN ).toBe( '254712345678' );
	seen.push( [
		'callback answers',
		JSON.stringify(
			record.callbacks.map( ( callback ) => callback.responseBody )
		),
	] );
	seen.push( [ 'order notes', order.notes.join( '\n' ) ] );

	// The store owner's screens and WooCommerce's REST API as the store owner.
	await logInAsAdmin( page );
	await openOrder( page, orderId );
	seen.push( [ 'admin order screen', await page.content() ] );
	await page.goto(
		'/wp-admin/admin.php?page=wc-settings&tab=checkout&section=proxyapi_pvp_settings'
	);
	await expect(
		page.locator( '#woocommerce_proxyapi_pvp_settings_api_key' )
	).toHaveValue( '' );
	seen.push( [ 'settings screen', await page.content() ] );
	const gatewayRest = await page.evaluate( async () => {
		// WordPress hands a logged-in user a REST nonce at admin-ajax.php?action=rest-nonce.
		const nonce = await (
			await fetch( '/wp-admin/admin-ajax.php?action=rest-nonce' )
		).text();
		const response = await fetch(
			'/wp-json/wc/v3/payment_gateways/proxyapi_pvp_settings',
			{ headers: { 'X-WP-Nonce': nonce } }
		);
		return `${ response.status } ${ await response.text() }`;
	} );
	expect( gatewayRest ).toMatch( /^200 / );
	seen.push( [ 'wc/v3 payment gateway REST answer', gatewayRest ] );

	for ( const file of logFiles() ) {
		seen.push( [ file, readSince( file, marks.get( file ) ?? 0 ) ] );
	}

	const found = seen
		.map( ( [ where, text ] ) => [ where, leaks( text ) ] as const )
		.filter( ( [ , secrets ] ) => secrets.length > 0 );
	expect( found ).toEqual( [] );
	// The search looked at something real: the run wrote the plugin's log and the payer's masked number.
	expect( seen.map( ( [ , text ] ) => text ).join( '\n' ) ).toContain(
		'2547****5678'
	);
} );

test( 'a Daraja direct payment and its refund leave the consumer secret, passkey and initiator password in no log, note, page or REST answer', async ( {
	page,
	request,
} ) => {
	test.slow();
	const daraja = new Daraja( request );
	await daraja.use();
	try {
		const marks = new Map(
			logFiles().map( ( file ) => [ file, fileSize( file ) ] )
		);
		const seen: Array< [ string, string ] > = [];

		const answer = await storeCheckout( MPESA_NUMBER );
		expect( answer.status, JSON.stringify( answer.body ) ).toBe( 200 );
		seen.push( [
			'Store API checkout answer',
			JSON.stringify( answer.body ),
		] );
		const orderId = Number( answer.body.order_id );
		const order = await new OrderObserver( request ).waitForStatus(
			orderId,
			'processing'
		);
		await answer.context.dispose();
		const [ record ] = await simulatorRequests( request, orderId );
		seen.push( [
			'callback answers',
			JSON.stringify(
				record.callbacks.map( ( callback ) => callback.responseBody )
			),
		] );

		// The store owner refunds through M-Pesa (a reversal) and looks at the order and the settings.
		await logInAsAdmin( page );
		await openOrder( page, orderId );
		await page.locator( 'button.refund-items' ).click();
		await page.locator( '#refund_amount' ).fill( '100' );
		page.once( 'dialog', ( dialog ) => dialog.accept() );
		await Promise.all( [
			page.waitForEvent( 'load' ),
			page.locator( 'button.do-api-refund' ).click(),
		] );
		await expect
			.poll( async () => ( await daraja.reversals() ).length )
			.toBeGreaterThan( 0 );
		await openOrder( page, orderId );
		seen.push( [ 'admin order screen', await page.content() ] );
		seen.push( [
			'order notes',
			( await new OrderObserver( request ).order( orderId ) ).notes.join(
				'\n'
			),
		] );
		await page.goto(
			'/wp-admin/admin.php?page=wc-settings&tab=checkout&section=proxyapi_pvp_settings'
		);
		seen.push( [ 'settings screen', await page.content() ] );

		for ( const file of logFiles() ) {
			seen.push( [ file, readSince( file, marks.get( file ) ?? 0 ) ] );
		}
		const found = seen
			.map(
				( [ where, text ] ) =>
					[ where, leaks( text, DARAJA_SECRETS ) ] as const
			)
			.filter( ( [ , secrets ] ) => secrets.length > 0 );
		expect( found ).toEqual( [] );
		expect( order.transaction_id ).not.toBe( '' );
	} finally {
		await daraja.useProxyApi();
	}
} );
