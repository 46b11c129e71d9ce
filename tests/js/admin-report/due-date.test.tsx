/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { dueDateUrgency } from '@pay-via-proxyapi/admin-report/due-date';
import { DueDateNotice } from '@pay-via-proxyapi/admin-report/due-date-notice';
import { SCREEN } from './fixtures';

jest.mock( '@wordpress/components', () =>
	jest.requireActual( './wp-components' )
);

const NOW = 1_796_000_000;
const DAY = 86_400;

describe( 'account due date', () => {
	it.each( [
		[ -DAY, 'urgent' ],
		[ 2 * DAY, 'urgent' ],
		[ 2 * DAY + 1, 'soon' ],
		[ 7 * DAY, 'soon' ],
		[ 7 * DAY + 1, 'later' ],
	] )(
		'is %p seconds away: %s (2.2.7: red at two days, orange at seven)',
		( left, urgency ) => {
			expect( dueDateUrgency( NOW + left, NOW ) ).toBe( urgency );
		}
	);

	it.each( [
		[ DAY, 'is-error', 'pvp-due-date--urgent' ],
		[ 5 * DAY, 'is-warning', 'pvp-due-date--soon' ],
		[ 30 * DAY, 'is-info', 'pvp-due-date--later' ],
	] )(
		'shows a due date %p seconds away as %s',
		( left, noticeClass, urgencyClass ) => {
			const { container } = render(
				<DueDateNotice
					dueDate={ NOW + left }
					now={ NOW }
					formatting={ SCREEN }
				/>
			);
			const notice = container.querySelector( '.components-notice' );
			expect( notice ).toHaveClass( noticeClass, urgencyClass );
			expect(
				screen.getByText( /Your ProxyAPI PVP account is due on/ )
			).toBeInTheDocument();
		}
	);

	it( 'says "was due" once the date has passed, and nothing without a date', () => {
		const { rerender, container } = render(
			<DueDateNotice
				dueDate={ NOW - DAY }
				now={ NOW }
				formatting={ SCREEN }
			/>
		);
		expect( screen.getByText( /was due on/ ) ).toBeInTheDocument();
		rerender(
			<DueDateNotice dueDate={ null } now={ NOW } formatting={ SCREEN } />
		);
		expect( container ).toBeEmptyDOMElement();
	} );
} );
