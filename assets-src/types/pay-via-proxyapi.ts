/**
 * Types of the data the PHP side sends to the browser: the one place for server-contract types.
 *
 * Each type mirrors a PHP payload; change both together.
 */

/**
 * What `Blocks\PaymentMethodType::get_payment_method_data()` returns, read in the Checkout block
 * through `getSetting( 'proxyapi_pvp_settings_data' )`. Public values only.
 */
export interface PvpData {
	/** Gateway title as set by the merchant; may contain HTML entities. */
	title: string;
	/** Gateway description, plain text (sanitised on the server). */
	description: string;
	/** `supports` features of the gateway, e.g. `[ 'products' ]`. */
	supports: string[];
}

/**
 * What `Rest\VerifyKeyRoute` answers to "Verify API key". Never contains the key.
 */
export interface VerifyKeyAnswer {
	/** Whether ProxyAPI accepted the key. */
	ok: boolean;
	/** `verified`, `missing`, `rejected`, `invalid_response`, `unreachable` (or `request_failed`, client side). */
	code: string;
	/** What happened, for the store owner, translated. */
	message: string;
	/** How many transactions ProxyAPI listed (verified only). */
	transactions?: number;
}

/**
 * What `Rest\DarajaTestConnectionRoute` answers to "Test connection" (Daraja direct). Never contains a
 * credential or the token.
 */
export interface DarajaTestAnswer {
	/** Whether Daraja issued an access token. */
	ok: boolean;
	/** `connected`, `missing`, `rejected`, `invalid_response`, `unreachable` (or `request_failed`, client side). */
	code: string;
	/** What happened, for the store owner, translated; Daraja's error code and words on refusal. */
	message: string;
	/** The environment tested. */
	environment?: 'sandbox' | 'production';
}

/** `ShopperStatus` states (PHP `Payment\ShopperStatus`). */
export type ShopperPaymentState =
	| 'awaiting'
	| 'delayed'
	| 'paid'
	| 'failed'
	| 'not_sent'
	| 'on_hold'
	| 'closed'
	| 'none';

/** Why a new prompt may not be asked for now (PHP `Payment\ResendVerdict`); '' when it may. */
export type ResendRefusalReason =
	'' | 'prompt_live' | 'too_many' | 'not_payable';

/**
 * What `GET /pay-via-proxyapi/v1/orders/{id}/payment?key=…` (and a successful resend) answers, built by PHP
 * `Rest\ShopperPaymentView`. Only what the shopper needs: no ids, tokens or receipts; the phone masked.
 * The wire keys are snake_case (`result_code`, `provider_message`, `resend.available_in`); the
 * payment-status script's `parseShopperStatus()` validates them into this camelCase shape.
 */
export interface ShopperPaymentStatus {
	state: ShopperPaymentState;
	/** M-Pesa ResultCode of a failed prompt ('' otherwise); may be non-numeric. */
	resultCode: string;
	/** M-Pesa's description of a failed prompt, plain text ('' otherwise). */
	providerMessage: string;
	/** The number prompted, masked (e.g. "07•• ••• 678"), or ''. */
	phone: string;
	resend: {
		allowed: boolean;
		reason: ResendRefusalReason;
		/** Seconds until a resend is allowed: 0 now, null never. */
		availableIn: number | null;
	};
}

/* ------------------------------------------------------------------------------------------------------------
 * Admin screens: the M-Pesa report (PHP `Rest\ReportRoute`) and the order panel (PHP `Reports\OrderPaymentView`).
 * Wire keys are the PHP arrays' snake_case keys; amounts are whole shillings, times Unix seconds (0 = unknown).
 * ---------------------------------------------------------------------------------------------------------- */

/** States of one payment attempt (PHP `Payment\AttemptStatus`). */
export type AttemptStatus =
	'started' | 'awaiting' | 'rejected' | 'paid' | 'failed' | 'underpaid';

/** How an attempt got (or is getting) its result (PHP `Reports\ReconciliationState`). */
export type ReconciliationState =
	'callback' | 'reconciled' | 'waiting' | 'checking' | 'gave_up' | 'none';

/** Named report periods (PHP `Reports\ReportPeriod::PERIODS`). */
export type ReportPeriodName =
	| 'today'
	| '7d'
	| '30d'
	| 'this_month'
	| 'last_month'
	| 'this_year'
	| 'all'
	| 'custom';

/** Status filter (PHP `Reports\ReportQuery::STATUSES`); `unpaid` = started or awaiting. */
export type ReportStatusFilter =
	'any' | 'paid' | 'failed' | 'unpaid' | 'rejected' | 'underpaid';

/** Sort keys (PHP `Reports\ReportQuery::ORDER_BY`). */
export type ReportOrderBy = 'date' | 'amount' | 'status' | 'order';

/** The query arguments of `GET /admin/reports/payments`. */
export interface ReportQuery {
	period: ReportPeriodName;
	/** Custom period's first day, YYYY-MM-DD ('' = open). */
	after: string;
	/** Custom period's last day, YYYY-MM-DD ('' = open). */
	before: string;
	status: ReportStatusFilter;
	/** Receipt, phone number, CheckoutRequestID or order number; searches every date. */
	search: string;
	orderby: ReportOrderBy;
	order: 'asc' | 'desc';
	page: number;
	per_page: number;
}

/** One attempt in the report (a row of the indexed table; the phone already masked per the store's setting). */
export interface ReportRow {
	order_id: number;
	order_number: string;
	request_id: string;
	merchant_request_id: string;
	checkout_request_id: string;
	receipt: string;
	phone: string;
	amount: number;
	status: AttemptStatus;
	result_code: string;
	/** From M-Pesa's callback: attacker-controlled text, rendered as text only. */
	result_desc: string;
	created_at: number;
	settled_at: number;
	reconciliation: ReconciliationState;
	order_outcome: string;
	/** 1 for a payment started by Pay via ProxyAPI 2.2.7, rebuilt from its order meta. */
	legacy: number;
}

/**
 * The period's headline figures (PHP `Reports\ReportSummary`), from `GET /admin/reports/payments/summary`;
 * orders are counted once each.
 */
export interface ReportSummary {
	paid_orders: number;
	/** KES received by paid attempts. */
	paid_amount: number;
	failed_orders: number;
	awaiting_orders: number;
	underpaid_orders: number;
	attempts: number;
	/** Paid orders / orders with a result, 0..1; null when none has a result yet. */
	success_rate: number | null;
}

/** What `GET /admin/reports/payments` answers (the summary is null with `summary=false`). */
export interface PaymentReportPage {
	summary: ReportSummary | null;
	rows: ReportRow[];
	total: number;
	pages: number;
	page: number;
	per_page: number;
}

/** Why a cross-check row needs attention (PHP `Reports\CrossCheck`). */
export type AttentionKind =
	'not_completed' | 'paid_twice' | 'unknown_payment' | 'not_listed';

/** A payment ProxyAPI and the store disagree about. */
export interface AttentionRow {
	kind: AttentionKind;
	checkout_request_id: string;
	receipt: string;
	amount: number;
	phone: string;
	/** Payer's name as ProxyAPI lists it: attacker-controlled text. */
	payer: string;
	/** ProxyAPI's AccountRef (the order number sent), for payments the store does not know. */
	account_reference: string;
	at: number;
	/** 0 when the store has no such payment. */
	order_id: number;
	order_number: string;
	local_status: string;
}

/** What `GET /admin/reports/payments/cross-check` answers. */
export interface CrossCheckResult {
	/** False when ProxyAPI could not be asked (or another provider is in use). */
	available: boolean;
	/** `other_provider`, or the provider error kind (`transport`, `timeout`, `rejected`, `invalid_response`). */
	reason: string;
	/** ProxyAPI's own words when it refused. */
	message: string;
	listed: number;
	matched: number;
	/** Paid attempts older than this were not judged (ProxyAPI's list may not reach back further). */
	window_start: number;
	items: AttentionRow[];
}

/** Formatting settings every admin screen receives (PHP `Admin\ScreenData`). */
export interface AdminFormatting {
	/** IANA name or a fixed offset such as `+03:00`. */
	timeZone: string;
	/** BCP 47, e.g. `en-US`. */
	locale: string;
	/** The order edit URL up to its id. */
	orderEditUrl: string;
}

/** `window.pvpReportData` (PHP `Admin\ReportTab`). */
export interface ReportScreenData extends AdminFormatting {
	rootId: string;
	/** The payments route's absolute URL, for the CSV download link. */
	csvUrl: string;
	/** The REST nonce (`wp_rest`), for the download link: a plain link cannot send headers. */
	nonce: string;
	/** ProxyAPI account due date (Unix seconds), or null when unknown. */
	dueDate: number | null;
	phonesInFull: boolean;
	settingsUrl: string;
	privacyUrl: string;
}

/** One callback or reconciliation run of an attempt. */
export interface AttemptEvent {
	/** `stk`, `pvp` (callbacks) or a reconciliation kind such as `report`. */
	kind: string;
	at: number;
	result_code: string;
	decision: string;
	outcome: string;
}

/** One attempt in the order panel. */
export interface PaymentAttempt {
	request_id: string;
	merchant_request_id: string;
	checkout_request_id: string;
	phone: string;
	amount: number;
	status: AttemptStatus;
	result_code: string;
	/** Attacker-controlled text from the callback. */
	result_desc: string;
	receipt: string;
	created_at: number;
	accepted_at: number;
	settled_at: number;
	reconciliation: ReconciliationState;
	reconcile_runs: number;
	reconcile_next_at: number;
	settled_by: string;
	amount_paid: number | null;
	events: AttemptEvent[];
}

/** What `GET /admin/orders/{id}/payment` answers, and the panel's inline data. */
export interface OrderPayment {
	order_id: number;
	order_number: string;
	status: string;
	status_label: string;
	is_paid: boolean;
	currency: string;
	/** Order total as WooCommerce stores it (decimal string). */
	total: string;
	/** The total M-Pesa is asked for: rounded up to whole shillings. */
	total_due: number;
	amount_paid: number;
	receipt: string;
	/** The order was paid or started with Pay via ProxyAPI 2.2.7 (no attempt list). */
	legacy: boolean;
	payer: {
		/** Attacker-controlled text from the callback. */
		name: string;
		phone: string;
		/** As M-Pesa sent it (YYYYMMDDHHmmss). */
		transaction_time: string;
	};
	/** Oldest first. */
	attempts: PaymentAttempt[];
	can_reconcile: boolean;
	phones_in_full: boolean;
}

/** `window.pvpOrderPanelData` (PHP `Admin\OrderPanel`). */
export interface OrderPanelScreenData extends AdminFormatting {
	rootId: string;
	payment: OrderPayment;
}

/** What `POST /admin/orders/{id}/reconcile` answers ("Check status with M-Pesa now"). */
export interface ReconcileAnswer {
	/** e.g. `settled`, `no_result`, `provider_error`, `busy`, `nothing_to_check`. */
	outcome: string;
	decision?: string;
	/** For the shop manager, translated by the server. */
	message?: string;
	order_status: string;
}
