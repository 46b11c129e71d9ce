/**
 * The release zip installs cleanly: the owner deletes the deployed plugin, uploads dist/pay-via-proxyapi.zip
 * through Plugins › Add New › Upload Plugin, activates it, is shown the setup notice, and configures it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { test, expect } from '@playwright/test';
import { logInAsAdmin } from '../fixtures/admin';
import {
	GatewaySettings,
	STORE_API_KEY,
	setupNotice,
} from '../fixtures/first-hour';

const ROOT = join( __dirname, '..', '..', '..' );
const ZIP = join( ROOT, 'dist', 'pay-via-proxyapi.zip' );
const ROW = 'tr[data-plugin="pay-via-proxyapi/pay-via-proxyapi.php"]';

test.describe( 'The release zip', () => {
	test.describe.configure( { timeout: 600_000 } );

	test.beforeAll( () => {
		// What `npm run plugin-zip` does after the build run.sh already made: translations, then the zip.
		execFileSync( 'npm', [ 'run', '--silent', 'i18n' ], {
			cwd: ROOT,
			stdio: 'inherit',
		} );
		execFileSync( 'bash', [ 'tools/plugin-zip.sh' ], {
			cwd: ROOT,
			stdio: 'inherit',
		} );
		expect( existsSync( ZIP ) ).toBe( true );
	} );

	test( 'an owner replaces the plugin with the zip through the upload screen and sets it up', async ( {
		page,
	} ) => {
		await logInAsAdmin( page );
		page.on( 'dialog', ( dialog ) => dialog.accept() );

		await page.goto( '/wp-admin/plugins.php', {
			waitUntil: 'domcontentloaded',
		} );
		await page.locator( `${ ROW } .deactivate a` ).click();
		await page.locator( `${ ROW } .delete a` ).click();
		await expect( page.locator( ROW ) ).toHaveCount( 0, {
			timeout: 60_000,
		} );

		await page.goto( '/wp-admin/plugin-install.php?tab=upload', {
			waitUntil: 'domcontentloaded',
		} );
		await page.locator( '#pluginzip' ).setInputFiles( ZIP );
		await page.locator( '#install-plugin-submit' ).click();
		await expect( page.locator( '.wrap' ) ).toContainText(
			'Plugin installed successfully.',
			{ timeout: 60_000 }
		);
		await page.getByRole( 'link', { name: 'Activate Plugin' } ).click();
		await expect( page.locator( `${ ROW } .deactivate a` ) ).toBeVisible();

		// Deleting ran uninstall.php: the settings are gone, so the setup notice greets the owner.
		await expect( setupNotice( page ) ).toContainText(
			'not taking payments yet'
		);
		await expect(
			setupNotice( page ).locator(
				'[data-pvp-problem="api_key_missing"]'
			)
		).toBeVisible();

		const settings = new GatewaySettings( page );
		await settings.open();
		await settings.save( STORE_API_KEY, true );
		await page.goto( '/wp-admin/admin.php?page=wc-settings&tab=checkout', {
			waitUntil: 'domcontentloaded',
		} );
		await expect(
			page.getByText( 'Lipa na M-Pesa (Pay via ProxyAPI)' ).first()
		).toBeVisible();
		await expect( setupNotice( page ) ).toHaveCount( 0 );
		const installed = join(
			process.env.PVP_STORE_DIR ?? '',
			'www/wp-content/plugins/pay-via-proxyapi'
		);
		expect(
			existsSync( join( installed, 'build', 'checkout-block.js' ) )
		).toBe( true );
		expect(
			existsSync( join( installed, 'languages', 'pay-via-proxyapi.pot' ) )
		).toBe( true );
		expect( existsSync( join( installed, 'uninstall.php' ) ) ).toBe( true );
	} );
} );
