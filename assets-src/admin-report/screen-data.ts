/**
 * Reads `window.pvpReportData`, which PHP `Admin\ReportTab` inlines before the script.
 */

/**
 * Internal dependencies
 */
import { readFormatting } from '../shared/format';
import type { ReportScreenData } from '../types/pay-via-proxyapi';

/**
 * @param raw The inline data.
 * @return The validated data.
 * @throws Error when it is missing or malformed, so a broken page says so instead of showing nothing.
 */
export function readReportData( raw: unknown ): ReportScreenData {
	const formatting = readFormatting( raw );
	const data = raw as Record< string, unknown >;
	const { rootId, csvUrl, nonce, dueDate, settingsUrl, privacyUrl } = data;
	if (
		typeof rootId !== 'string' ||
		typeof csvUrl !== 'string' ||
		typeof nonce !== 'string' ||
		typeof settingsUrl !== 'string' ||
		typeof privacyUrl !== 'string'
	) {
		throw new Error( 'Pay via ProxyAPI: the report data is incomplete.' );
	}
	return {
		...formatting,
		rootId,
		csvUrl,
		nonce,
		settingsUrl,
		privacyUrl,
		dueDate: typeof dueDate === 'number' && dueDate > 0 ? dueDate : null,
		phonesInFull: data.phonesInFull === true,
	};
}
