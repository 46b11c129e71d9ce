/**
 * Reads `window.pvpOrderPanelData`, which PHP `Admin\OrderPanel` inlines before the script.
 */

/**
 * Internal dependencies
 */
import { readFormatting } from '../shared/format';
import type {
	OrderPanelScreenData,
	OrderPayment,
} from '../types/pay-via-proxyapi';

/**
 * @param raw The inline data.
 * @return The validated data.
 * @throws Error when it is missing or malformed.
 */
export function readOrderPanelData( raw: unknown ): OrderPanelScreenData {
	const formatting = readFormatting( raw );
	const { rootId, payment } = raw as Record< string, unknown >;
	const candidate = payment as Partial< OrderPayment > | null | undefined;
	if (
		typeof rootId !== 'string' ||
		typeof candidate?.order_id !== 'number' ||
		! Array.isArray( candidate.attempts )
	) {
		throw new Error(
			'Pay via ProxyAPI: the order panel data is incomplete.'
		);
	}
	return { ...formatting, rootId, payment: payment as OrderPayment };
}
