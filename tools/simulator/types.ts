/**
 * Wire types of the PVP API (as in the API notes, section 1) and the records the simulator keeps.
 */

/** Body of `POST /pvp/lnm`. */
export interface LnmRequest {
	RequestID: string;
	ApiKey: string;
	CallbackUrl: string;
	RequestTimestamp: number;
	Amount: number;
	SenderMSISDN: string;
	AccountReference: string;
	Origin: string;
}

/** Answer of `POST /pvp/lnm` (accepted or rejected). */
export interface LnmResponse {
	StatusCode: number;
	ResponseCode: number;
	ResponseDesc: string;
	MerchantRequestID: string | null;
	CheckoutRequestID: string | null;
}

/** An STK ResultCode: numeric, except a few such as `SFC_IC0003`. */
export type ResultCode = number | string;

export interface StkItem {
	Name: string;
	Value?: number | string;
}

export interface StkCallback {
	MerchantRequestID: string;
	CheckoutRequestID: string;
	ResultCode: ResultCode;
	ResultDesc: string;
	CallbackMetadata?: { Item: StkItem[] };
}

/** Daraja-format STK result, sent on success and on failure. */
export interface StkCallbackBody {
	Body: { stkCallback: StkCallback };
}

export interface PvpCallbackMetadata {
	TransactionID: string;
	TransactionTime: string;
	SenderMSISDN: string;
	SenderFirstName: string;
	SenderLastName: string;
	DueDate: number;
}

/** ProxyAPI's own confirmation, sent on success only. */
export interface PvpCallbackBody {
	Body: {
		pvpCallback: {
			RequestID: string;
			CheckoutRequestID: string;
			CallbackMetadata: PvpCallbackMetadata;
		};
	};
}

export type CallbackKind = 'stk' | 'pvp';

export type CallbackBody = StkCallbackBody | PvpCallbackBody;

/** Body of `POST /pvp/report`. */
export interface ReportRequest {
	APIKey: string;
	UserID: number;
}

export interface ReportRow {
	CheckoutRequestID: string;
	MpesaTransactionID: string;
	Amount: number | string;
	AccountRef: string;
	SenderMSISDN: string;
	SenderFirstName: string;
	SenderLastName: string;
	TransactionTime: string;
	Confirmed: boolean;
}

export interface ReportResponse {
	StatusCode: number;
	ResponseCode: number;
	ResponseDesc: string;
	Data: ReportRow[];
}

/** One reason an lnm request was refused. */
export interface ValidationError {
	field: string;
	code: number;
	message: string;
}

/** How the simulator answers `/pvp/lnm` instead of the normal answer (failure tests). */
export interface RespondOverride {
	status?: number;
	body?: unknown;
	hangMs?: number;
}

/** An outcome queued with `POST /__sim/next`. */
export interface QueuedOutcome {
	resultCode?: ResultCode;
	delayMs?: number;
	callbacks?: CallbackKind[];
	repeat?: number;
	amount?: number;
	respond?: RespondOverride;
}

/** What the simulated shopper and M-Pesa do with an accepted request. */
export interface Outcome {
	source: 'phone' | 'queued';
	resultCode: ResultCode;
	resultDesc: string;
	delayMs: number;
	callbacks: CallbackKind[];
	repeat: number;
	amountPaid: number;
	/** Waits for a person's decision on the phone page instead of calling back by itself. */
	manual?: true;
}

/** The payment details used in success callbacks and the report; fixed when the request is accepted. */
export interface PaymentDetails {
	receipt: string;
	completedAt: string;
	transactionTime: string;
	transactionDate: number;
	firstName: string;
	lastName: string;
	dueDate: number;
}

/** One callback POST and the store's answer. */
export interface CallbackDelivery {
	kind: CallbackKind;
	trigger: 'auto' | 'manual';
	url: string;
	body: CallbackBody;
	sentAt: string;
	durationMs: number;
	status: number | null;
	responseBody: string | null;
	error: string | null;
}

/** Everything recorded about one `POST /pvp/lnm`. */
export interface LnmRecord {
	seq: number;
	receivedAt: string;
	body: unknown;
	validation: { ok: boolean; errors: ValidationError[] };
	response: {
		status: number;
		body: unknown;
		hangMs: number;
		overridden: boolean;
	};
	accepted: boolean;
	requestId: string | null;
	accountReference: string | null;
	apiKey: string | null;
	callbackUrl: string | null;
	senderMsisdn: string | null;
	amount: number | null;
	merchantRequestId: string | null;
	checkoutRequestId: string | null;
	outcome: Outcome | null;
	payment: PaymentDetails | null;
	paid: boolean;
	settled: boolean;
	callbacks: CallbackDelivery[];
	/** What the person did on the phone page (manual prompts only, once decided). */
	decision?: ManualDecision;
}

/** The buttons of the phone page: pay, wrong PIN (2001), cancel (1032), or ignore (no callback). */
export type ManualDecision = 'pay' | 'wrong_pin' | 'cancel' | 'ignore';
