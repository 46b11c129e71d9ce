/**
 * The budgets of issue 8, in one place: each is a limit on one measured figure.
 */
import type { Verdict } from './results';

export interface Budget {
	/** As printed in the table, e.g. "≤ 1.30x". */
	label: string;
	holds: ( value: number ) => boolean;
}

const atMost = ( limit: number, label: string ): Budget => ( {
	label,
	holds: ( value ) => value <= limit,
} );
const below = ( limit: number, label: string ): Budget => ( {
	label,
	holds: ( value ) => value < limit,
} );
const atLeast = ( limit: number, label: string ): Budget => ( {
	label,
	holds: ( value ) => value >= limit,
} );

export const BUDGETS = {
	/** 1: a full success callback's median against a no-op route of the same kind. */
	callbackMedianRatio: atMost( 1.3, '≤ 1.30x' ),
	/** 2: burst throughput against the no-op route's under the same concurrency. */
	burstThroughputRatio: atLeast( 0.7, '≥ 0.70x' ),
	/** 3: Store API checkout server time against Cash on delivery. */
	checkoutRatio: atMost( 1.15, '≤ 1.15x' ),
	/** 4: callback reaching the store to the shopper's page showing paid, median. */
	timeToPaidMs: below( 2000, '< 2000 ms' ),
	/** 5: gzip sizes. */
	checkoutBlockGzip: below( 6 * 1024, '< 6.0 KB' ),
	adminBundleGzip: below( 25 * 1024, '< 25.0 KB' ),
	/** 5: this plugin's scripts and styles on pages that do not need them. */
	assetsOnPage: atMost( 0, '= 0' ),
	/** 5: …and on the checkout page they must be (proves the check sees them). */
	present: atLeast( 1, '> 0' ),
	/** 6: report route p95 at 100,000 orders, default page size. */
	reportP95Ms: below( 300, '< 300 ms' ),
	/** 2: things that must never happen (double completions, duplicate notes or mails, errors). */
	none: atMost( 0, '= 0' ),
} as const;

/**
 * @param budget The budget.
 * @param value  The measured figure.
 * @return pass or FAIL.
 */
export function judge( budget: Budget, value: number ): Verdict {
	return budget.holds( value ) ? 'pass' : 'FAIL';
}
