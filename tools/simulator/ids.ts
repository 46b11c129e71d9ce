/**
 * Daraja-looking identifiers, M-Pesa-looking receipts and Kenya-time stamps.
 */
import { randomInt } from 'node:crypto';

const KENYA_OFFSET_MS = 3 * 60 * 60 * 1000;
const RECEIPT_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function pad( value: number, width = 2 ): string {
	return String( value ).padStart( width, '0' );
}

function kenyaDate( epochMs: number ): Date {
	// Kenya (EAT) is UTC+3 all year, so shifting and reading the UTC fields gives local time.
	return new Date( epochMs + KENYA_OFFSET_MS );
}

/**
 * `YYYYMMDDHHmmss` in Kenya time, as in TransactionDate and TransactionTime.
 *
 * @param epochMs Milliseconds since the epoch.
 * @return The 14-digit stamp.
 */
export function kenyaStamp( epochMs: number ): string {
	const d = kenyaDate( epochMs );
	return (
		String( d.getUTCFullYear() ) +
		pad( d.getUTCMonth() + 1 ) +
		pad( d.getUTCDate() ) +
		pad( d.getUTCHours() ) +
		pad( d.getUTCMinutes() ) +
		pad( d.getUTCSeconds() )
	);
}

function randomDigits( count: number ): string {
	let out = '';
	for ( let i = 0; i < count; i++ ) {
		out += String( randomInt( 10 ) );
	}
	return out;
}

/**
 * A MerchantRequestID in Daraja's older form, e.g. `29115-34620561-1`.
 *
 * @return The id.
 */
export function merchantRequestId(): string {
	return `${ randomInt( 10000, 100000 ) }-${ randomInt( 10000000, 100000000 ) }-1`;
}

/**
 * A CheckoutRequestID like `ws_CO_01012026030000512712345678`: Kenya date and time
 * (DDMMYYYYHHmmss), three random digits, then the last nine digits of the phone.
 *
 * @param epochMs Time of the request.
 * @param msisdn  The payer's phone.
 * @return The id (callers check uniqueness).
 */
export function checkoutRequestId( epochMs: number, msisdn: string ): string {
	const d = kenyaDate( epochMs );
	const stamp =
		pad( d.getUTCDate() ) +
		pad( d.getUTCMonth() + 1 ) +
		String( d.getUTCFullYear() ) +
		pad( d.getUTCHours() ) +
		pad( d.getUTCMinutes() ) +
		pad( d.getUTCSeconds() );
	return `ws_CO_${ stamp }${ randomDigits( 3 ) }${ msisdn.slice( -9 ) }`;
}

/**
 * An M-Pesa-looking receipt: ten uppercase letters and digits. Like real receipts, the first
 * letter stands for the year (2025 = T, 2026 = U) and the second for the month (A = January).
 *
 * @param epochMs Time of the payment.
 * @return The receipt (callers check uniqueness).
 */
export function mpesaReceipt( epochMs: number ): string {
	const d = kenyaDate( epochMs );
	const year = Math.min( Math.max( d.getUTCFullYear() - 2006, 0 ), 25 );
	let out =
		RECEIPT_ALPHABET.charAt( year ) +
		RECEIPT_ALPHABET.charAt( d.getUTCMonth() );
	for ( let i = 0; i < 8; i++ ) {
		out += RECEIPT_ALPHABET.charAt( randomInt( RECEIPT_ALPHABET.length ) );
	}
	return out;
}

/**
 * Calls `make` until it returns a value not in `used`, then remembers it.
 *
 * @param used Values handed out so far.
 * @param make Generator of candidates.
 * @return A fresh value.
 */
export function unique( used: Set< string >, make: () => string ): string {
	let value = make();
	while ( used.has( value ) ) {
		value = make();
	}
	used.add( value );
	return value;
}
