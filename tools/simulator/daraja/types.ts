/**
 * Wire and record types of the simulated Daraja APIs (API notes, sections 2 and 3).
 */
import type { CallbackDelivery, LnmRecord, ResultCode } from '../types';

/** Daraja's error body: `{requestId, errorCode, errorMessage}`. */
export interface DarajaErrorBody {
	requestId: string;
	errorCode: string;
	errorMessage: string;
}

/** The credentials and numbers the simulated Daraja app is registered with. */
export interface DarajaConfig {
	consumerKey: string;
	consumerSecret: string;
	/** Paybill number, or the store (head office) number a till belongs to. */
	shortcode: string;
	passkey: string;
	/** The till under the store number; `''` when the shortcode is a paybill only. */
	till: string;
	initiatorName: string;
	initiatorPassword: string;
	/** Lifetime of issued tokens (Daraja: 3599 s). */
	tokenTtlSec: number;
	/** Send `expires_in` as a string, as older Daraja answers did. */
	expiresInAsString: boolean;
	/** Issuing a token invalidates the ones issued before (the Daraja FAQ says so). */
	invalidatePrevious: boolean;
	/** How far a Timestamp may be from Kenya time now (the simulator's own check). */
	timestampToleranceSec: number;
}

/** An STK push made through the Daraja API; shares the PVP record shape so waits and sends work alike. */
export interface DarajaStkRecord extends LnmRecord {
	provider: 'daraja';
	transactionType: string | null;
	businessShortCode: string | null;
	partyB: string | null;
	/** The error answered when the request was refused, e.g. `400.002.02`. */
	errorCode: string | null;
}

/** An outcome queued for the next accepted reversal. */
export interface QueuedReversal {
	resultCode?: ResultCode;
	delayMs?: number;
	/** `false`: M-Pesa never posts the result. */
	callback?: boolean;
}

/** The `{"Result":…}` body posted to a reversal's ResultURL. */
export interface ReversalResultBody {
	Result: {
		ResultType: number;
		ResultCode: ResultCode;
		ResultDesc: string;
		OriginatorConversationID: string;
		ConversationID: string;
		TransactionID: string;
		ResultParameters?: {
			ResultParameter: Array< { Key: string; Value: string | number } >;
		};
		ReferenceData: {
			ReferenceItem: { Key: string; Value: string };
		};
	};
}

/** Everything recorded about one `POST /mpesa/reversal/v1/request`. */
export interface ReversalRecord {
	seq: number;
	receivedAt: string;
	body: unknown;
	accepted: boolean;
	errorCode: string | null;
	transactionId: string | null;
	amount: number | null;
	resultUrl: string | null;
	originatorConversationId: string | null;
	conversationId: string | null;
	/** The reversal's own M-Pesa receipt once it succeeded. */
	reversalReceipt: string | null;
	resultCode: ResultCode | null;
	resultDesc: string | null;
	settled: boolean;
	callbacks: Array<
		Omit< CallbackDelivery, 'kind' | 'body' > & { body: ReversalResultBody }
	>;
}
