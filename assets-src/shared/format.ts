/**
 * Money, dates and status names as the admin screens show them.
 *
 * Dates are Unix seconds on the wire and shown in the store's time zone (not the browser's), so the owner and
 * the accountant see the same times wherever they sit. Labels are translatable here, once for both screens.
 */

/**
 * External dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type {
	AdminFormatting,
	AttemptStatus,
	ReconciliationState,
} from '../types/pay-via-proxyapi';

/** Shown where a value is absent (an unpaid attempt's receipt, an unknown time). */
export const NO_VALUE = '—';

/** A fixed offset such as `+03:00`, which WordPress gives when the site is set to "UTC+3" instead of a city. */
const FIXED_OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/**
 * Reads the formatting settings every admin screen receives from PHP `Admin\ScreenData`.
 *
 * @param raw The screen's inline data.
 * @return The settings.
 * @throws Error when they are missing, so a broken page fails loudly instead of showing wrong times.
 */
export function readFormatting( raw: unknown ): AdminFormatting {
	const data = ( raw ?? {} ) as Record< string, unknown >;
	const { timeZone, locale, orderEditUrl: editUrl } = data;
	if (
		typeof timeZone !== 'string' ||
		typeof locale !== 'string' ||
		typeof editUrl !== 'string'
	) {
		throw new Error( 'Pay via ProxyAPI: the screen data is missing.' );
	}
	return { timeZone, locale, orderEditUrl: editUrl };
}

/**
 * @param locale A BCP 47 locale from WordPress (e.g. `en-US`, `sw-KE`).
 * @return The locale if the browser knows it, else English (Intl throws on malformed tags).
 */
function safeLocale( locale: string ): string {
	try {
		return Intl.getCanonicalLocales( locale )[ 0 ] ?? 'en';
	} catch {
		return 'en';
	}
}

/**
 * @param amount Shillings (whole for attempts; ProxyAPI may report cents).
 * @param locale Display locale.
 * @return E.g. "KES 1,500" or "KES 99.50".
 */
export function formatKes( amount: number, locale: string ): string {
	const whole = Number.isInteger( amount );
	return new Intl.NumberFormat( safeLocale( locale ), {
		style: 'currency',
		currency: 'KES',
		currencyDisplay: 'code',
		minimumFractionDigits: whole ? 0 : 2,
		maximumFractionDigits: whole ? 0 : 2,
	} ).format( amount );
}

/**
 * @param epochSeconds Unix time; 0 means unknown.
 * @param formatting   The store's time zone and the user's locale.
 * @return Date and time in the store's time zone, e.g. "30 Nov 2026, 14:05", or NO_VALUE.
 */
export function formatDateTime(
	epochSeconds: number,
	formatting: Pick< AdminFormatting, 'timeZone' | 'locale' >
): string {
	if ( ! epochSeconds ) {
		return NO_VALUE;
	}
	const offset = FIXED_OFFSET.exec( formatting.timeZone );
	let shifted = epochSeconds * 1000;
	let timeZone = formatting.timeZone;
	if ( offset ) {
		// Intl only takes named zones everywhere; shift the instant and print it as UTC instead.
		const sign = offset[ 1 ] === '-' ? -1 : 1;
		shifted +=
			sign *
			( Number( offset[ 2 ] ) * 60 + Number( offset[ 3 ] ) ) *
			60_000;
		timeZone = 'UTC';
	}
	const options: Intl.DateTimeFormatOptions = {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone,
	};
	try {
		return new Intl.DateTimeFormat(
			safeLocale( formatting.locale ),
			options
		).format( shifted );
	} catch {
		// An unknown zone name: UTC is still a correct, labelled time.
		return `${ new Intl.DateTimeFormat( 'en', {
			...options,
			timeZone: 'UTC',
		} ).format( epochSeconds * 1000 ) } UTC`;
	}
}

/**
 * @param status An attempt status from the server.
 * @return Its name for people.
 */
export function attemptStatusLabel( status: AttemptStatus | string ): string {
	switch ( status ) {
		case 'started':
			return __( 'Sending', 'pay-via-proxyapi' );
		case 'awaiting':
			return __( 'Waiting for PIN', 'pay-via-proxyapi' );
		case 'rejected':
			return __( 'Not sent', 'pay-via-proxyapi' );
		case 'paid':
			return __( 'Paid', 'pay-via-proxyapi' );
		case 'failed':
			return __( 'Failed', 'pay-via-proxyapi' );
		case 'underpaid':
			return __( 'Underpaid', 'pay-via-proxyapi' );
		default:
			return status;
	}
}

/**
 * @param state A reconciliation state from the server.
 * @return What it means, for people.
 */
export function reconciliationLabel(
	state: ReconciliationState | string
): string {
	switch ( state ) {
		case 'callback':
			return __( 'Result by callback', 'pay-via-proxyapi' );
		case 'reconciled':
			return __( 'Result by status check', 'pay-via-proxyapi' );
		case 'waiting':
			return __( 'Waiting for a result', 'pay-via-proxyapi' );
		case 'checking':
			return __( 'Being checked', 'pay-via-proxyapi' );
		case 'gave_up':
			return __(
				'No result: check the ProxyAPI portal',
				'pay-via-proxyapi'
			);
		case 'none':
			return __( 'Nothing to check', 'pay-via-proxyapi' );
		default:
			return state;
	}
}

/**
 * @param formatting Carries the order edit URL without its id.
 * @param orderId    Order id.
 * @return The order's edit screen (HPOS or posts, as the store runs).
 */
export function orderEditUrl(
	formatting: Pick< AdminFormatting, 'orderEditUrl' >,
	orderId: number
): string {
	return `${ formatting.orderEditUrl }${ orderId }`;
}

/** M-Pesa's TransactionDate / TransactionTime: YYYYMMDDHHmmss in Kenya time (UTC+3, no daylight saving). */
const MPESA_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/;

/**
 * @param raw        A time as M-Pesa sent it.
 * @param formatting The store's time zone and the user's locale.
 * @return It in the store's time zone; the raw text when it is not in M-Pesa's format; NO_VALUE when empty.
 */
export function formatMpesaTime(
	raw: string,
	formatting: Pick< AdminFormatting, 'timeZone' | 'locale' >
): string {
	const parts = MPESA_TIME.exec( raw );
	if ( ! parts ) {
		return raw || NO_VALUE;
	}
	const [ year, month, day, hour, minute, second ] = parts
		.slice( 1 )
		.map( Number );
	const utc = Date.UTC( year, month - 1, day, hour - 3, minute, second );
	return formatDateTime( utc / 1000, formatting );
}
