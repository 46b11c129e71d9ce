/**
 * Internal dependencies
 */
import {
	attemptStatusLabel,
	formatDateTime,
	formatKes,
	formatMpesaTime,
	readFormatting,
	reconciliationLabel,
} from '@pay-via-proxyapi/shared/format';

const NAIROBI = { timeZone: 'Africa/Nairobi', locale: 'en-GB' };

/**
 * @param text Formatted text.
 * @return It with Intl's no-break spaces as plain spaces, so expectations stay readable.
 */
function plain( text: string ): string {
	return text.replace( /\s/g, ' ' );
}

describe( 'admin formatting', () => {
	it( 'shows whole shillings without cents and other amounts with them', () => {
		expect( plain( formatKes( 1500, 'en-US' ) ) ).toBe( 'KES 1,500' );
		expect( plain( formatKes( 99.5, 'en-US' ) ) ).toBe( 'KES 99.50' );
		expect( plain( formatKes( 10, 'not a locale!' ) ) ).toBe( 'KES 10' );
	} );

	it( 'shows times in the store time zone, whatever the browser’s', () => {
		// 2026-11-30 21:30 UTC is already 1 December in Nairobi.
		const instant = Date.UTC( 2026, 10, 30, 21, 30 ) / 1000;
		expect( formatDateTime( instant, NAIROBI ) ).toBe(
			'1 Dec 2026, 00:30'
		);
		expect(
			formatDateTime( instant, { timeZone: '+03:00', locale: 'en-GB' } )
		).toBe( '1 Dec 2026, 00:30' );
		expect(
			formatDateTime( instant, { timeZone: '-05:30', locale: 'en-GB' } )
		).toBe( '30 Nov 2026, 16:00' );
		expect( formatDateTime( 0, NAIROBI ) ).toBe( '—' );
		expect(
			formatDateTime( instant, {
				timeZone: 'Mars/Olympus',
				locale: 'en-GB',
			} )
		).toMatch( /UTC$/ );
	} );

	it( 'reads M-Pesa’s Kenya-time stamps and leaves other text as it came', () => {
		expect( formatMpesaTime( '20261201003000', NAIROBI ) ).toBe(
			'1 Dec 2026, 00:30'
		);
		expect( formatMpesaTime( 'yesterday', NAIROBI ) ).toBe( 'yesterday' );
		expect( formatMpesaTime( '', NAIROBI ) ).toBe( '—' );
	} );

	it( 'names statuses and reconciliation states, and passes unknown ones through', () => {
		expect( attemptStatusLabel( 'awaiting' ) ).toBe( 'Waiting for PIN' );
		expect( attemptStatusLabel( 'new_state' ) ).toBe( 'new_state' );
		expect( reconciliationLabel( 'gave_up' ) ).toMatch( /ProxyAPI portal/ );
	} );

	it( 'refuses screen data without its formatting settings', () => {
		expect( () => readFormatting( undefined ) ).toThrow( /screen data/ );
		expect(
			readFormatting( {
				timeZone: 'UTC',
				locale: 'en',
				orderEditUrl: '/e?id=',
			} )
		).toEqual( { timeZone: 'UTC', locale: 'en', orderEditUrl: '/e?id=' } );
	} );
} );
