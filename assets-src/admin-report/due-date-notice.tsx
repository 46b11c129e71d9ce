/**
 * The ProxyAPI account's due date, coloured by urgency as 2.2.7 showed it (red, orange, plain).
 */

/**
 * External dependencies
 */
import { Notice } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { formatDateTime } from '../shared/format';
import type { AdminFormatting } from '../types/pay-via-proxyapi';
import { dueDateUrgency } from './due-date';

const NOTICE_STATUS = {
	urgent: 'error',
	soon: 'warning',
	later: 'info',
} as const;

export interface DueDateNoticeProps {
	/** Unix seconds, or null when ProxyAPI has not told the store yet. */
	dueDate: number | null;
	/** Unix seconds now. */
	now: number;
	formatting: AdminFormatting;
}

/**
 * @param props            The due date, now, and how to format dates.
 * @param props.dueDate
 * @param props.now
 * @param props.formatting
 */
export function DueDateNotice( {
	dueDate,
	now,
	formatting,
}: DueDateNoticeProps ): JSX.Element | null {
	if ( dueDate === null ) {
		return null;
	}
	const urgency = dueDateUrgency( dueDate, now );
	const when = formatDateTime( dueDate, formatting );
	const text =
		dueDate < now
			? sprintf(
					/* translators: %s: date and time the account fell due. */
					__(
						'Your ProxyAPI PVP account was due on %s.',
						'pay-via-proxyapi'
					),
					when
				)
			: sprintf(
					/* translators: %s: date and time the account falls due. */
					__(
						'Your ProxyAPI PVP account is due on %s.',
						'pay-via-proxyapi'
					),
					when
				);
	return (
		<Notice
			status={ NOTICE_STATUS[ urgency ] }
			isDismissible={ false }
			className={ `pvp-due-date pvp-due-date--${ urgency }` }
		>
			{ text }
		</Notice>
	);
}
