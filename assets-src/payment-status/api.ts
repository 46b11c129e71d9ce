/**
 * The shopper's two REST routes, through `@wordpress/api-fetch` (root URL and nonce come from WordPress).
 */

/**
 * External dependencies
 */
import apiFetch, { type APIFetchOptions } from '@wordpress/api-fetch';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { REST_NAMESPACE } from '../shared/constants';
import type { ShopperPaymentStatus } from '../types/pay-via-proxyapi';
import { parseShopperStatus } from './parse-status';

/** Which order, and the key that proves the visitor may see it. */
export interface OrderRef {
	orderId: number;
	orderKey: string;
}

/** A refused or failed request, with the server's message for the shopper. */
export class PaymentRequestError extends Error {
	/**
	 * @param message     For the shopper, translated.
	 * @param status      HTTP status (0 when the store could not be reached).
	 * @param availableIn Seconds until trying again makes sense, when the server said.
	 */
	constructor(
		message: string,
		readonly status: number,
		readonly availableIn: number | null = null
	) {
		super( message );
		this.name = 'PaymentRequestError';
	}
}

function paymentPath( { orderId }: OrderRef ): string {
	return `/${ REST_NAMESPACE }/orders/${ orderId }/payment`;
}

/**
 * Turns what api-fetch rejects with (the REST error JSON, or a network error) into a PaymentRequestError.
 *
 * @param error The rejection.
 * @return The typed error.
 */
export function toRequestError( error: unknown ): PaymentRequestError {
	const body = error as {
		message?: unknown;
		data?: { status?: unknown; available_in?: unknown } | null;
	} | null;
	const status =
		typeof body?.data?.status === 'number' ? body.data.status : 0;
	const availableIn =
		typeof body?.data?.available_in === 'number'
			? body.data.available_in
			: null;
	const message =
		status !== 0 && typeof body?.message === 'string' && body.message
			? body.message
			: __(
					'We could not reach the store. Check your connection; we will keep trying.',
					'pay-via-proxyapi'
				);
	return new PaymentRequestError( message, status, availableIn );
}

/**
 * @param options api-fetch options for one of the two routes.
 * @return The validated status the route answered.
 * @throws PaymentRequestError when the route refused, the store could not be reached or its answer is unusable.
 */
async function call(
	options: APIFetchOptions< true >
): Promise< ShopperPaymentStatus > {
	let raw: unknown;
	try {
		raw = await apiFetch< unknown >( options );
	} catch ( error ) {
		throw toRequestError( error );
	}
	try {
		return parseShopperStatus( raw );
	} catch {
		// Not the store's answer (a proxy page, a broken plugin): as good as unreachable.
		throw toRequestError( null );
	}
}

/**
 * @param order Which order.
 * @return Its payment status now.
 */
export function fetchPaymentStatus(
	order: OrderRef
): Promise< ShopperPaymentStatus > {
	return call( {
		path: `${ paymentPath( order ) }?key=${ encodeURIComponent(
			order.orderKey
		) }`,
	} );
}

/**
 * Asks for a new M-Pesa prompt (a new attempt with a new RequestID on the server).
 *
 * @param order Which order.
 * @param phone Another number to prompt; the last one is used when absent.
 * @return The status after the prompt was sent.
 */
export function requestPrompt(
	order: OrderRef,
	phone?: string
): Promise< ShopperPaymentStatus > {
	return call( {
		path: `${ paymentPath( order ) }/attempts`,
		method: 'POST',
		data: {
			key: order.orderKey,
			...( phone !== undefined ? { phone } : {} ),
		},
	} );
}
