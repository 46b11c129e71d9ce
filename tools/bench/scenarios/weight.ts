/**
 * 5: front-end weight. The gzip size of every built script and style (what a browser downloads from a
 * compressing server), with budgets for the checkout-block script and the admin bundles; and which pages
 * carry any script or style of this plugin: none of the shop, product and cart pages may. The checkout page
 * (with a product in the cart) must carry it, which proves the check can see it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { BUDGETS, judge, type Budget } from '../budgets';
import type { BenchContext } from '../context';
import { expectStatus, timed } from '../http';
import { kb, row, type Row } from '../results';

const SCENARIO = '5 Front-end weight';
const MENTION = /pay-via-proxyapi/g;
const TAG = /<(script|link|style)\b[^>]*>/g;
/**
 * A tag that makes the browser fetch or run something of ours: a file from the plugin's folder, or an
 * inline script or style of one of our handles (id pay-via-proxyapi-<entry>-js-before, -css, …).
 */
const OURS =
	/\b(?:src|href)=["'][^"']*\/plugins\/pay-via-proxyapi\/|\bid=["']pay-via-proxyapi-/;

/**
 * @param html A page.
 * @return Our scripts (script tags) and styles (link and style tags) on it, and the page's other mentions.
 */
function ourTags( html: string ): {
	scripts: string[];
	styles: string[];
	mentions: number;
} {
	const tags = [ ...html.matchAll( TAG ) ].filter( ( tag ) =>
		OURS.test( tag[ 0 ] )
	);
	const idOf = ( tag: string ) =>
		/\bid=["']([^"']+)/.exec( tag )?.[ 1 ] ?? 'inline';
	return {
		scripts: tags
			.filter( ( t ) => t[ 1 ] === 'script' )
			.map( ( t ) => idOf( t[ 0 ] ) ),
		styles: tags
			.filter( ( t ) => t[ 1 ] !== 'script' )
			.map( ( t ) => idOf( t[ 0 ] ) ),
		mentions: ( html.match( MENTION ) ?? [] ).length,
	};
}

/** Entries the shopper's browser loads; every other entry is an admin screen's. */
const SHOPPER_ENTRIES = [ 'checkout-block', 'payment-status' ];

/**
 * The issue budgets the checkout-block script and every admin bundle (script and style).
 *
 * @param file A built file's name.
 * @return Its budget, or null.
 */
function budgetOf( file: string ): Budget | null {
	if ( file === 'checkout-block.js' ) {
		return BUDGETS.checkoutBlockGzip;
	}
	const entry = file.replace( /(-rtl)?\.(js|css)$/, '' );
	return SHOPPER_ENTRIES.includes( entry ) ? null : BUDGETS.adminBundleGzip;
}

function sizeRows( buildDir: string ): Row[] {
	return readdirSync( buildDir )
		.filter( ( file ) => /\.(js|css)$/.test( file ) )
		.sort()
		.map( ( file ) => {
			const raw = readFileSync( join( buildDir, file ) );
			const gzipped = gzipSync( raw, { level: 9 } ).length;
			const budget = budgetOf( file );
			return row( {
				id: `weight.${ file }`,
				scenario: SCENARIO,
				measure: `build/${ file }, gzip`,
				ours: kb( gzipped ),
				baseline: `${ kb( raw.length ) } raw`,
				budget: budget?.label ?? '',
				verdict: budget ? judge( budget, gzipped ) : 'info',
			} );
		} );
}

/**
 * A cookie-keeping visitor: the checkout page needs a cart session.
 * @param context
 */
async function checkoutPageWithCart(
	context: BenchContext
): Promise< string > {
	const added = await timed(
		`${ context.store.url }/?add-to-cart=${ context.store.product_id }`
	);
	const cookie = added.headers
		.getSetCookie()
		.map( ( line ) => line.split( ';', 1 )[ 0 ] )
		.join( '; ' );
	const page = await timed( context.store.urls.checkout, {
		headers: { Cookie: cookie },
	} );
	return expectStatus( page, 'the checkout page with a cart' ).text;
}

/**
 * Scripts and styles of ours the page loads (the budget), named by their tag ids. Mentions elsewhere do
 * not load anything: WooCommerce's mini-cart lists every active payment method's script, to fetch only if
 * the shopper opens its drawer.
 * @param page
 * @param html
 * @param mustCarry
 */
function pageRow( page: string, html: string, mustCarry: boolean ): Row {
	const found = ourTags( html );
	const loaded = found.scripts.length + found.styles.length;
	const budget = mustCarry ? BUDGETS.present : BUDGETS.assetsOnPage;
	const names = [ ...found.scripts, ...found.styles ].join( ', ' );
	return row( {
		id: `weight.page.${ page }`,
		scenario: SCENARIO,
		measure: `scripts and styles of ours on the ${ page } page${ names ? ` (${ names })` : '' }`,
		ours: `${ found.scripts.length } + ${ found.styles.length }`,
		baseline: `${ found.mentions } mentions in the HTML`,
		budget: budget.label,
		verdict: judge( budget, loaded ),
	} );
}

/**
 * @param context The bench context.
 * @return The scenario's rows.
 */
export async function frontEndWeight(
	context: BenchContext
): Promise< Row[] > {
	// The copy the store serves: build/ in the repository may be rebuilt by someone meanwhile.
	const rows = sizeRows(
		join(
			context.store.paths.docroot,
			'wp-content/plugins/pay-via-proxyapi/build'
		)
	);
	const { shop, product, cart } = context.store.urls;
	for ( const [ page, url ] of Object.entries( { shop, product, cart } ) ) {
		const html = expectStatus(
			await timed( url ),
			`the ${ page } page`
		).text;
		rows.push( pageRow( page, html, false ) );
	}
	rows.push(
		pageRow( 'checkout', await checkoutPageWithCart( context ), true )
	);
	return rows;
}
