/**
 * Orders in Pay via ProxyAPI 2.2.7's layout (on hold, meta checkout_request_id) and the success callbacks
 * that plugin expects at its /wc-api/ URL, for the comparison column. Built here because 2.2.7 never went
 * through the simulator: its ids are made up by the fixtures route.
 */
import type { BenchContext } from './context';
import { createOrders, type PreparedOrder } from './orders';

/** Pay via ProxyAPI 2.2.7's callback URL (WooCommerce lowercases the action name). */
export const LEGACY_CALLBACK_PATH = '/wc-api/wc_payment_gateway_proxyapi_pvp';

const TRANSACTION_TIME = '20261130101010';

/**
 * @param context The bench context.
 * @param count   How many orders.
 * @param tag     A label for their e-mail addresses.
 * @return Orders with both success bodies, addressed to 2.2.7's callback URL.
 */
export async function prepareLegacyOrders(
	context: BenchContext,
	count: number,
	tag: string
): Promise< PreparedOrder[] > {
	const created = await createOrders( context, count, tag, 'legacy' );
	return created.map( ( order ) => {
		const receipt = `UB${ String( order.id ).padStart( 8, '0' ) }`;
		const ids = {
			MerchantRequestID: order.merchant_request_id ?? '',
			CheckoutRequestID: order.checkout_request_id ?? '',
		};
		return {
			...order,
			callbackUrl: `${ context.store.url }${ LEGACY_CALLBACK_PATH }`,
			receipt,
			bodies: {
				stk: {
					Body: {
						stkCallback: {
							...ids,
							ResultCode: 0,
							ResultDesc:
								'The service request is processed successfully.',
							CallbackMetadata: {
								Item: [
									{ Name: 'Amount', Value: 100 },
									{
										Name: 'MpesaReceiptNumber',
										Value: receipt,
									},
									{ Name: 'Balance' },
									{
										Name: 'TransactionDate',
										Value: Number( TRANSACTION_TIME ),
									},
									{
										Name: 'PhoneNumber',
										Value: 254700009000,
									},
								],
							},
						},
					},
				},
				pvp: {
					Body: {
						pvpCallback: {
							RequestID: `BENCH${ order.id }`,
							CheckoutRequestID: ids.CheckoutRequestID,
							CallbackMetadata: {
								TransactionID: receipt,
								TransactionTime: TRANSACTION_TIME,
								SenderMSISDN: '254700009000',
								SenderFirstName: 'Jane',
								SenderLastName: 'Doe',
								DueDate: 1798589837,
							},
						},
					},
				},
			},
		};
	} );
}
