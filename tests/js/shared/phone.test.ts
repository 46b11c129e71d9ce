/**
 * External dependencies
 */
import fixture from '../../fixtures/phone-numbers.json';

/**
 * Internal dependencies
 */
import { normaliseMpesaPhone } from '@pay-via-proxyapi/shared/phone';

interface PhoneCase {
	input: string;
	normalised: string | null;
}

// The same table drives the PHP PhoneNumber tests, so browser and server agree on every case.
const cases: PhoneCase[] = fixture.cases;

describe( 'normaliseMpesaPhone', () => {
	it( 'has cases to check', () => {
		expect( cases.length ).toBeGreaterThan( 20 );
	} );

	it.each( cases )(
		'turns $input into $normalised',
		( { input, normalised } ) => {
			expect( normaliseMpesaPhone( input ) ).toBe( normalised );
		}
	);

	it( 'accepts the simulator test numbers', () => {
		expect( normaliseMpesaPhone( '254700001032' ) ).toBe( '254700001032' );
		expect( normaliseMpesaPhone( '0700 000 000' ) ).toBe( '254700000000' );
	} );

	it( "drops any Unicode whitespace, as PHP's /\\s/u does", () => {
		expect( normaliseMpesaPhone( '0712\t345\u00A0678' ) ).toBe(
			'254712345678'
		);
		expect( normaliseMpesaPhone( '\u2009+254 712 345 678\n' ) ).toBe(
			'254712345678'
		);
	} );

	it( 'requires the Kenyan country code after an international prefix', () => {
		expect( normaliseMpesaPhone( '+712345678' ) ).toBeNull();
		expect( normaliseMpesaPhone( '00712345678' ) ).toBeNull();
		expect( normaliseMpesaPhone( '+0712345678' ) ).toBeNull();
	} );
} );
