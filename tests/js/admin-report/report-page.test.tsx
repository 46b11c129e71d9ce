/**
 * External dependencies
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import { ReportPage } from '@pay-via-proxyapi/admin-report/report-page';
import type {
	CrossCheckResult,
	PaymentReportPage,
} from '@pay-via-proxyapi/types/pay-via-proxyapi';
import { SCREEN, attention, crossCheck, page, row } from './fixtures';

jest.mock( '@wordpress/api-fetch' );
jest.mock( '@wordpress/components', () =>
	jest.requireActual( './wp-components' )
);
const fetchMock = apiFetch as unknown as jest.Mock;

const REPORT = '/pay-via-proxyapi/v1/admin/reports/payments';

/**
 * Answers the two report routes; records every path asked.
 *
 * @param report What the payments route answers (a function of the path, for filters).
 * @param check  What the cross-check route answers, or an Error to reject with.
 */
function serve(
	report: ( path: string ) => PaymentReportPage,
	check: CrossCheckResult | Error = crossCheck( [] )
): void {
	fetchMock.mockImplementation( ( { path }: { path: string } ) => {
		if ( path.startsWith( `${ REPORT }/summary` ) ) {
			return Promise.resolve( page( [] ).summary );
		}
		if ( path.startsWith( `${ REPORT }/cross-check` ) ) {
			return check instanceof Error
				? Promise.reject( check )
				: Promise.resolve( check );
		}
		return Promise.resolve( report( path ) );
	} );
}

function askedPaths(): string[] {
	return fetchMock.mock.calls.map( ( [ options ] ) => options.path );
}

function attemptsTable(): HTMLElement {
	return screen.getByRole( 'table', { name: 'M-Pesa payment attempts' } );
}

beforeEach( () => {
	fetchMock.mockReset();
} );

describe( 'ReportPage', () => {
	it( 'shows the summary and one row per attempt, with links to the orders', async () => {
		serve( () =>
			page( [
				row(),
				row( {
					order_id: 43,
					order_number: '43',
					request_id: 'REQ43',
					status: 'failed',
					receipt: '',
					result_code: '1032',
					result_desc: 'Request cancelled by user',
				} ),
			] )
		);
		render( <ReportPage data={ SCREEN } now={ 1_796_000_000 } /> );

		const table = await screen.findByRole( 'table', {
			name: 'M-Pesa payment attempts',
		} );
		const rows = within( table ).getAllByRole( 'row' );
		expect( rows ).toHaveLength( 3 );
		expect(
			within( rows[ 1 ] ).getByRole( 'link', { name: '#42' } )
		).toHaveAttribute(
			'href',
			'/wp-admin/admin.php?page=wc-orders&action=edit&id=42'
		);
		expect( rows[ 1 ] ).toHaveTextContent( 'UKA1B2C3D4' );
		expect( rows[ 1 ] ).toHaveTextContent( '2547****0000' );
		expect( rows[ 1 ] ).toHaveTextContent( /KES\s1,500/ );
		expect( rows[ 1 ] ).toHaveTextContent( 'Result by callback' );
		expect( rows[ 2 ] ).toHaveTextContent( 'Failed' );
		expect( rows[ 2 ] ).toHaveTextContent( 'Request cancelled by user' );

		expect(
			screen.getByText( 'Paid orders' ).nextSibling
		).toHaveTextContent( /^2 \(KES\s3,000\)$/ );
		expect(
			screen.getByText( 'Success rate' ).nextSibling
		).toHaveTextContent( '66.7%' );
		expect( screen.getByRole( 'status' ) ).toHaveTextContent(
			'2 payment attempts found. Page 1 of 1.'
		);
	} );

	it( 'asks the route with the chosen filters when they are applied, not while typing', async () => {
		serve( () => page( [ row() ] ) );
		const user = userEvent.setup();
		render( <ReportPage data={ SCREEN } /> );
		await screen.findByRole( 'table', { name: 'M-Pesa payment attempts' } );

		await user.selectOptions( screen.getByLabelText( 'Period' ), 'custom' );
		await user.type( screen.getByLabelText( 'From' ), '2026-11-01' );
		await user.type( screen.getByLabelText( 'To' ), '2026-11-15' );
		await user.selectOptions( screen.getByLabelText( 'Status' ), 'unpaid' );
		await user.type( screen.getByLabelText( 'Search' ), ' 0712 345 678 ' );
		expect( askedPaths() ).toEqual( [
			`${ REPORT }?summary=false`,
			`${ REPORT }/summary`,
			`${ REPORT }/cross-check`,
		] );

		await user.click(
			screen.getByRole( 'button', { name: 'Apply filters' } )
		);
		await waitFor( () =>
			expect( askedPaths() ).toContain(
				`${ REPORT }?period=custom&after=2026-11-01&before=2026-11-15&status=unpaid&search=0712+345+678&summary=false`
			)
		);
		expect( askedPaths() ).toContain(
			`${ REPORT }/cross-check?period=custom&after=2026-11-01&before=2026-11-15`
		);
		expect( askedPaths() ).toContain(
			`${ REPORT }/summary?period=custom&after=2026-11-01&before=2026-11-15`
		);
	} );

	it( 'sorts by a column header and pages through the results', async () => {
		serve( ( path ) =>
			page( [ row() ], {
				total: 45,
				pages: 3,
				page: path.includes( 'page=2' ) ? 2 : 1,
			} )
		);
		const user = userEvent.setup();
		render( <ReportPage data={ SCREEN } /> );
		const table = await screen.findByRole( 'table', {
			name: 'M-Pesa payment attempts',
		} );
		expect(
			within( table ).getByRole( 'columnheader', { name: /Date/ } )
		).toHaveAttribute( 'aria-sort', 'descending' );

		await user.click(
			within( table ).getByRole( 'button', { name: /Amount/ } )
		);
		await waitFor( () =>
			expect( askedPaths() ).toContain(
				`${ REPORT }?orderby=amount&summary=false`
			)
		);
		expect(
			within( attemptsTable() ).getByRole( 'columnheader', {
				name: /Amount/,
			} )
		).toHaveAttribute( 'aria-sort', 'descending' );

		await user.click( screen.getByRole( 'button', { name: 'Next page' } ) );
		await waitFor( () =>
			expect( askedPaths() ).toContain(
				`${ REPORT }?orderby=amount&page=2&summary=false`
			)
		);
		expect( await screen.findByText( 'Page 2 of 3' ) ).toBeInTheDocument();
		// Sorting and paging keep the period: its summary and cross-check are not asked for again.
		expect(
			askedPaths().filter(
				( path ) =>
					! path.includes( '?' ) ||
					! path.startsWith( `${ REPORT }?` )
			)
		).toEqual( [ `${ REPORT }/summary`, `${ REPORT }/cross-check` ] );
	} );

	it( 'offers a CSV link with the current filters and the REST nonce', async () => {
		serve( () => page( [ row() ] ) );
		const user = userEvent.setup();
		render( <ReportPage data={ SCREEN } /> );
		await user.selectOptions( screen.getByLabelText( 'Status' ), 'paid' );
		await user.click(
			screen.getByRole( 'button', { name: 'Apply filters' } )
		);

		const link = screen.getByRole( 'link', { name: /Download CSV/ } );
		expect( link ).toHaveAttribute(
			'href',
			`${ SCREEN.csvUrl }?status=paid&format=csv&_wpnonce=n0nce`
		);
	} );

	it( 'lists what needs attention above the attempts, in the order the server ranked it', async () => {
		serve(
			() => page( [ row() ] ),
			crossCheck( [
				attention( {
					kind: 'not_completed',
					checkout_request_id: 'ws_CO_LOST',
					order_id: 44,
					order_number: '44',
					local_status: 'awaiting',
				} ),
				attention(),
				attention( {
					kind: 'not_listed',
					checkout_request_id: 'ws_CO_STORE_ONLY',
				} ),
			] )
		);
		render( <ReportPage data={ SCREEN } /> );

		const needs = await screen.findByRole( 'table', {
			name: 'Needs attention: 3 payments',
		} );
		const rows = within( needs ).getAllByRole( 'row' ).slice( 1 );
		expect(
			rows.map(
				( r ) => within( r ).getByRole( 'rowheader' ).textContent
			)
		).toEqual( [
			'M-Pesa says paid; the order is not paid',
			'M-Pesa says paid; the store has no such payment',
			'The store says paid; ProxyAPI does not list it as paid',
		] );
		expect(
			within( rows[ 0 ] ).getByRole( 'link', { name: '#44' } )
		).toBeInTheDocument();
		expect( rows[ 1 ] ).toHaveTextContent( 'listed as 9999' );
		// "Shown first": the attention table comes before the attempts table in the page.
		const tables = screen.getAllByRole( 'table' );
		expect( tables.indexOf( needs ) ).toBeLessThan(
			tables.indexOf( attemptsTable() )
		);
	} );

	it( 'still shows the store’s records, with a clear notice, when ProxyAPI cannot be reached', async () => {
		serve(
			() => page( [ row() ] ),
			crossCheck( [], {
				available: false,
				reason: 'transport',
				message: 'Could not reach the payment provider (timeout).',
			} )
		);
		render( <ReportPage data={ SCREEN } /> );
		expect(
			await screen.findByText( /ProxyAPI could not be reached/ )
		).toHaveTextContent(
			'Could not reach the payment provider (timeout).'
		);
		expect( attemptsTable() ).toBeInTheDocument();
	} );

	it( 'says why when the report itself is refused', async () => {
		fetchMock.mockRejectedValue( {
			code: 'pvp_rest_forbidden',
			message: 'Sorry, you are not allowed to see M-Pesa payments.',
			data: { status: 403 },
		} );
		render( <ReportPage data={ SCREEN } /> );
		expect(
			await screen.findAllByText(
				/You are not allowed to see M-Pesa payments/
			)
		).not.toHaveLength( 0 );
	} );

	it( 'shows attacker-controlled callback text as text, never as markup', async () => {
		const evil =
			'<script>window.pwned = true</script><img src=x onerror="window.pwned=true">';
		serve(
			() => page( [ row( { result_desc: evil } ) ] ),
			crossCheck( [
				attention( { payer: evil, account_reference: evil } ),
			] )
		);
		const { container } = render( <ReportPage data={ SCREEN } /> );
		await screen.findByRole( 'table', { name: /Needs attention/ } );
		await screen.findByRole( 'table', { name: 'M-Pesa payment attempts' } );

		expect( container.querySelector( 'script' ) ).toBeNull();
		expect( container.querySelector( 'img' ) ).toBeNull();
		expect(
			screen.getAllByText( evil, { exact: false } ).length
		).toBeGreaterThanOrEqual( 2 );
		expect(
			( window as unknown as { pwned?: boolean } ).pwned
		).toBeUndefined();
	} );
} );
