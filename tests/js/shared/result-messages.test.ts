/**
 * External dependencies
 */
import { setLocaleData } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	knownResultCodes,
	resultMessage,
} from '@pay-via-proxyapi/shared/result-messages';

/** Every ResultCode of the API notes, section 3: the STK table, then the generic M-Pesa codes. */
const STK_CODES = [
	'1',
	'2',
	'3',
	'4',
	'8',
	'17',
	'26',
	'1001',
	'1019',
	'1025',
	'1032',
	'1037',
	'2001',
	'2028',
	'8006',
	'9999',
	'SFC_IC0003',
];
const GENERIC_CODES = [
	'5',
	'6',
	'7',
	'10',
	'11',
	'12',
	'13',
	'14',
	'15',
	'20',
];

describe( 'resultMessage', () => {
	it( 'has a message of its own for every result code the API notes list', () => {
		expect( knownResultCodes().sort() ).toEqual(
			[ ...STK_CODES, ...GENERIC_CODES ].sort()
		);
		const messages = knownResultCodes().map( ( code ) =>
			resultMessage( code )
		);
		expect( new Set( messages ).size ).toBe( messages.length );
	} );

	it.each( [
		[ '1032', /You cancelled the payment on your phone/ ],
		[ '2001', /M-Pesa PIN was wrong/ ],
		[ '1', /balance is too low/ ],
		[ '1037', /could not reach your phone/ ],
		[ '1019', /expired/ ],
		[ '17', /Wait two minutes/ ],
		[ '26', /busy/ ],
		[ '1001', /Another M-Pesa transaction is already in progress/ ],
		[ '2028', /settings do not allow this payment/ ],
		[ 'SFC_IC0003', /till or paybill is not set up correctly/ ],
		[ '8006', /PIN is locked/ ],
		[ '3', /more than M-Pesa allows/ ],
	] )( 'says what happened and what to do for %s', ( code, expected ) => {
		expect( resultMessage( code ) ).toMatch( expected );
	} );

	it( 'prefers its own words to the provider’s for a known code', () => {
		expect(
			resultMessage( '1032', 'Request cancelled by user' )
		).not.toContain( 'Request cancelled by user' );
	} );

	it( 'tolerates spaces around a code', () => {
		expect( resultMessage( ' 2001 ' ) ).toBe( resultMessage( '2001' ) );
	} );

	it( 'shows the provider’s own text for an unknown code', () => {
		expect( resultMessage( '4242', 'Something odd happened' ) ).toBe(
			'M-Pesa could not complete the payment: “Something odd happened”. You can resend the prompt or use another number.'
		);
	} );

	it( 'keeps provider text as plain text (React escapes it when rendered)', () => {
		expect(
			resultMessage( '4242', '<img src=x onerror=alert(1)>' )
		).toContain( '“<img src=x onerror=alert(1)>”' );
	} );

	it( 'has a fallback without any provider text', () => {
		expect( resultMessage( '4242' ) ).toBe(
			'M-Pesa could not complete the payment. You can resend the prompt or use another number.'
		);
		expect( resultMessage( '' ) ).toBe( resultMessage( '4242', '  ' ) );
	} );

	it( 'does not mistake object built-ins for codes', () => {
		expect( resultMessage( 'constructor', 'x' ) ).toContain( '“x”' );
		expect( resultMessage( '__proto__' ) ).toContain(
			'M-Pesa could not complete the payment.'
		);
	} );

	it( 'is translated through @wordpress/i18n with the plugin’s text domain', () => {
		setLocaleData(
			{
				'The M-Pesa PIN was wrong. Resend the prompt and enter the correct PIN.':
					[
						'PIN ya M-Pesa si sahihi. Tuma ombi tena na uweke PIN sahihi.',
					],
			},
			'pay-via-proxyapi'
		);
		try {
			expect( resultMessage( '2001' ) ).toBe(
				'PIN ya M-Pesa si sahihi. Tuma ombi tena na uweke PIN sahihi.'
			);
		} finally {
			setLocaleData( {}, 'pay-via-proxyapi' );
		}
	} );
} );
