/**
 * The report's own names: periods, status filters, cross-check problems.
 */

/**
 * External dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type {
	AttentionKind,
	ReportPeriodName,
	ReportStatusFilter,
} from '../types/pay-via-proxyapi';

export function periodOptions(): Array< {
	value: ReportPeriodName;
	label: string;
} > {
	return [
		{ value: 'today', label: __( 'Today', 'pay-via-proxyapi' ) },
		{ value: '7d', label: __( 'Last 7 days', 'pay-via-proxyapi' ) },
		{ value: '30d', label: __( 'Last 30 days', 'pay-via-proxyapi' ) },
		{ value: 'this_month', label: __( 'This month', 'pay-via-proxyapi' ) },
		{ value: 'last_month', label: __( 'Last month', 'pay-via-proxyapi' ) },
		{ value: 'this_year', label: __( 'This year', 'pay-via-proxyapi' ) },
		{ value: 'all', label: __( 'All time', 'pay-via-proxyapi' ) },
		{ value: 'custom', label: __( 'Custom dates', 'pay-via-proxyapi' ) },
	];
}

export function statusOptions(): Array< {
	value: ReportStatusFilter;
	label: string;
} > {
	return [
		{ value: 'any', label: __( 'All statuses', 'pay-via-proxyapi' ) },
		{ value: 'paid', label: __( 'Paid', 'pay-via-proxyapi' ) },
		{ value: 'failed', label: __( 'Failed', 'pay-via-proxyapi' ) },
		{
			value: 'unpaid',
			label: __( 'Unpaid (no result yet)', 'pay-via-proxyapi' ),
		},
		{ value: 'underpaid', label: __( 'Underpaid', 'pay-via-proxyapi' ) },
		{
			value: 'rejected',
			label: __( 'Not sent (refused)', 'pay-via-proxyapi' ),
		},
	];
}

/**
 * @param kind A cross-check problem.
 * @return What it means, for the owner.
 */
export function attentionLabel( kind: AttentionKind | string ): string {
	switch ( kind ) {
		case 'not_completed':
			return __(
				'M-Pesa says paid; the order is not paid',
				'pay-via-proxyapi'
			);
		case 'paid_twice':
			return __(
				'Paid again for an order already paid',
				'pay-via-proxyapi'
			);
		case 'unknown_payment':
			return __(
				'M-Pesa says paid; the store has no such payment',
				'pay-via-proxyapi'
			);
		case 'not_listed':
			return __(
				'The store says paid; ProxyAPI does not list it as paid',
				'pay-via-proxyapi'
			);
		default:
			return kind;
	}
}
