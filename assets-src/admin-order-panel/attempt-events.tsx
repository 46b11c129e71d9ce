/**
 * One attempt's callbacks and reconciliation runs, in the order they happened.
 */

/**
 * External dependencies
 */
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { NO_VALUE, formatDateTime } from '../shared/format';
import type { AdminFormatting, AttemptEvent } from '../types/pay-via-proxyapi';

export interface AttemptEventsProps {
	events: AttemptEvent[];
	formatting: AdminFormatting;
}

/**
 * @param kind An event kind.
 * @return Where the event came from.
 */
function eventSource( kind: string ): string {
	switch ( kind ) {
		case 'stk':
			return __( 'M-Pesa result (stkCallback)', 'pay-via-proxyapi' );
		case 'pvp':
			return __(
				'ProxyAPI confirmation (pvpCallback)',
				'pay-via-proxyapi'
			);
		case 'report':
			return __( 'Status check with ProxyAPI', 'pay-via-proxyapi' );
		default:
			return sprintf(
				/* translators: %s: the kind of check, e.g. query. */
				__( 'Status check (%s)', 'pay-via-proxyapi' ),
				kind
			);
	}
}

/**
 * @param event An event.
 * @return What the store did with it.
 */
function eventEffect( event: AttemptEvent ): string {
	switch ( event.decision ) {
		case 'complete':
			return __( 'completed the order', 'pay-via-proxyapi' );
		case 'fail':
			return __( 'marked the order failed', 'pay-via-proxyapi' );
		case 'fail_attempt_only':
			return __( 'marked this attempt failed', 'pay-via-proxyapi' );
		case 'hold_underpaid':
			return __(
				'put the order on hold: paid less than asked',
				'pay-via-proxyapi'
			);
		case 'note_only':
			return __( 'noted on the order', 'pay-via-proxyapi' );
		case 'duplicate':
			return __( 'already known, nothing changed', 'pay-via-proxyapi' );
		default:
			return event.outcome || event.decision || NO_VALUE;
	}
}

/**
 * @param props            The events and how to format.
 * @param props.events
 * @param props.formatting
 */
export function AttemptEvents( {
	events,
	formatting,
}: AttemptEventsProps ): JSX.Element | null {
	if ( events.length === 0 ) {
		return null;
	}
	return (
		<table className="widefat striped pvp-attempt__events">
			<caption>
				{ __( 'Callbacks and status checks', 'pay-via-proxyapi' ) }
			</caption>
			<thead>
				<tr>
					<th scope="col">{ __( 'Time', 'pay-via-proxyapi' ) }</th>
					<th scope="col">{ __( 'From', 'pay-via-proxyapi' ) }</th>
					<th scope="col">
						{ __( 'Result code', 'pay-via-proxyapi' ) }
					</th>
					<th scope="col">{ __( 'Effect', 'pay-via-proxyapi' ) }</th>
				</tr>
			</thead>
			<tbody>
				{ events.map( ( event, index ) => (
					<tr key={ index }>
						<td>{ formatDateTime( event.at, formatting ) }</td>
						<td>{ eventSource( event.kind ) }</td>
						<td>{ event.result_code || NO_VALUE }</td>
						<td>{ eventEffect( event ) }</td>
					</tr>
				) ) }
			</tbody>
		</table>
	);
}
