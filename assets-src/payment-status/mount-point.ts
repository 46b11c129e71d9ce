/**
 * Internal dependencies
 */
import type { PaymentStatusPanelProps } from './payment-status-panel';
import { parseShopperStatus } from './parse-status';

/** The element PHP `Checkout\PaymentStatusPanel` prints. */
export const MOUNT_SELECTOR = '.pvp-payment-status[data-order-id]';

/**
 * Reads the panel's props from its mount point's data attributes.
 *
 * @param element The mount point.
 * @return The props, or null when the element does not describe an order.
 */
export function readMountPoint(
	element: HTMLElement
): PaymentStatusPanelProps | null {
	const { orderId, orderKey, context, status } = element.dataset;
	const id = Number( orderId );
	if ( ! Number.isInteger( id ) || id <= 0 || ! orderKey ) {
		return null;
	}
	let initial = null;
	try {
		initial = parseShopperStatus( JSON.parse( status ?? '' ) );
	} catch {
		// No usable first status: the panel asks the store at once.
	}
	return {
		orderId: id,
		orderKey,
		initial,
		allowResend: context !== 'order-pay',
	};
}
