/**
 * How urgent the ProxyAPI account's due date is, with the levels Pay via ProxyAPI 2.2.7 used.
 */

export type DueDateUrgency = 'urgent' | 'soon' | 'later';

const DAY = 86_400;

/**
 * @param dueDate Unix seconds the account falls due.
 * @param now     Unix seconds now.
 * @return `urgent` (red) at two days or less, including overdue; `soon` (orange) at seven days or less;
 *         `later` otherwise — 2.2.7's thresholds, inclusive as it had them.
 */
export function dueDateUrgency( dueDate: number, now: number ): DueDateUrgency {
	const left = dueDate - now;
	if ( left <= 2 * DAY ) {
		return 'urgent';
	}
	return left <= 7 * DAY ? 'soon' : 'later';
}
