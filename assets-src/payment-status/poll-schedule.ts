/**
 * When to ask the store again. Pure, so the rhythm is unit-tested.
 *
 * Fast while a prompt can still be answered (the shopper sees the result within about a second of the
 * callback reaching the store), slower afterwards, when only a late callback or the store's reconciliation
 * can still settle it, and never forever.
 */

/**
 * Internal dependencies
 */
import type { ShopperPaymentState } from '../types/pay-via-proxyapi';

/** Every second for the first two minutes: M-Pesa prompts time out after about 90 s. */
export const FAST_INTERVAL_MS = 1000;
export const FAST_PHASE_MS = 120_000;

/** Then the wait grows by half each time, up to 15 s (reconciliation runs after minutes, not seconds). */
export const BACKOFF_FACTOR = 1.5;
export const MAX_INTERVAL_MS = 15_000;

/** After 30 minutes the panel stops asking; a reload asks again. */
export const GIVE_UP_AFTER_MS = 30 * 60_000;

/**
 * @param state The latest state.
 * @return Whether the payment can still change by itself (a prompt is out, or its result is late).
 */
export function isPollingState( state: ShopperPaymentState ): boolean {
	return state === 'awaiting' || state === 'delayed';
}

/** How long to wait after a 429 that did not say (the store sends Retry-After / available_in). */
export const RATE_LIMITED_WAIT_MS = MAX_INTERVAL_MS;

/**
 * @param elapsedMs    Time since polling started (page load or the latest resend).
 * @param previousWait The last wait, in ms (0 for the first).
 * @param notBeforeMs  The least wait, e.g. what a 429 asked for (0: none).
 * @return How long to wait before the next request, or null to stop.
 */
export function nextPollDelay(
	elapsedMs: number,
	previousWait: number,
	notBeforeMs = 0
): number | null {
	if ( elapsedMs >= GIVE_UP_AFTER_MS ) {
		return null;
	}
	if ( elapsedMs < FAST_PHASE_MS ) {
		return Math.max( FAST_INTERVAL_MS, notBeforeMs );
	}
	return Math.max(
		notBeforeMs,
		Math.min(
			MAX_INTERVAL_MS,
			Math.max( FAST_INTERVAL_MS, previousWait ) * BACKOFF_FACTOR
		)
	);
}

/**
 * @param availableIn Seconds the store asked us to wait after a 429 (null: it did not say).
 * @return The least wait before asking again, in ms.
 */
export function rateLimitedWait( availableIn: number | null ): number {
	return availableIn !== null && availableIn > 0
		? availableIn * 1000
		: RATE_LIMITED_WAIT_MS;
}
