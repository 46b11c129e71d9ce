/**
 * The ProxyAPI cross-check, shown above the attempts: payments M-Pesa and the store disagree about come first.
 */

/**
 * External dependencies
 */
import { Notice, Spinner } from '@wordpress/components';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import {
	NO_VALUE,
	formatDateTime,
	formatKes,
	orderEditUrl,
} from '../shared/format';
import type {
	AdminFormatting,
	CrossCheckResult,
} from '../types/pay-via-proxyapi';
import { attentionLabel } from './labels';
import type { ApiGetState } from './use-api-get';

export interface AttentionTableProps {
	check: ApiGetState< CrossCheckResult >;
	formatting: AdminFormatting;
}

/**
 * @param check The cross-check's answer.
 * @return Why there is no cross-check, for the owner; null when there is one.
 */
function unavailableText(
	check: ApiGetState< CrossCheckResult >
): string | null {
	if ( check.error !== null ) {
		return check.error;
	}
	if ( check.data === null || check.data.available ) {
		return null;
	}
	if ( check.data.reason === 'other_provider' ) {
		return __(
			"The cross-check with ProxyAPI is only available while ProxyAPI is the payment provider. The table below shows the store's own records.",
			'pay-via-proxyapi'
		);
	}
	const reason = check.data.message !== '' ? ` ${ check.data.message }` : '';
	return (
		__(
			"ProxyAPI could not be reached, so payments were not compared with ProxyAPI's list. The table below shows the store's own records.",
			'pay-via-proxyapi'
		) + reason
	);
}

/**
 * @param props            The cross-check state and how to format.
 * @param props.check
 * @param props.formatting
 */
export function AttentionTable( {
	check,
	formatting,
}: AttentionTableProps ): JSX.Element {
	if ( check.loading && check.data === null ) {
		return (
			<p className="pvp-attention__loading">
				<Spinner />
				{ __( 'Comparing with ProxyAPI’s list…', 'pay-via-proxyapi' ) }
			</p>
		);
	}
	const unavailable = unavailableText( check );
	if ( unavailable !== null || check.data === null ) {
		return (
			<Notice status="warning" isDismissible={ false }>
				{ unavailable }
			</Notice>
		);
	}
	const { items, listed } = check.data;
	if ( items.length === 0 ) {
		return (
			<p className="pvp-attention__ok">
				{ sprintf(
					/* translators: %d: number of transactions ProxyAPI lists. */
					_n(
						'ProxyAPI lists %d transaction; it agrees with the store.',
						'ProxyAPI lists %d transactions; they agree with the store.',
						listed,
						'pay-via-proxyapi'
					),
					listed
				) }
			</p>
		);
	}
	return (
		<table className="widefat striped pvp-attention">
			<caption>
				{ sprintf(
					/* translators: %d: number of payments that need attention. */
					_n(
						'Needs attention: %d payment',
						'Needs attention: %d payments',
						items.length,
						'pay-via-proxyapi'
					),
					items.length
				) }
			</caption>
			<thead>
				<tr>
					<th scope="col">{ __( 'Problem', 'pay-via-proxyapi' ) }</th>
					<th scope="col">{ __( 'Date', 'pay-via-proxyapi' ) }</th>
					<th scope="col">{ __( 'Order', 'pay-via-proxyapi' ) }</th>
					<th scope="col">{ __( 'Receipt', 'pay-via-proxyapi' ) }</th>
					<th scope="col">{ __( 'Amount', 'pay-via-proxyapi' ) }</th>
					<th scope="col">{ __( 'Phone', 'pay-via-proxyapi' ) }</th>
					<th scope="col">{ __( 'Payer', 'pay-via-proxyapi' ) }</th>
					<th scope="col">
						{ __( 'CheckoutRequestID', 'pay-via-proxyapi' ) }
					</th>
				</tr>
			</thead>
			<tbody>
				{ items.map( ( item ) => (
					<tr
						key={ `${ item.kind }-${ item.checkout_request_id }` }
						className={ `pvp-attention__row pvp-attention__row--${ item.kind }` }
					>
						<th scope="row">{ attentionLabel( item.kind ) }</th>
						<td>{ formatDateTime( item.at, formatting ) }</td>
						<td>
							{ item.order_id > 0 ? (
								<a
									href={ orderEditUrl(
										formatting,
										item.order_id
									) }
								>
									#{ item.order_number || item.order_id }
								</a>
							) : (
								item.account_reference &&
								sprintf(
									/* translators: %s: the order number ProxyAPI lists (the store has no such payment). */
									__( 'listed as %s', 'pay-via-proxyapi' ),
									item.account_reference
								)
							) }
						</td>
						<td>{ item.receipt || NO_VALUE }</td>
						<td>{ formatKes( item.amount, formatting.locale ) }</td>
						<td>{ item.phone || NO_VALUE }</td>
						<td>{ item.payer || NO_VALUE }</td>
						<td>{ item.checkout_request_id }</td>
					</tr>
				) ) }
			</tbody>
		</table>
	);
}
