/**
 * Period, status and search for the report; applied together with one button, so nothing reloads while typing.
 */

/**
 * External dependencies
 */
import { Button, SelectControl, TextControl } from '@wordpress/components';
import { useEffect, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type {
	ReportPeriodName,
	ReportQuery,
	ReportStatusFilter,
} from '../types/pay-via-proxyapi';
import { periodOptions, statusOptions } from './labels';

export interface ReportFiltersProps {
	query: ReportQuery;
	/** Called with the new filters when the form is submitted. */
	onApply: ( query: ReportQuery ) => void;
}

/**
 * @param props         The current query and what to do with the new one.
 * @param props.query
 * @param props.onApply
 */
export function ReportFilters( {
	query,
	onApply,
}: ReportFiltersProps ): JSX.Element {
	const [ draft, setDraft ] = useState( query );
	// A change from outside (sorting, paging) must not bring back filters the user was only typing.
	useEffect( () => setDraft( query ), [ query ] );
	const set = ( changes: Partial< ReportQuery > ) =>
		setDraft( ( current ) => ( { ...current, ...changes } ) );

	return (
		<form
			className="pvp-report-filters"
			role="search"
			aria-label={ __( 'Filter M-Pesa payments', 'pay-via-proxyapi' ) }
			onSubmit={ ( event ) => {
				event.preventDefault();
				onApply( { ...draft, search: draft.search.trim(), page: 1 } );
			} }
		>
			<SelectControl
				__nextHasNoMarginBottom
				label={ __( 'Period', 'pay-via-proxyapi' ) }
				value={ draft.period }
				options={ periodOptions() }
				onChange={ ( period: string ) =>
					set( { period: period as ReportPeriodName } )
				}
			/>
			{ draft.period === 'custom' && (
				<>
					<TextControl
						__nextHasNoMarginBottom
						type="date"
						label={ __( 'From', 'pay-via-proxyapi' ) }
						value={ draft.after }
						onChange={ ( after: string ) => set( { after } ) }
					/>
					<TextControl
						__nextHasNoMarginBottom
						type="date"
						label={ __( 'To', 'pay-via-proxyapi' ) }
						value={ draft.before }
						onChange={ ( before: string ) => set( { before } ) }
					/>
				</>
			) }
			<SelectControl
				__nextHasNoMarginBottom
				label={ __( 'Status', 'pay-via-proxyapi' ) }
				value={ draft.status }
				options={ statusOptions() }
				onChange={ ( status: string ) =>
					set( { status: status as ReportStatusFilter } )
				}
			/>
			<TextControl
				__nextHasNoMarginBottom
				type="search"
				label={ __( 'Search', 'pay-via-proxyapi' ) }
				help={ __(
					'Receipt, phone number, CheckoutRequestID or order number. Searches every date.',
					'pay-via-proxyapi'
				) }
				value={ draft.search }
				maxLength={ 64 }
				onChange={ ( search: string ) => set( { search } ) }
			/>
			<Button variant="primary" type="submit">
				{ __( 'Apply filters', 'pay-via-proxyapi' ) }
			</Button>
		</form>
	);
}
