/**
 * The store owner's M-Pesa report (WooCommerce › Reports › M-Pesa) on the real store, fed by real payments
 * through the ProxyAPI simulator: totals, filters, search, CSV, and the cross-check with ProxyAPI's list.
 */
import { readFile } from 'node:fs/promises';
import { test, expect } from '@playwright/test';
import {
	ADMIN_STATE,
	saveAdminSession,
	ReportTab,
	addProxyApiRow,
	checkOutWithMpesa,
	simulatorDone,
} from '../fixtures/mpesa-admin';
import { seriousViolations } from '../fixtures/axe';
import { OrderObserver, PHONES } from '../fixtures/store';

test.describe( 'M-Pesa report tab', () => {
	// Real payments plus wp-admin pages: on a busy two-core machine these take longer than the default.
	test.slow();
	test.beforeAll( async ( { browser } ) => saveAdminSession( browser ) );
	test.use( { storageState: ADMIN_STATE } );

	test( 'the owner sees new paid, failed and unpaid payments counted, finds them, and downloads them as CSV', async ( {
		page,
		request,
	} ) => {
		const observer = new OrderObserver( request );
		const report = new ReportTab( page );
		await report.open();
		const before = await report.figures();

		const paid = await checkOutWithMpesa( PHONES.pays );
		const failed = await checkOutWithMpesa( PHONES.cancels );
		const unpaid = await checkOutWithMpesa( PHONES.neverAnswers );
		await simulatorDone( request, paid.orderId );
		await simulatorDone( request, failed.orderId );
		await simulatorDone( request, unpaid.orderId );
		const receipt = (
			await observer.waitForStatus( paid.orderId, 'processing' )
		).transaction_id;
		await observer.waitForStatus( failed.orderId, 'failed' );

		await report.open();
		expect( await report.figures() ).toEqual( {
			paidOrders: before.paidOrders + 1,
			paidKes: before.paidKes + 100,
			failedOrders: before.failedOrders + 1,
			awaitingOrders: before.awaitingOrders + 1,
		} );

		// Newest first by default: the three new attempts lead the table.
		const firstOrders = await report
			.rows()
			.locator( 'td:nth-child(2)' )
			.allTextContents();
		expect( firstOrders.slice( 0, 3 ) ).toEqual( [
			`#${ unpaid.orderId }`,
			`#${ failed.orderId }`,
			`#${ paid.orderId }`,
		] );

		await report.filter( { search: receipt } );
		await expect( report.rows() ).toHaveCount( 1 );
		await expect( report.rows().first() ).toContainText(
			`#${ paid.orderId }`
		);
		await expect( report.rows().first() ).toContainText( 'Paid' );
		await expect( report.rows().first() ).toContainText( '2547****0000' );
		await expect( report.rows().first() ).toContainText(
			'Result by callback'
		);

		const csv = await report.downloadCsv();
		expect( csv.suggestedFilename() ).toMatch(
			/^mpesa-payments-\d{4}-\d{2}-\d{2}\.csv$/
		);
		const lines = (
			await readFile( ( await csv.path() ) as string, 'utf8' )
		)
			.trim()
			.split( '\n' );
		expect( lines[ 0 ] ).toContain( 'Date,Order,Receipt,Phone' );
		expect( lines ).toHaveLength( 2 );
		expect( lines[ 1 ] ).toContain( receipt );
		expect( lines[ 1 ] ).toContain( String( paid.orderId ) );

		await report.filter( {
			search: String( failed.orderId ),
			status: 'Failed',
		} );
		await expect( report.rows() ).toHaveCount( 1 );
		await expect( report.rows().first() ).toContainText(
			'Request cancelled by user'
		);

		await report.filter( { search: '', status: 'Unpaid (no result yet)' } );
		await expect( report.rows().first() ).toContainText(
			`#${ unpaid.orderId }`
		);
		for ( const status of await report
			.rows()
			.locator( 'td:nth-child(6)' )
			.allTextContents() ) {
			expect( [ 'Waiting for PIN', 'Sending' ] ).toContain( status );
		}

		await report
			.attempts()
			.getByRole( 'button', { name: /Amount/ } )
			.click();
		await expect(
			report.attempts().getByRole( 'columnheader', { name: /Amount/ } )
		).toHaveAttribute( 'aria-sort', 'descending' );

		// ProxyAPI told the store the account's due date in the paid payment's pvpCallback.
		await expect( report.root().locator( '.pvp-due-date' ) ).toContainText(
			'Your ProxyAPI PVP account is due on'
		);

		expect(
			await seriousViolations( page, [ '#pvp-admin-report' ] )
		).toEqual( [] );
	} );

	test( 'a payment ProxyAPI lists but the store never heard of needs attention, shown first', async ( {
		page,
		request,
	} ) => {
		const unique = `ws_CO_E2E${ Date.now() }`;
		await addProxyApiRow( request, {
			CheckoutRequestID: unique,
			MpesaTransactionID: `UKE${ String( Date.now() ).slice( -7 ) }`,
			Amount: 4200,
			AccountRef: '<img src=x onerror=alert(1)>',
			SenderMSISDN: '254722333444',
			SenderFirstName: '<script>alert(1)</script>',
			SenderLastName: 'Otieno',
			TransactionTime: new Date( Date.now() + 3 * 3600_000 )
				.toISOString()
				.replace( /\D/g, '' )
				.slice( 0, 14 ),
			Confirmed: true,
		} );
		const dialogs: string[] = [];
		page.on( 'dialog', ( dialog ) => {
			dialogs.push( dialog.message() );
			void dialog.dismiss();
		} );
		const report = new ReportTab( page );
		await report.open();

		const row = report
			.attention()
			.getByRole( 'row', { name: new RegExp( unique ) } );
		await expect( row ).toContainText(
			'M-Pesa says paid; the store has no such payment'
		);
		await expect( row ).toContainText( '<script>alert(1)</script> Otieno' );
		await expect( row ).toContainText(
			'listed as <img src=x onerror=alert(1)>'
		);
		await expect( row ).toContainText( '2547****3444' );
		await expect( row ).toContainText( /KES\s4,200/ );
		// Above the attempts table.
		const attentionBox = await report.attention().boundingBox();
		const attemptsBox = await report.attempts().boundingBox();
		expect( attentionBox?.y ?? Infinity ).toBeLessThan(
			attemptsBox?.y ?? 0
		);
		expect( dialogs ).toEqual( [] );
	} );

	test( 'with more attempts than a page holds, the owner pages through them and the pager passes axe', async ( {
		page,
	} ) => {
		const report = new ReportTab( page );
		await report.open();
		// Twenty rows a page: make sure there are at least 21 (earlier specs may have made most of them).
		for ( let made = await report.total(); made <= 20; made++ ) {
			await checkOutWithMpesa( PHONES.neverAnswers );
		}
		await report.open();
		await expect( report.rows() ).toHaveCount( 20 );
		const pages = Math.ceil( ( await report.total() ) / 20 );
		await expect( report.pager() ).toContainText( `Page 1 of ${ pages }` );

		await report
			.pager()
			.getByRole( 'button', { name: 'Next page' } )
			.press( 'Enter' );
		await expect( report.pager() ).toContainText( `Page 2 of ${ pages }` );
		await expect( report.liveRegion() ).toContainText(
			`Page 2 of ${ pages }`
		);
		await expect( report.rows().first() ).toBeVisible();

		expect(
			await seriousViolations( page, [ '#pvp-admin-report' ] )
		).toEqual( [] );
	} );

	test( 'the report is linked from the gateway settings and refused to customers', async ( {
		page,
		request,
	} ) => {
		await page.goto(
			'/wp-admin/admin.php?page=wc-settings&tab=checkout&section=proxyapi_pvp_settings'
		);
		await page
			.getByRole( 'link', { name: 'See M-Pesa payments (report)' } )
			.click();
		await expect(
			page.getByRole( 'heading', { name: 'M-Pesa payments' } )
		).toBeVisible();

		const anonymous = await request.get(
			'/wp-json/pay-via-proxyapi/v1/admin/reports/payments?format=csv'
		);
		expect( anonymous.status() ).toBe( 401 );
	} );
} );
