/**
 * Translations load: a small fake locale (sw_KE), compiled by tools/i18n into the .mo file and the Checkout
 * block's JSON, is seen by a shopper in the Checkout block and by the owner in a PHP-rendered screen.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { test, expect, type BrowserContext } from '@playwright/test';
import { CheckoutPage, WANJIKU } from '../fixtures/checkout-page';
import { STORE_URL } from '../fixtures/store';
import { logInAsAdmin } from '../fixtures/admin';
import { SETTINGS_PATH } from '../fixtures/first-hour';
import { jedFileName, parsePo, toJed, toMo } from '../../../tools/i18n/pot';
import { scriptSources } from '../../../tools/i18n/sources';

const ROOT = join( __dirname, '..', '..', '..' );
const LOCALE = 'sw_KE';
const DOMAIN = 'pay-via-proxyapi';

const PO = `msgid ""
msgstr ""
"Language: ${ LOCALE }\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

#: assets-src/checkout-block/content.tsx
msgid "M-Pesa phone number"
msgstr "Nambari ya simu ya M-Pesa"

#: src/Admin/SettingsScreen.php
msgid "Connection to ProxyAPI"
msgstr "Muunganisho na ProxyAPI"
`;

/** The deployed plugin's languages folder in the e2e store (run.sh exports PVP_STORE_DIR). */
function storeLanguages(): string {
	const dir = process.env.PVP_STORE_DIR;
	if ( ! dir ) {
		throw new Error(
			'PVP_STORE_DIR is not set: run through tests/e2e/run.sh'
		);
	}
	return join( dir, 'www', 'wp-content', 'plugins', DOMAIN, 'languages' );
}

const written: string[] = [];

async function inSwahili( context: BrowserContext ): Promise< void > {
	await context.addCookies( [
		{ name: 'pvp_e2e_locale', value: LOCALE, url: STORE_URL },
	] );
}

test.describe( 'Translations', () => {
	test.describe.configure( { timeout: 600_000 } );

	test.beforeAll( () => {
		const languages = storeLanguages();
		mkdirSync( languages, { recursive: true } );
		const mo = join( languages, `${ DOMAIN }-${ LOCALE }.mo` );
		writeFileSync( mo, toMo( PO ) );
		written.push( mo );
		const translations = parsePo( PO, LOCALE );
		for ( const [ script, sources ] of scriptSources( ROOT ) ) {
			const jed = toJed( translations, sources );
			if ( jed ) {
				const json = join(
					languages,
					jedFileName( DOMAIN, LOCALE, script )
				);
				writeFileSync( json, JSON.stringify( jed ) );
				written.push( json );
			}
		}
		expect(
			written.length,
			'the .mo and the Checkout block JSON'
		).toBeGreaterThanOrEqual( 2 );
	} );

	test.afterAll( () => {
		written.forEach( ( file ) => rmSync( file, { force: true } ) );
	} );

	test( 'a shopper browsing in Swahili sees the M-Pesa field label translated in the Checkout block', async ( {
		page,
		context,
	} ) => {
		await inSwahili( context );
		const checkout = new CheckoutPage( page );
		await checkout.reachMpesaAtCheckout( WANJIKU );
		await expect(
			page.getByLabel( 'Nambari ya simu ya M-Pesa' )
		).toBeVisible();
	} );

	test( 'the owner browsing in Swahili sees a translated heading rendered by PHP, others still English', async ( {
		page,
		context,
	} ) => {
		await logInAsAdmin( page );
		await page.goto( SETTINGS_PATH, { waitUntil: 'domcontentloaded' } );
		await expect(
			page.getByRole( 'heading', { name: 'Connection to ProxyAPI' } )
		).toBeVisible();
		await inSwahili( context );
		await page.goto( SETTINGS_PATH, { waitUntil: 'domcontentloaded' } );
		await expect(
			page.getByRole( 'heading', { name: 'Muunganisho na ProxyAPI' } )
		).toBeVisible();
	} );
} );
