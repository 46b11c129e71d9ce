/**
 * External dependencies
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import { OrderPanel } from '@pay-via-proxyapi/admin-order-panel/order-panel';
import { readOrderPanelData } from '@pay-via-proxyapi/admin-order-panel/screen-data';
import type {
	OrderPayment,
	PaymentAttempt,
} from '@pay-via-proxyapi/types/pay-via-proxyapi';
import { SCREEN } from '../admin-report/fixtures';

jest.mock( '@wordpress/api-fetch' );
jest.mock( '@wordpress/components', () =>
	jest.requireActual( '../admin-report/wp-components' )
);
const fetchMock = apiFetch as unknown as jest.Mock;

function attempt( changes: Partial< PaymentAttempt > = {} ): PaymentAttempt {
	return {
		request_id: 'REQ1',
		merchant_request_id: '29115-34620561-1',
		checkout_request_id: 'ws_CO_1',
		phone: '2547****1032',
		amount: 100,
		status: 'failed',
		result_code: '1032',
		result_desc: 'Request cancelled by user',
		receipt: '',
		created_at: 1_796_000_000,
		accepted_at: 1_796_000_001,
		settled_at: 1_796_000_030,
		reconciliation: 'callback',
		reconcile_runs: 0,
		reconcile_next_at: 0,
		settled_by: 'stk',
		amount_paid: null,
		events: [
			{
				kind: 'stk',
				at: 1_796_000_030,
				result_code: '1032',
				decision: 'fail',
				outcome: '',
			},
		],
		...changes,
	};
}

function payment( changes: Partial< OrderPayment > = {} ): OrderPayment {
	return {
		order_id: 42,
		order_number: '42',
		status: 'pending',
		status_label: 'Pending payment',
		is_paid: false,
		currency: 'KES',
		total: '100.00',
		total_due: 100,
		amount_paid: 0,
		receipt: '',
		legacy: false,
		payer: { name: '', phone: '', transaction_time: '' },
		attempts: [
			attempt(),
			attempt( {
				request_id: 'REQ2',
				checkout_request_id: 'ws_CO_2',
				phone: '2547****9000',
				status: 'awaiting',
				result_code: '',
				result_desc: '',
				settled_at: 0,
				reconciliation: 'waiting',
				settled_by: '',
				events: [],
			} ),
		],
		can_reconcile: true,
		phones_in_full: false,
		...changes,
	};
}

const PAID = payment( {
	status: 'processing',
	status_label: 'Processing',
	is_paid: true,
	amount_paid: 100,
	receipt: 'UKA1B2C3D4',
	payer: {
		name: 'Jane Doe',
		phone: '2547****9000',
		transaction_time: '20261201003000',
	},
	can_reconcile: false,
	attempts: [
		attempt(),
		attempt( {
			request_id: 'REQ2',
			checkout_request_id: 'ws_CO_2',
			status: 'paid',
			result_code: '0',
			result_desc: 'Paid (ProxyAPI report).',
			receipt: 'UKA1B2C3D4',
			reconciliation: 'reconciled',
			reconcile_runs: 1,
			settled_by: 'report',
			events: [
				{
					kind: 'report',
					at: 1_796_000_400,
					result_code: '0',
					decision: 'complete',
					outcome: '',
				},
			],
		} ),
	],
} );

beforeEach( () => {
	fetchMock.mockReset();
} );

describe( 'OrderPanel', () => {
	it( 'shows every attempt, newest first, with ids, result and the callbacks received', () => {
		render( <OrderPanel initial={ payment() } formatting={ SCREEN } /> );
		const attempts = screen.getAllByRole( 'listitem' );
		expect( attempts ).toHaveLength( 2 );
		expect(
			within( attempts[ 0 ] ).getByRole( 'heading', {
				name: 'Attempt 2: Waiting for PIN',
			} )
		).toBeInTheDocument();
		expect( attempts[ 0 ] ).toHaveTextContent( 'ws_CO_2' );
		expect( attempts[ 0 ] ).toHaveTextContent( 'Waiting for a result' );
		expect( within( attempts[ 0 ] ).queryByRole( 'table' ) ).toBeNull();

		expect(
			within( attempts[ 1 ] ).getByRole( 'heading', {
				name: 'Attempt 1: Failed',
			} )
		).toBeInTheDocument();
		expect( attempts[ 1 ] ).toHaveTextContent(
			'1032: Request cancelled by user'
		);
		expect( attempts[ 1 ] ).toHaveTextContent( 'REQ1' );
		expect( attempts[ 1 ] ).toHaveTextContent( '29115-34620561-1' );
		const events = within( attempts[ 1 ] ).getByRole( 'table', {
			name: 'Callbacks and status checks',
		} );
		expect( within( events ).getAllByRole( 'row' )[ 1 ] ).toHaveTextContent(
			/M-Pesa result \(stkCallback\).*1032.*marked the order failed/
		);
	} );

	it( 'shows the amount paid against the order total, the receipt and the payer', () => {
		render( <OrderPanel initial={ PAID } formatting={ SCREEN } /> );
		expect( screen.getByText( 'Paid' ).nextSibling ).toHaveTextContent(
			/^KES\s100 of KES\s100$/
		);
		expect(
			screen.getByText( 'M-Pesa receipt' ).nextSibling
		).toHaveTextContent( 'UKA1B2C3D4' );
		expect( screen.getByText( 'Payer' ).nextSibling ).toHaveTextContent(
			'Jane Doe, 2547****9000'
		);
		expect(
			screen.getByText( 'Paid at (M-Pesa time)' ).nextSibling
		).toHaveTextContent( /Dec 1, 2026/ );
		expect(
			screen.queryByRole( 'button', {
				name: 'Check status with M-Pesa now',
			} )
		).toBeNull();
	} );

	it( 'checks the status with M-Pesa, then re-reads its own data and announces the result', async () => {
		fetchMock
			.mockResolvedValueOnce( {
				outcome: 'settled',
				decision: 'complete',
				message:
					'M-Pesa had a result for this payment; the order was updated.',
				order_status: 'processing',
			} )
			.mockResolvedValueOnce( PAID );
		const user = userEvent.setup();
		render( <OrderPanel initial={ payment() } formatting={ SCREEN } /> );

		await user.click(
			screen.getByRole( 'button', {
				name: 'Check status with M-Pesa now',
			} )
		);

		await waitFor( () =>
			expect( screen.getByRole( 'status' ) ).toHaveTextContent(
				'M-Pesa had a result for this payment; the order was updated.'
			)
		);
		expect(
			fetchMock.mock.calls.map( ( [ options ] ) => options )
		).toEqual( [
			{
				path: '/pay-via-proxyapi/v1/admin/orders/42/reconcile',
				method: 'POST',
			},
			{ path: '/pay-via-proxyapi/v1/admin/orders/42/payment' },
		] );
		expect(
			screen.getByText( 'M-Pesa receipt' ).nextSibling
		).toHaveTextContent( 'UKA1B2C3D4' );
		expect(
			within( screen.getAllByRole( 'listitem' )[ 0 ] ).getByRole(
				'table'
			)
		).toHaveTextContent(
			/Status check with ProxyAPI.*completed the order/
		);
	} );

	it( 'works from the keyboard: the button keeps the focus while it checks, then the focus goes to the updated history', async () => {
		let answer: ( value: unknown ) => void = () => undefined;
		fetchMock
			.mockReturnValueOnce(
				new Promise( ( resolve ) => {
					answer = resolve;
				} )
			)
			.mockResolvedValueOnce( PAID );
		const user = userEvent.setup();
		render( <OrderPanel initial={ payment() } formatting={ SCREEN } /> );
		const button = screen.getByRole( 'button', {
			name: 'Check status with M-Pesa now',
		} );

		await user.tab();
		expect( button ).toHaveFocus();
		await user.keyboard( '{Enter}' );
		expect( screen.getByRole( 'status' ) ).toHaveTextContent(
			'Asking M-Pesa for this payment’s status…'
		);
		expect( button ).toHaveAttribute( 'aria-disabled', 'true' );
		expect( button ).toHaveFocus();
		await user.keyboard( '{Enter}' );
		expect( fetchMock ).toHaveBeenCalledTimes( 1 );

		answer( {
			outcome: 'settled',
			decision: 'complete',
			message:
				'M-Pesa had a result for this payment; the order was updated.',
			order_status: 'processing',
		} );
		await waitFor( () =>
			expect( screen.getByRole( 'status' ) ).toHaveTextContent(
				'M-Pesa had a result for this payment; the order was updated.'
			)
		);
		expect(
			screen.queryByRole( 'button', {
				name: 'Check status with M-Pesa now',
			} )
		).toBeNull();
		expect(
			screen.getByRole( 'heading', { name: 'Payment attempts' } )
		).toHaveFocus();
		expect( fetchMock ).toHaveBeenCalledTimes( 2 );
	} );

	it( 'says when M-Pesa has no result yet, and when the check could not be made', async () => {
		fetchMock
			.mockResolvedValueOnce( {
				outcome: 'no_result',
				order_status: 'pending',
			} )
			.mockResolvedValueOnce( payment() )
			.mockRejectedValueOnce( {
				code: 'rest_no_route',
				message:
					'No route was found matching the URL and request method.',
				data: { status: 404 },
			} );
		const user = userEvent.setup();
		render( <OrderPanel initial={ payment() } formatting={ SCREEN } /> );
		const button = screen.getByRole( 'button', {
			name: 'Check status with M-Pesa now',
		} );

		await user.click( button );
		await waitFor( () =>
			expect( screen.getByRole( 'status' ) ).toHaveTextContent(
				'M-Pesa has no result for this payment yet.'
			)
		);
		await user.click( button );
		await waitFor( () =>
			expect( screen.getByRole( 'status' ) ).toHaveTextContent(
				'No route was found matching the URL and request method.'
			)
		);
		expect(
			screen.getByRole( 'status' ).querySelector( '.is-error' )
		).not.toBeNull();
		expect( button ).toBeEnabled();
	} );

	it( 'shows attacker-controlled callback text as text, never as markup', () => {
		const evil = '</script><script>window.pwned=true</script><b>bold</b>';
		const { container } = render(
			<OrderPanel
				initial={ payment( {
					payer: {
						name: evil,
						phone: '2547****0000',
						transaction_time: evil,
					},
					attempts: [ attempt( { result_desc: evil } ) ],
				} ) }
				formatting={ SCREEN }
			/>
		);
		expect( container.querySelector( 'script, b' ) ).toBeNull();
		expect(
			screen.getAllByText( evil, { exact: false } ).length
		).toBeGreaterThanOrEqual( 2 );
	} );

	it( 'reads its inline data and refuses data without an order', () => {
		const data = {
			...SCREEN,
			rootId: 'pvp-order-panel',
			payment: payment(),
		};
		expect( readOrderPanelData( data ).payment.order_id ).toBe( 42 );
		expect( () =>
			readOrderPanelData( { ...SCREEN, rootId: 'x' } )
		).toThrow( /incomplete/ );
	} );

	it( 'explains 2.2.7 orders', () => {
		render(
			<OrderPanel
				initial={ payment( { legacy: true, can_reconcile: false } ) }
				formatting={ SCREEN }
			/>
		);
		expect(
			screen.getByText( /Pay via ProxyAPI 2\.2\.7/ )
		).toBeInTheDocument();
	} );
} );
