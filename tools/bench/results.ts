/**
 * One line of the results table, and how numbers are written in it.
 */

export type Verdict = 'pass' | 'FAIL' | 'info' | 'skipped';

export interface Row {
	/** Stable key, so the 2.2.7 comparison can fill in its figure for the same measure. */
	id: string;
	/** e.g. "1 Callback cost". */
	scenario: string;
	/** What is measured, e.g. "median (ms)". */
	measure: string;
	/** This plugin's figure. */
	ours: string;
	/** The baseline measured in the same run, named, e.g. "REST no-op 41.0". */
	baseline: string;
	/** ours / baseline, e.g. "1.08x"; empty when there is no ratio. */
	ratio: string;
	/** Pay via ProxyAPI 2.2.7's figure when a copy was given, else empty. */
	legacy: string;
	/** The budget, e.g. "≤ 1.30x"; empty for figures without one. */
	budget: string;
	verdict: Verdict;
}

/**
 * @param fields The row's fields; the optional ones default to empty.
 * @return A row.
 */
export function row(
	fields: Pick< Row, 'scenario' | 'measure' | 'ours' > & Partial< Row >
): Row {
	return {
		id: '',
		baseline: '',
		ratio: '',
		legacy: '',
		budget: '',
		verdict: 'info',
		...fields,
	};
}

/**
 * @param scenario Scenario name.
 * @param why      One line: why it did not run.
 * @return A "skipped" row.
 */
export function skippedRow( scenario: string, why: string ): Row {
	return row( { scenario, measure: why, ours: '-', verdict: 'skipped' } );
}

/** @param value Milliseconds. @return e.g. "41.2 ms". */
export const ms = ( value: number ): string => `${ value.toFixed( 1 ) } ms`;

/** @param value A ratio. @return e.g. "1.08x". */
export const times = ( value: number ): string => `${ value.toFixed( 2 ) }x`;

/** @param bytes Bytes. @return e.g. "4.1 KB" (1 KB = 1024 bytes). */
export const kb = ( bytes: number ): string =>
	`${ ( bytes / 1024 ).toFixed( 1 ) } KB`;

/** @param bytes Bytes. @return e.g. "38.2 MB". */
export const mb = ( bytes: number ): string =>
	`${ ( bytes / 1048576 ).toFixed( 1 ) } MB`;

/** @param bytes A difference in bytes. @return e.g. "+1.2 MB" or "-0.1 MB". */
export const deltaMb = ( bytes: number ): string =>
	`${ bytes < 0 ? '-' : '+' }${ mb( Math.abs( bytes ) ) }`;

/** @param perSecond Requests per second. @return e.g. "31.4 req/s". */
export const rps = ( perSecond: number ): string =>
	`${ perSecond.toFixed( 1 ) } req/s`;

/** What a scenario hands back. */
export interface ScenarioResult {
	rows: Row[];
	/** Pay via ProxyAPI 2.2.7's figures, by the id of the row of ours they compare with. */
	legacy?: Record< string, string >;
}
