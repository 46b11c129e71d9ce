/**
 * Report data as the PHP routes send it, for the component tests.
 */

/**
 * Internal dependencies
 */
import type {
	AttentionRow,
	CrossCheckResult,
	PaymentReportPage,
	ReportRow,
	ReportScreenData,
} from '@pay-via-proxyapi/types/pay-via-proxyapi';

export const SCREEN: ReportScreenData = {
	rootId: 'pvp-admin-report',
	csvUrl: 'http://127.0.0.1:8930/wp-json/pay-via-proxyapi/v1/admin/reports/payments',
	nonce: 'n0nce',
	dueDate: null,
	phonesInFull: false,
	settingsUrl: '/wp-admin/admin.php?page=wc-settings&tab=checkout',
	privacyUrl: '/wp-admin/admin.php?page=wc-settings&tab=account',
	timeZone: 'Africa/Nairobi',
	locale: 'en-US',
	orderEditUrl: '/wp-admin/admin.php?page=wc-orders&action=edit&id=',
};

export function row( changes: Partial< ReportRow > = {} ): ReportRow {
	return {
		order_id: 42,
		order_number: '42',
		request_id: 'REQ42',
		merchant_request_id: '29115-34620561-1',
		checkout_request_id: 'ws_CO_42',
		receipt: 'UKA1B2C3D4',
		phone: '2547****0000',
		amount: 1500,
		status: 'paid',
		result_code: '0',
		result_desc: 'The service request is processed successfully.',
		created_at: 1_796_000_000,
		settled_at: 1_796_000_060,
		reconciliation: 'callback',
		order_outcome: 'paid',
		legacy: 0,
		...changes,
	};
}

export function page(
	rows: ReportRow[],
	changes: Partial< PaymentReportPage > = {}
): PaymentReportPage {
	return {
		summary: {
			paid_orders: 2,
			paid_amount: 3000,
			failed_orders: 1,
			awaiting_orders: 1,
			underpaid_orders: 0,
			attempts: 4,
			success_rate: 0.6667,
		},
		rows,
		total: rows.length,
		pages: 1,
		page: 1,
		per_page: 20,
		...changes,
	};
}

export function attention(
	changes: Partial< AttentionRow > = {}
): AttentionRow {
	return {
		kind: 'unknown_payment',
		checkout_request_id: 'ws_CO_SIM_ONLY',
		receipt: 'UKB9Z8Y7X6',
		amount: 700,
		phone: '2547****0099',
		payer: 'Jane Doe',
		account_reference: '9999',
		at: 1_796_000_000,
		order_id: 0,
		order_number: '',
		local_status: '',
		...changes,
	};
}

export function crossCheck(
	items: AttentionRow[],
	changes: Partial< CrossCheckResult > = {}
): CrossCheckResult {
	return {
		available: true,
		reason: '',
		message: '',
		listed: 5,
		matched: 4,
		window_start: 0,
		items,
		...changes,
	};
}
