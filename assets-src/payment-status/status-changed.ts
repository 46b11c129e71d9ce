/**
 * The `@wordpress/hooks` action themes and other scripts can listen to.
 *
 * ```js
 * wp.hooks.addAction( 'pay-via-proxyapi.payment-status.changed', 'my-theme', ( status, previous, orderId ) => {
 * 	if ( status.state === 'paid' ) { … }
 * } );
 * ```
 */

/**
 * External dependencies
 */
import { doAction } from '@wordpress/hooks';

/**
 * Internal dependencies
 */
import type { ShopperPaymentStatus } from '../types/pay-via-proxyapi';

export const STATUS_CHANGED_ACTION = 'pay-via-proxyapi.payment-status.changed';

/**
 * @param status A status.
 * @return What makes two statuses different for a listener: the state and, for a failure, its code.
 */
function signature( status: ShopperPaymentStatus | null ): string {
	return status === null ? '' : `${ status.state }:${ status.resultCode }`;
}

/**
 * Fires the action when the payment's state (or failure code) changed, including the first status shown.
 *
 * @param next     The status just received.
 * @param previous The status shown before (null at first).
 * @param orderId  The order.
 * @return Whether it fired.
 */
export function announceStatusChange(
	next: ShopperPaymentStatus,
	previous: ShopperPaymentStatus | null,
	orderId: number
): boolean {
	if ( signature( next ) === signature( previous ) ) {
		return false;
	}
	doAction( STATUS_CHANGED_ACTION, next, previous, orderId );
	return true;
}
