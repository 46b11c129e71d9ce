/**
 * External dependencies
 */
import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import apiFetch from '@wordpress/api-fetch';
import { addAction, removeAction } from '@wordpress/hooks';

/**
 * Internal dependencies
 */
import { PaymentStatusPanel } from '@pay-via-proxyapi/payment-status/payment-status-panel';
import { parseShopperStatus } from '@pay-via-proxyapi/payment-status/parse-status';
import { STATUS_CHANGED_ACTION } from '@pay-via-proxyapi/payment-status/status-changed';
import { AWAITING, PAID, failed, wire, type WireStatus } from './wire';

jest.mock( '@wordpress/api-fetch' );
const fetchMock = apiFetch as unknown as jest.Mock;

const ORDER = { orderId: 42, orderKey: 'wc_order_AbC123' };
const STATUS_PATH =
	'/pay-via-proxyapi/v1/orders/42/payment?key=wc_order_AbC123';
const ATTEMPTS_PATH = '/pay-via-proxyapi/v1/orders/42/payment/attempts';

function renderPanel( initial: WireStatus | null, allowResend = true ) {
	return render(
		<PaymentStatusPanel
			{ ...ORDER }
			initial={ initial === null ? null : parseShopperStatus( initial ) }
			allowResend={ allowResend }
		/>
	);
}

/**
 * Runs `work`, then lets the request promises it started settle (a few awaits each), all inside one act()
 * scope: React renders every update, and runs the effects, when the scope closes. Outside act, React would
 * render on its own schedule and the assertions after it would race.
 *
 * @param work What to do first, e.g. a click (`fireEvent`: user-event's own act handling would nest badly
 *             here) or moving the fake clock.
 */
async function settle( work: () => Promise< unknown > ): Promise< void > {
	await act( async () => {
		await work();
		for ( let turn = 0; turn < 20; turn++ ) {
			await Promise.resolve();
		}
	} );
}

/**
 * Moves the fake clock and lets what it starts finish.
 *
 * @param ms Milliseconds.
 */
async function advance( ms: number ): Promise< void > {
	await settle( () => jest.advanceTimersByTimeAsync( ms ) );
}

function liveRegion(): HTMLElement {
	return screen.getByRole( 'status' );
}

beforeEach( () => {
	jest.useFakeTimers();
	fetchMock.mockReset();
} );

afterEach( () => {
	jest.useRealTimers();
} );

describe( 'PaymentStatusPanel', () => {
	it.each( [
		[
			AWAITING,
			'Check your phone and enter your M-Pesa PIN',
			'We sent a payment prompt to 07•• ••• 678.',
		],
		[
			wire( 'delayed' ),
			'Waiting for M-Pesa',
			'We have not heard back from M-Pesa yet.',
		],
		[ PAID, 'Payment received', 'M-Pesa confirmed your payment.' ],
		[
			failed( '1032', 'Request cancelled by user' ),
			'Payment not completed',
			'You cancelled the payment on your phone.',
		],
		[
			failed( '4242', 'Odd failure' ),
			'Payment not completed',
			'“Odd failure”',
		],
		[
			wire( 'not_sent' ),
			'The M-Pesa prompt could not be sent',
			'Please try again in a moment',
		],
		[
			wire( 'on_hold', {
				resend: {
					allowed: false,
					reason: 'not_payable',
					available_in: null,
				},
			} ),
			'Payment being checked',
			'The store will check your payment',
		],
		[
			wire( 'closed', {
				resend: {
					allowed: false,
					reason: 'not_payable',
					available_in: null,
				},
			} ),
			'This order is closed',
			'no longer takes payments',
		],
		[ wire( 'none' ), 'No M-Pesa payment yet', 'Send an M-Pesa prompt' ],
	] )( 'shows the %o state in words', ( initial, heading, detail ) => {
		fetchMock.mockResolvedValue( initial );
		renderPanel( initial );

		expect( liveRegion() ).toHaveTextContent( heading );
		expect( liveRegion() ).toHaveTextContent( detail );
		expect( liveRegion() ).toHaveAttribute( 'aria-live', 'polite' );
	} );

	it( 'asks the store at once when the page had no status', async () => {
		fetchMock.mockResolvedValue( AWAITING );
		renderPanel( null );
		expect( liveRegion() ).toHaveTextContent(
			'Checking your M-Pesa payment'
		);

		await advance( 0 );

		expect( fetchMock ).toHaveBeenCalledWith( { path: STATUS_PATH } );
		expect( liveRegion() ).toHaveTextContent( 'Check your phone' );
	} );

	it( 'polls every second while the prompt is live and announces the payment', async () => {
		fetchMock
			.mockResolvedValueOnce( AWAITING )
			.mockResolvedValueOnce( PAID );
		renderPanel( AWAITING );

		await advance( 999 );
		expect( fetchMock ).not.toHaveBeenCalled();
		await advance( 1 );
		expect( fetchMock ).toHaveBeenCalledTimes( 1 );
		expect( liveRegion() ).toHaveTextContent( 'Check your phone' );

		await advance( 1000 );
		expect( fetchMock ).toHaveBeenCalledTimes( 2 );
		expect( liveRegion() ).toHaveTextContent( 'Payment received' );

		await advance( 60_000 );
		// A final state stops polling.
		expect( fetchMock ).toHaveBeenCalledTimes( 2 );
	} );

	it( 'keeps polling through a lost connection and says so', async () => {
		fetchMock
			.mockRejectedValueOnce( {
				code: 'fetch_error',
				message: 'You are probably offline.',
			} )
			.mockResolvedValueOnce( PAID );
		renderPanel( AWAITING );

		await advance( 1000 );
		expect( screen.getByRole( 'alert' ) ).toHaveTextContent(
			'We could not reach the store'
		);

		await advance( 1000 );
		expect( liveRegion() ).toHaveTextContent( 'Payment received' );
		expect( screen.queryByRole( 'alert' ) ).not.toBeInTheDocument();
	} );

	it( 'backs off as long as a 429 says, without alarming the shopper, then keeps polling', async () => {
		fetchMock
			.mockRejectedValueOnce( {
				code: 'pvp_too_many_requests',
				message: 'Too many status checks for this order.',
				data: { status: 429, available_in: 20 },
			} )
			.mockResolvedValueOnce( PAID );
		renderPanel( AWAITING );

		await advance( 1000 );
		expect( fetchMock ).toHaveBeenCalledTimes( 1 );
		expect( screen.queryByRole( 'alert' ) ).not.toBeInTheDocument();
		expect( liveRegion() ).toHaveTextContent( 'Check your phone' );

		await advance( 19_999 );
		expect( fetchMock ).toHaveBeenCalledTimes( 1 );
		await advance( 1 );
		expect( fetchMock ).toHaveBeenCalledTimes( 2 );
		expect( liveRegion() ).toHaveTextContent( 'Payment received' );
	} );

	it( 'fires the hooks action on each change of state, with the previous status and the order', async () => {
		const seen: Array< [ string, string | null, number ] > = [];
		addAction( STATUS_CHANGED_ACTION, 'test', ( next, previous, orderId ) =>
			seen.push( [ next.state, previous?.state ?? null, orderId ] )
		);
		try {
			fetchMock
				.mockResolvedValueOnce( AWAITING )
				.mockResolvedValueOnce( PAID );
			renderPanel( AWAITING );
			await advance( 2000 );
		} finally {
			removeAction( STATUS_CHANGED_ACTION, 'test' );
		}

		expect( seen ).toEqual( [
			[ 'awaiting', null, 42 ],
			[ 'paid', 'awaiting', 42 ],
		] );
	} );

	it( 'offers no resend while the prompt is live, only how long to wait', async () => {
		fetchMock.mockResolvedValue( AWAITING );
		renderPanel( AWAITING );

		expect(
			screen.queryByRole( 'button', { name: 'Resend the prompt' } )
		).not.toBeInTheDocument();
		expect(
			screen.getByText( /ask for a new one in 85 seconds/ )
		).toBeInTheDocument();
		await advance( 5000 );
		expect(
			screen.getByText(
				/ask for a new one in 85 seconds|in 8[0-4] seconds/
			)
		).toBeInTheDocument();
	} );

	it( 'says how long to wait after too many prompts', () => {
		renderPanel(
			wire( 'failed', {
				result_code: '1032',
				resend: {
					allowed: false,
					reason: 'too_many',
					available_in: 301,
				},
			} )
		);

		expect(
			screen.getByText( /You can ask for another in 6 minutes/ )
		).toBeInTheDocument();
		expect( screen.queryByRole( 'button' ) ).not.toBeInTheDocument();
	} );

	it( 'offers nothing once the order is paid', () => {
		renderPanel( PAID );

		expect( screen.queryByRole( 'button' ) ).not.toBeInTheDocument();
	} );

	it( 'offers nothing on the pay-for-order page, whose form is the retry', () => {
		renderPanel( failed( '1032' ), false );

		expect( screen.queryByRole( 'button' ) ).not.toBeInTheDocument();
		expect( liveRegion() ).toHaveTextContent( 'You cancelled the payment' );
	} );

	it( 'resends the prompt to the same number and follows the new prompt', async () => {
		fetchMock
			.mockResolvedValueOnce( AWAITING )
			.mockResolvedValueOnce( PAID );
		renderPanel( failed( '1032' ) );

		await settle( async () =>
			fireEvent.click(
				screen.getByRole( 'button', { name: 'Resend the prompt' } )
			)
		);

		expect( fetchMock ).toHaveBeenNthCalledWith( 1, {
			path: ATTEMPTS_PATH,
			method: 'POST',
			data: { key: 'wc_order_AbC123' },
		} );
		expect( liveRegion() ).toHaveTextContent( 'Check your phone' );
		// Polling starts again, at full speed, for the new prompt.
		await advance( 1000 );
		expect( fetchMock ).toHaveBeenNthCalledWith( 2, { path: STATUS_PATH } );
		expect( liveRegion() ).toHaveTextContent( 'Payment received' );
	} );

	it( 'sends another number, normalised, after checking it like the checkout does', async () => {
		const user = userEvent.setup( {
			advanceTimers: jest.advanceTimersByTime,
		} );
		fetchMock.mockResolvedValueOnce( AWAITING );
		renderPanel( failed( '2001' ) );

		await user.click(
			screen.getByRole( 'button', { name: 'Use another number' } )
		);
		const input = screen.getByLabelText( 'M-Pesa phone number' );
		expect( input ).toHaveAccessibleDescription(
			'The number that gets the M-Pesa prompt, e.g. 0712 345 678'
		);

		await user.type( input, '0812 345 678' );
		await user.click(
			screen.getByRole( 'button', { name: 'Send the prompt' } )
		);
		expect( screen.getByRole( 'alert' ) ).toHaveTextContent(
			'Enter a Safaricom M-Pesa number, e.g. 0712 345 678'
		);
		expect( input ).toHaveAttribute( 'aria-invalid', 'true' );
		expect( input ).toHaveFocus();
		// Nothing is sent for a bad number.
		expect( fetchMock ).not.toHaveBeenCalled();

		await user.clear( input );
		await user.type( input, '+254 110 000 000' );
		await settle( async () =>
			fireEvent.click(
				screen.getByRole( 'button', { name: 'Send the prompt' } )
			)
		);

		expect( fetchMock ).toHaveBeenCalledWith( {
			path: ATTEMPTS_PATH,
			method: 'POST',
			data: { key: 'wc_order_AbC123', phone: '254110000000' },
		} );
		expect( liveRegion() ).toHaveTextContent( 'Check your phone' );
		expect(
			screen.queryByLabelText( 'M-Pesa phone number' )
		).not.toBeInTheDocument();
	} );

	it( 'shows the store’s reason when a resend is refused, and its new view of the wait', async () => {
		fetchMock
			.mockRejectedValueOnce( {
				code: 'pvp_too_many_prompts',
				message:
					'You have asked for several M-Pesa prompts in a short time. Please try again in 9 minutes.',
				data: { status: 429, reason: 'too_many', available_in: 540 },
			} )
			.mockResolvedValueOnce(
				wire( 'failed', {
					result_code: '1032',
					resend: {
						allowed: false,
						reason: 'too_many',
						available_in: 540,
					},
				} )
			);
		renderPanel( failed( '1032' ) );

		await settle( async () =>
			fireEvent.click(
				screen.getByRole( 'button', { name: 'Resend the prompt' } )
			)
		);

		expect( screen.getByRole( 'alert' ) ).toHaveTextContent(
			'Please try again in 9 minutes.'
		);
		expect( fetchMock ).toHaveBeenCalledTimes( 2 );
		expect(
			screen.queryByRole( 'button', { name: 'Resend the prompt' } )
		).not.toBeInTheDocument();
		expect(
			screen.getByText( /You can ask for another in 9 minutes/ )
		).toBeInTheDocument();
	} );

	it( 'asks the store again once a wait is over, and then offers the resend', async () => {
		fetchMock.mockResolvedValueOnce( failed( '1032' ) );
		renderPanel(
			wire( 'failed', {
				result_code: '1032',
				resend: { allowed: false, reason: 'too_many', available_in: 2 },
			} )
		);
		expect(
			screen.queryByRole( 'button', { name: 'Resend the prompt' } )
		).not.toBeInTheDocument();

		await advance( 2000 );

		expect( fetchMock ).toHaveBeenCalledWith( { path: STATUS_PATH } );
		expect(
			screen.getByRole( 'button', { name: 'Resend the prompt' } )
		).toBeEnabled();
	} );
} );
