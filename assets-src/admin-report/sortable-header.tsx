/**
 * A column header that sorts the report.
 */

/**
 * Internal dependencies
 */
import type { ReportOrderBy, ReportQuery } from '../types/pay-via-proxyapi';

export interface SortableHeaderProps {
	column: ReportOrderBy;
	label: string;
	query: ReportQuery;
	onSort: ( column: ReportOrderBy ) => void;
}

/**
 * A column header that sorts: a real button inside the header cell, with aria-sort on the cell, so screen
 * readers announce both the control and the current order.
 *
 * @param props        Column, its label, the query, and what to call.
 * @param props.column
 * @param props.label
 * @param props.query
 * @param props.onSort
 */
export function SortableHeader( {
	column,
	label,
	query,
	onSort,
}: SortableHeaderProps ): JSX.Element {
	const active = query.orderby === column;
	let sort: 'ascending' | 'descending' | 'none' = 'none';
	if ( active ) {
		sort = query.order === 'asc' ? 'ascending' : 'descending';
	}
	return (
		<th scope="col" aria-sort={ sort }>
			<button
				type="button"
				className="pvp-report-table__sort"
				onClick={ () => onSort( column ) }
			>
				{ label }
				<span aria-hidden="true">
					{ active && ( query.order === 'asc' ? ' ▲' : ' ▼' ) }
				</span>
			</button>
		</th>
	);
}
