/**
 * The M-Pesa report tab: due date, filters, summary, what needs attention, the attempts, CSV.
 */

/**
 * External dependencies
 */
import { Notice, Spinner } from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type {
	CrossCheckResult,
	PaymentReportPage,
	ReportQuery,
	ReportScreenData,
	ReportSummary as Summary,
} from '../types/pay-via-proxyapi';
import { AttentionTable } from './attention-table';
import { DueDateNotice } from './due-date-notice';
import { Pagination } from './pagination';
import {
	DEFAULT_QUERY,
	csvHref,
	periodPath,
	reportPath,
	sortedBy,
} from './query';
import { ReportFilters } from './report-filters';
import { ReportSummary } from './report-summary';
import { ReportTable } from './report-table';
import { useApiGet, type ApiGetState } from './use-api-get';

export interface ReportPageProps {
	data: ReportScreenData;
	/** Unix seconds now (given, so tests can pin it). */
	now?: number;
}

/**
 * @param report The report request's state.
 * @return What the polite live region says: loading, the result count, or the error.
 */
function announcement( report: ApiGetState< PaymentReportPage > ): string {
	if ( report.loading ) {
		return __( 'Loading M-Pesa payments…', 'pay-via-proxyapi' );
	}
	if ( report.error !== null || report.data === null ) {
		return report.error ?? '';
	}
	const { total, page, pages } = report.data;
	return sprintf(
		/* translators: 1: number of payment attempts found, 2: current page, 3: number of pages. */
		_n(
			'%1$d payment attempt found. Page %2$d of %3$d.',
			'%1$d payment attempts found. Page %2$d of %3$d.',
			total,
			'pay-via-proxyapi'
		),
		total,
		page,
		pages
	);
}

/**
 * @param props      The screen's data from PHP.
 * @param props.data
 * @param props.now
 */
export function ReportPage( {
	data,
	now = Math.floor( Date.now() / 1000 ),
}: ReportPageProps ): JSX.Element {
	const [ query, setQuery ] = useState< ReportQuery >( DEFAULT_QUERY );
	const report = useApiGet< PaymentReportPage >( reportPath( query ) );
	// Both depend on the period only, so paging and sorting do not ask for them again.
	const summary = useApiGet< Summary >( periodPath( 'summary', query ) );
	const check = useApiGet< CrossCheckResult >(
		periodPath( 'cross-check', query )
	);
	const page = report.data;

	return (
		<div className="pvp-report">
			<DueDateNotice
				dueDate={ data.dueDate }
				now={ now }
				formatting={ data }
			/>
			<ReportFilters query={ query } onApply={ setQuery } />
			<p className="screen-reader-text" role="status" aria-live="polite">
				{ announcement( report ) }
			</p>
			{ report.error !== null && (
				<Notice status="error" isDismissible={ false }>
					{ report.error }
				</Notice>
			) }
			{ summary.data !== null && (
				<ReportSummary
					summary={ summary.data }
					locale={ data.locale }
				/>
			) }
			<h2>{ __( 'Compared with ProxyAPI', 'pay-via-proxyapi' ) }</h2>
			<AttentionTable check={ check } formatting={ data } />
			<div className="pvp-report__table-head">
				<h2>{ __( 'Payment attempts', 'pay-via-proxyapi' ) }</h2>
				{ report.loading && <Spinner /> }
				<a
					className="button"
					href={ csvHref( data.csvUrl, data.nonce, query ) }
					download
				>
					{ __(
						'Download CSV (all matching rows)',
						'pay-via-proxyapi'
					) }
				</a>
			</div>
			{ page !== null && (
				<ReportTable
					rows={ page.rows }
					query={ query }
					total={ page.total }
					formatting={ data }
					onSort={ ( column ) =>
						setQuery( sortedBy( query, column ) )
					}
				/>
			) }
			{ page !== null && (
				<Pagination
					page={ page.page }
					pages={ page.pages }
					onPage={ ( next ) => setQuery( { ...query, page: next } ) }
				/>
			) }
			<p className="description">
				{ data.phonesInFull
					? __(
							'Phone numbers are shown in full.',
							'pay-via-proxyapi'
						)
					: __(
							'Phone numbers are masked.',
							'pay-via-proxyapi'
						) }{ ' ' }
				<a href={ data.privacyUrl }>
					{ __(
						'Change this in Accounts & Privacy settings.',
						'pay-via-proxyapi'
					) }
				</a>
			</p>
		</div>
	);
}
