/**
 * Internal dependencies
 */
import {
	DEFAULT_QUERY,
	csvHref,
	periodPath,
	reportPath,
	sortedBy,
} from '@pay-via-proxyapi/admin-report/query';

describe( 'report query', () => {
	it( 'asks for a page with the defaults without the summary, which comes once per period', () => {
		expect( reportPath( DEFAULT_QUERY ) ).toBe(
			'/pay-via-proxyapi/v1/admin/reports/payments?summary=false'
		);
		expect( periodPath( 'summary', { ...DEFAULT_QUERY, page: 9 } ) ).toBe(
			'/pay-via-proxyapi/v1/admin/reports/payments/summary'
		);
	} );

	it( 'sends only what differs from the defaults, encoded', () => {
		expect(
			reportPath( {
				...DEFAULT_QUERY,
				status: 'paid',
				search: 'ws_CO 1&2',
				page: 3,
			} )
		).toBe(
			'/pay-via-proxyapi/v1/admin/reports/payments?status=paid&search=ws_CO+1%262&page=3&summary=false'
		);
	} );

	it( 'sends custom days only with the custom period', () => {
		const custom = {
			...DEFAULT_QUERY,
			period: 'custom' as const,
			after: '2026-11-01',
			before: '2026-11-30',
		};
		expect( reportPath( custom ) ).toBe(
			'/pay-via-proxyapi/v1/admin/reports/payments?period=custom&after=2026-11-01&before=2026-11-30&summary=false'
		);
		expect( reportPath( { ...custom, period: '7d' } ) ).toBe(
			'/pay-via-proxyapi/v1/admin/reports/payments?period=7d&summary=false'
		);
		expect(
			periodPath( 'cross-check', { ...custom, status: 'paid', page: 2 } )
		).toBe(
			'/pay-via-proxyapi/v1/admin/reports/payments/cross-check?period=custom&after=2026-11-01&before=2026-11-30'
		);
	} );

	it( 'builds the CSV link with the filters, the format and the nonce, but no page', () => {
		const href = csvHref(
			'http://shop.test/wp-json/pay-via-proxyapi/v1/admin/reports/payments',
			'abc123',
			{ ...DEFAULT_QUERY, status: 'failed', page: 4, per_page: 50 }
		);
		expect( href ).toBe(
			'http://shop.test/wp-json/pay-via-proxyapi/v1/admin/reports/payments?status=failed&format=csv&_wpnonce=abc123'
		);
	} );

	it( 'keeps rest_route on sites without pretty permalinks', () => {
		const href = csvHref(
			'http://shop.test/?rest_route=/pay-via-proxyapi/v1/admin/reports/payments',
			'abc123',
			DEFAULT_QUERY
		);
		const url = new URL( href );
		expect( url.searchParams.get( 'rest_route' ) ).toBe(
			'/pay-via-proxyapi/v1/admin/reports/payments'
		);
		expect( url.searchParams.get( 'format' ) ).toBe( 'csv' );
	} );

	it( 'sorts a new column newest first and flips the same column, back on page 1', () => {
		const byAmount = sortedBy( { ...DEFAULT_QUERY, page: 5 }, 'amount' );
		expect( byAmount ).toMatchObject( {
			orderby: 'amount',
			order: 'desc',
			page: 1,
		} );
		expect( sortedBy( byAmount, 'amount' ).order ).toBe( 'asc' );
		expect( sortedBy( DEFAULT_QUERY, 'date' ).order ).toBe( 'asc' );
	} );
} );
