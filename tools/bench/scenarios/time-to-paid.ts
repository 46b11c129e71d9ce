/**
 * 4: time to "paid", from the success callback leaving for the store to the shopper's order-received page
 * showing the payment as paid. A real browser (playwright-core driving Chromium) holds the page open with
 * the live status panel; the moment the panel turns paid is taken inside the page (a MutationObserver), on
 * the same clock as the callback's start. Without the panel's build, the figure falls back to the shopper
 * status route polled every 50 ms, and says so.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { chromium, type Browser } from 'playwright-core';

import playwrightConfig from '../../../tests/e2e/playwright.config';

import { BUDGETS, judge } from '../budgets';
import { storeUrl, type BenchContext } from '../context';
import { expectStatus, jsonOf, timed } from '../http';
import { prepareOrders, type PreparedOrder } from '../orders';
import { ms, row, type Row } from '../results';
import { summarise } from '../stats';

const SCENARIO = '4 Time to "paid"';
const PANEL = '.pvp-payment-status__panel';
const GIVE_UP_MS = 15_000;
const sleep = ( wait: number ) =>
	new Promise( ( done ) => setTimeout( done, wait ) );

/**
 * Milliseconds from the callback's start until the browser showed the order paid.
 * @param browser
 * @param context
 * @param order
 */
async function inBrowser(
	browser: Browser,
	context: BenchContext,
	order: PreparedOrder
): Promise< number > {
	const page = await browser.newPage();
	try {
		await page.goto(
			`${ context.store.urls.checkout }order-received/${ order.id }/?key=${ order.key }`
		);
		await page.waitForSelector( `${ PANEL }.is-awaiting`, {
			timeout: GIVE_UP_MS,
		} );
		// A string, not a function: the TypeScript runner would wrap a function's source in helpers the page lacks.
		const paidAt =
			page.evaluate< number >( `new Promise( ( resolve, reject ) => {
			const seen = () => document.querySelector( ${ JSON.stringify( `${ PANEL }.is-paid` ) } ) !== null;
			const observer = new MutationObserver( () => {
				if ( seen() ) {
					observer.disconnect();
					resolve( Date.now() );
				}
			} );
			observer.observe( document.body, { subtree: true, childList: true, attributes: true } );
			setTimeout( () => reject( new Error( 'The panel never showed the order paid' ) ), ${ GIVE_UP_MS } );
		} )` );
		// Handled below, after the callback; this keeps an early failure from going unhandled meanwhile.
		paidAt.catch( () => undefined );
		const started = Date.now();
		expectStatus(
			await timed( order.callbackUrl, { json: order.bodies.stk } ),
			'the success callback'
		);
		return ( await paidAt ) - started;
	} finally {
		await page.close();
	}
}

/**
 * The same, as the shopper status route answers it (no panel to watch).
 * @param context
 * @param order
 */
async function byRoute(
	context: BenchContext,
	order: PreparedOrder
): Promise< number > {
	const url = storeUrl(
		context,
		`/wp-json/pay-via-proxyapi/v1/orders/${ order.id }/payment?key=${ order.key }`
	);
	const started = Date.now();
	const callback = timed( order.callbackUrl, { json: order.bodies.stk } );
	while ( Date.now() - started < GIVE_UP_MS ) {
		const status = await timed( url );
		if (
			status.status === 200 &&
			jsonOf< { state?: string } >( status, 'payment status' ).state ===
				'paid'
		) {
			await callback;
			return Date.now() - started;
		}
		await sleep( 50 );
	}
	throw new Error(
		`Order ${ order.id } never showed paid on the status route`
	);
}

/**
 * @param context The bench context.
 * @return The scenario's rows.
 */
export async function timeToPaid( context: BenchContext ): Promise< Row[] > {
	const count = context.config.counts.timeToPaid;
	const orders = await prepareOrders( context, count, 'paid' );
	const panelBuilt = existsSync(
		join(
			context.store.paths.docroot,
			'wp-content/plugins/pay-via-proxyapi/build/payment-status.js'
		)
	);
	const samples: number[] = [];
	if ( panelBuilt ) {
		context.log( `time to paid: ${ count } orders, watched in Chromium` );
		// Debian's Chromium, launched exactly as the e2e suite launches it.
		const browser = await chromium.launch(
			playwrightConfig.use?.launchOptions
		);
		try {
			for ( const order of orders ) {
				samples.push( await inBrowser( browser, context, order ) );
			}
		} finally {
			await browser.close();
		}
	} else {
		context.log(
			`time to paid: no status panel build; ${ count } orders on the status route`
		);
		for ( const order of orders ) {
			samples.push( await byRoute( context, order ) );
		}
	}
	const figures = summarise( samples );
	return [
		row( {
			id: 'paid.median',
			scenario: SCENARIO,
			measure: panelBuilt
				? `median, callback sent to the order-received page showing paid (Chromium, ${ count } orders)`
				: `median, callback sent to the status route answering paid (no panel build; ${ count } orders)`,
			ours: ms( figures.median ),
			budget: BUDGETS.timeToPaidMs.label,
			verdict: judge( BUDGETS.timeToPaidMs, figures.median ),
		} ),
		row( {
			id: 'paid.p95',
			scenario: SCENARIO,
			measure: 'p95 (the panel asks every second while a prompt is live)',
			ours: ms( figures.p95 ),
		} ),
	];
}
