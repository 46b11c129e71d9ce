/**
 * External dependencies
 */
import { __ } from '@wordpress/i18n';
import { decodeEntities } from '@wordpress/html-entities';
import type { PaymentMethodConfiguration } from '@woocommerce/blocks-registry';

/**
 * Internal dependencies
 */
import { PAYMENT_METHOD_NAME } from '../shared/constants';
import type { PvpData } from '../types/pay-via-proxyapi';
import { Content } from './content';
import { Label } from './label';

/**
 * Whether the method may be offered for this cart.
 *
 * Always true: the server already leaves the gateway out when it cannot be used (disabled, not configured,
 * wrong currency), and WooCommerce only lists methods the server made available.
 *
 * @return True.
 */
export function canMakePayment(): boolean {
	return true;
}

/**
 * Builds the configuration passed to `registerPaymentMethod()`.
 *
 * WooCommerce clones `label`, `content` and `edit` with the payment-method props, so only our own
 * props are given here; the cast below says so to TypeScript.
 *
 * @param data The validated server data.
 * @return The payment-method configuration.
 */
export function createPaymentMethod(
	data: PvpData
): PaymentMethodConfiguration {
	const title =
		data.title !== '' ? data.title : __( 'M-Pesa', 'pay-via-proxyapi' );
	const contentProps = { description: data.description } as Parameters<
		typeof Content
	>[ 0 ];

	return {
		name: PAYMENT_METHOD_NAME,
		label: <Label title={ title } />,
		content: <Content { ...contentProps } />,
		edit: <Content { ...contentProps } />,
		canMakePayment,
		ariaLabel: decodeEntities( title ),
		supports: { features: data.supports },
	};
}
