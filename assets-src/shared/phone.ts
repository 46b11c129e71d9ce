/**
 * M-Pesa phone-number normalisation, identical to the PHP `Payment\PhoneNumber` rules.
 *
 * Both sides are tested against tests/fixtures/phone-numbers.json, so change the rules only together with it.
 */

/**
 * Whitespace anywhere (which covers trimming), dots, parentheses and dashes. `\p{White_Space}` is the Unicode
 * whitespace set that PHP's `\s` matches under the `u` modifier, so a no-break space or tab counts as in PHP.
 */
const SEPARATORS = /[\p{White_Space}.()-]/gu;

/** ASCII digits only: `\d` is ASCII in JS, but spelling it out keeps the intent obvious next to the PHP. */
const ASCII_DIGITS = /^[0-9]+$/;

/** After "+" or "00" only the Kenyan country code is accepted. */
const INTERNATIONAL = /^254([71][0-9]{8})$/;

/** Without a prefix: 254…, 0… or the bare 9-digit subscriber number. */
const NATIONAL = /^(?:254|0)?([71][0-9]{8})$/;

/**
 * Normalises a shopper-typed Safaricom number to the `2547XXXXXXXX` / `2541XXXXXXXX` form ProxyAPI expects.
 *
 * @param input What the shopper typed.
 * @return The 12-digit number, or null when it is not a valid Kenyan mobile number.
 */
export function normaliseMpesaPhone( input: string ): string | null {
	let compact = input.replace( SEPARATORS, '' );
	let international = false;

	if ( compact.startsWith( '+' ) ) {
		compact = compact.slice( 1 );
		international = true;
	} else if ( compact.startsWith( '00' ) ) {
		compact = compact.slice( 2 );
		international = true;
	}

	if ( ! ASCII_DIGITS.test( compact ) ) {
		return null;
	}

	const match = ( international ? INTERNATIONAL : NATIONAL ).exec( compact );

	return match ? `254${ match[ 1 ] }` : null;
}
