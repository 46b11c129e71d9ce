/**
 * The attempts table: one row per M-Pesa payment attempt, sortable by date, order, amount and status.
 */

/**
 * External dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	NO_VALUE,
	attemptStatusLabel,
	formatDateTime,
	formatKes,
	orderEditUrl,
	reconciliationLabel,
} from '../shared/format';
import type {
	AdminFormatting,
	ReportOrderBy,
	ReportQuery,
	ReportRow,
} from '../types/pay-via-proxyapi';
import { SortableHeader } from './sortable-header';

export interface ReportTableProps {
	rows: ReportRow[];
	query: ReportQuery;
	/** How many rows match (all pages). */
	total: number;
	formatting: AdminFormatting;
	onSort: ( column: ReportOrderBy ) => void;
}

/**
 * @param props            Rows, the query they answer, and how to format and sort.
 * @param props.rows
 * @param props.query
 * @param props.total
 * @param props.formatting
 * @param props.onSort
 */
export function ReportTable( {
	rows,
	query,
	total,
	formatting,
	onSort,
}: ReportTableProps ): JSX.Element {
	const header = ( column: ReportOrderBy, label: string ) => (
		<SortableHeader
			column={ column }
			label={ label }
			query={ query }
			onSort={ onSort }
		/>
	);
	return (
		<table className="widefat striped pvp-report-table">
			<caption>
				{ __( 'M-Pesa payment attempts', 'pay-via-proxyapi' ) }
			</caption>
			<thead>
				<tr>
					{ header( 'date', __( 'Date', 'pay-via-proxyapi' ) ) }
					{ header( 'order', __( 'Order', 'pay-via-proxyapi' ) ) }
					<th scope="col">{ __( 'Receipt', 'pay-via-proxyapi' ) }</th>
					<th scope="col">{ __( 'Phone', 'pay-via-proxyapi' ) }</th>
					{ header( 'amount', __( 'Amount', 'pay-via-proxyapi' ) ) }
					{ header( 'status', __( 'Status', 'pay-via-proxyapi' ) ) }
					<th scope="col">{ __( 'Result', 'pay-via-proxyapi' ) }</th>
					<th scope="col">
						{ __( 'Reconciliation', 'pay-via-proxyapi' ) }
					</th>
				</tr>
			</thead>
			<tbody>
				{ total === 0 && (
					<tr>
						<td colSpan={ 8 }>
							{ __(
								'No M-Pesa payments match these filters.',
								'pay-via-proxyapi'
							) }
						</td>
					</tr>
				) }
				{ rows.map( ( row ) => (
					<tr key={ `${ row.order_id }-${ row.request_id }` }>
						<td>
							{ formatDateTime( row.created_at, formatting ) }
						</td>
						<td>
							<a
								href={ orderEditUrl(
									formatting,
									row.order_id
								) }
							>
								#{ row.order_number || row.order_id }
							</a>
						</td>
						<td>{ row.receipt || NO_VALUE }</td>
						<td>{ row.phone || NO_VALUE }</td>
						<td>{ formatKes( row.amount, formatting.locale ) }</td>
						<td>
							<span
								className={ `pvp-status pvp-status--${ row.status }` }
							>
								{ attemptStatusLabel( row.status ) }
							</span>
						</td>
						<td>
							{ row.result_desc || row.result_code || NO_VALUE }
						</td>
						<td>{ reconciliationLabel( row.reconciliation ) }</td>
					</tr>
				) ) }
			</tbody>
		</table>
	);
}
