/**
 * The report's query: defaults, the REST path for it, the CSV link, and sorting by a column.
 *
 * Pure functions, so the URL a filter produces is tested without a browser.
 */

/**
 * Internal dependencies
 */
import { REST_NAMESPACE } from '../shared/constants';
import type { ReportOrderBy, ReportQuery } from '../types/pay-via-proxyapi';

export const REPORT_PATH = `/${ REST_NAMESPACE }/admin/reports/payments`;

export const DEFAULT_QUERY: ReportQuery = {
	period: '30d',
	after: '',
	before: '',
	status: 'any',
	search: '',
	orderby: 'date',
	order: 'desc',
	page: 1,
	per_page: 20,
};

/**
 * @param query The whole query.
 * @return Only what differs from the server's defaults, so URLs stay short and readable.
 */
function changedArgs( query: ReportQuery ): Partial< ReportQuery > {
	const args: Partial< ReportQuery > = {};
	( Object.keys( query ) as Array< keyof ReportQuery > ).forEach( ( key ) => {
		if ( query[ key ] !== DEFAULT_QUERY[ key ] ) {
			( args as Record< string, unknown > )[ key ] = query[ key ];
		}
	} );
	// The custom days only mean something with the custom period.
	if ( query.period !== 'custom' ) {
		delete args.after;
		delete args.before;
	}
	return args;
}

/**
 * @param args Query arguments; undefined ones are left out.
 * @return `a=1&b=2`, encoded.
 */
function queryString(
	args: Record< string, string | number | undefined >
): string {
	const params = new URLSearchParams();
	Object.entries( args ).forEach( ( [ key, value ] ) => {
		if ( value !== undefined ) {
			params.set( key, String( value ) );
		}
	} );
	return params.toString();
}

/**
 * @param path A REST path.
 * @param args Its query arguments.
 * @return The path with its query string, if any.
 */
function withQuery(
	path: string,
	args: Record< string, string | number | undefined >
): string {
	const query = queryString( args );
	return query === '' ? path : `${ path }?${ query }`;
}

/**
 * @param query The report query.
 * @return The api-fetch path of one page of the report, without the summary (asked once per period instead).
 */
export function reportPath( query: ReportQuery ): string {
	return withQuery( REPORT_PATH, {
		...changedArgs( query ),
		summary: 'false',
	} );
}

/**
 * @param what  `summary` or `cross-check`: the routes that depend on the period only.
 * @param query The report query.
 * @return The api-fetch path for the query's period; it changes only when the period does.
 */
export function periodPath(
	what: 'summary' | 'cross-check',
	query: ReportQuery
): string {
	const { period, after, before } = changedArgs( query );
	return withQuery( `${ REPORT_PATH }/${ what }`, { period, after, before } );
}

/**
 * A plain link, so the browser streams the file itself however large it is; the nonce goes in the URL
 * because a link cannot send the X-WP-Nonce header.
 *
 * @param csvUrl The payments route's absolute URL.
 * @param nonce  The REST nonce.
 * @param query  The report query (its page is ignored: the CSV has every matching row).
 * @return The CSV download URL.
 */
export function csvHref(
	csvUrl: string,
	nonce: string,
	query: ReportQuery
): string {
	const filters = changedArgs( query );
	delete filters.page;
	delete filters.per_page;
	// URL keeps a query the base may already have (?rest_route=… on sites without pretty permalinks).
	const url = new URL( csvUrl );
	new URLSearchParams(
		queryString( { ...filters, format: 'csv', _wpnonce: nonce } )
	).forEach( ( value, key ) => url.searchParams.set( key, value ) );
	return url.toString();
}

/**
 * @param query  The current query.
 * @param column The column header pressed.
 * @return The query sorted by that column: same column flips the direction; a new one starts with
 *         newest/largest first. Back to page 1 either way.
 */
export function sortedBy(
	query: ReportQuery,
	column: ReportOrderBy
): ReportQuery {
	let order: ReportQuery[ 'order' ] = 'desc';
	if ( query.orderby === column ) {
		order = query.order === 'desc' ? 'asc' : 'desc';
	}
	return { ...query, orderby: column, order, page: 1 };
}
