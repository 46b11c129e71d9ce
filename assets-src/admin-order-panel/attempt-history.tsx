/**
 * Every attempt of the order, newest first: ids, times, result, callbacks received, reconciliation runs.
 */

/**
 * External dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	NO_VALUE,
	attemptStatusLabel,
	formatDateTime,
	formatKes,
	reconciliationLabel,
} from '../shared/format';
import type {
	AdminFormatting,
	PaymentAttempt,
} from '../types/pay-via-proxyapi';
import { AttemptEvents } from './attempt-events';
import { FactList } from './fact-list';

export interface AttemptHistoryProps {
	/** Oldest first, as stored. */
	attempts: PaymentAttempt[];
	formatting: AdminFormatting;
}

/**
 * @param props            The attempts and how to format.
 * @param props.attempts
 * @param props.formatting
 */
export function AttemptHistory( {
	attempts,
	formatting,
}: AttemptHistoryProps ): JSX.Element {
	if ( attempts.length === 0 ) {
		return (
			<p>
				{ __(
					'No M-Pesa payment was started for this order.',
					'pay-via-proxyapi'
				) }
			</p>
		);
	}
	const newestFirst = [ ...attempts ].reverse();
	return (
		<ol className="pvp-attempts" reversed>
			{ newestFirst.map( ( attempt, index ) => {
				const facts: Array< [ string, string ] > = [
					[
						__( 'Amount asked', 'pay-via-proxyapi' ),
						formatKes( attempt.amount, formatting.locale ),
					],
					[
						__( 'Phone', 'pay-via-proxyapi' ),
						attempt.phone || NO_VALUE,
					],
					[
						__( 'Started', 'pay-via-proxyapi' ),
						formatDateTime( attempt.created_at, formatting ),
					],
					[
						__( 'Prompt accepted', 'pay-via-proxyapi' ),
						formatDateTime( attempt.accepted_at, formatting ),
					],
					[
						__( 'Result received', 'pay-via-proxyapi' ),
						formatDateTime( attempt.settled_at, formatting ),
					],
					[
						__( 'Result', 'pay-via-proxyapi' ),
						attempt.result_code === ''
							? NO_VALUE
							: `${ attempt.result_code }: ${ attempt.result_desc || NO_VALUE }`,
					],
					[
						__( 'Receipt', 'pay-via-proxyapi' ),
						attempt.receipt || NO_VALUE,
					],
					[
						__( 'Reconciliation', 'pay-via-proxyapi' ),
						reconciliationLabel( attempt.reconciliation ),
					],
					[
						__( 'CheckoutRequestID', 'pay-via-proxyapi' ),
						attempt.checkout_request_id || NO_VALUE,
					],
					[
						__( 'MerchantRequestID', 'pay-via-proxyapi' ),
						attempt.merchant_request_id || NO_VALUE,
					],
					[
						__( 'RequestID', 'pay-via-proxyapi' ),
						attempt.request_id || NO_VALUE,
					],
				];
				return (
					<li
						key={ attempt.request_id || index }
						className="pvp-attempt"
					>
						<h4 className="pvp-attempt__title">
							{ sprintf(
								/* translators: 1: attempt number, 2: its status. */
								__( 'Attempt %1$d: %2$s', 'pay-via-proxyapi' ),
								attempts.length - index,
								attemptStatusLabel( attempt.status )
							) }
						</h4>
						<FactList
							facts={ facts }
							className="pvp-attempt__facts"
						/>
						<AttemptEvents
							events={ attempt.events }
							formatting={ formatting }
						/>
					</li>
				);
			} ) }
		</ol>
	);
}
