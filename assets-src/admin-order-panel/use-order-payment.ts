/**
 * The panel's data and "Check status with M-Pesa now": ask the reconcile route, then re-read the panel's data.
 */

/**
 * External dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { useCallback, useRef, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { REST_NAMESPACE } from '../shared/constants';
import { requestErrorMessage } from '../shared/request-error';
import type { OrderPayment, ReconcileAnswer } from '../types/pay-via-proxyapi';

/** What the panel tells the user after a check, read out by its live region. */
export interface CheckMessage {
	status: 'success' | 'info' | 'error';
	text: string;
}

export interface OrderPaymentState {
	payment: OrderPayment;
	checking: boolean;
	message: CheckMessage | null;
	checkStatus: () => Promise< void >;
}

/**
 * @param outcome The reconcile route's outcome.
 * @return A sentence for it, when the server sent none.
 */
function outcomeText( outcome: string ): string {
	switch ( outcome ) {
		case 'settled':
			return __(
				'M-Pesa had a result for this payment; the order was updated.',
				'pay-via-proxyapi'
			);
		case 'no_result':
			return __(
				'M-Pesa has no result for this payment yet.',
				'pay-via-proxyapi'
			);
		case 'provider_error':
			return __(
				'The payment provider could not be asked right now. Try again in a few minutes.',
				'pay-via-proxyapi'
			);
		default:
			return __(
				'No M-Pesa payment of this order is waiting for a result.',
				'pay-via-proxyapi'
			);
	}
}

/**
 * @param initial The data inlined with the page.
 * @return The current data, whether a check runs, its message, and the check itself.
 */
export function useOrderPayment( initial: OrderPayment ): OrderPaymentState {
	const [ payment, setPayment ] = useState( initial );
	const [ checking, setChecking ] = useState( false );
	const [ message, setMessage ] = useState< CheckMessage | null >( null );
	const orderPath = `/${ REST_NAMESPACE }/admin/orders/${ initial.order_id }`;
	// The button stays focusable (aria-disabled) while a check runs, so presses during one are ignored here.
	const running = useRef( false );

	const checkStatus = useCallback( async () => {
		if ( running.current ) {
			return;
		}
		running.current = true;
		setChecking( true );
		setMessage( {
			status: 'info',
			text: __(
				'Asking M-Pesa for this payment’s status…',
				'pay-via-proxyapi'
			),
		} );
		try {
			const answer = await apiFetch< ReconcileAnswer >( {
				path: `${ orderPath }/reconcile`,
				method: 'POST',
			} );
			// The route changed the order (or not); the panel shows what the order meta says now.
			setPayment(
				await apiFetch< OrderPayment >( {
					path: `${ orderPath }/payment`,
				} )
			);
			setMessage( {
				status: answer.outcome === 'settled' ? 'success' : 'info',
				text: answer.message || outcomeText( answer.outcome ),
			} );
		} catch ( error ) {
			setMessage( {
				status: 'error',
				text: requestErrorMessage( error ),
			} );
		} finally {
			running.current = false;
			setChecking( false );
		}
	}, [ orderPath ] );

	return { payment, checking, message, checkStatus };
}
