/**
 * External dependencies
 */
import { getSetting } from '@woocommerce/settings';

/**
 * Internal dependencies
 */
import { SETTINGS_DATA_KEY } from '../shared/constants';
import type { PvpData } from '../types/pay-via-proxyapi';

/**
 * Validates the raw server data into `PvpData`.
 *
 * @param raw Whatever `getSetting()` returned.
 * @return The typed data.
 * @throws Error naming the missing or malformed field, so a broken server contract is found at once.
 */
export function parsePvpData( raw: unknown ): PvpData {
	if ( typeof raw !== 'object' || raw === null || Array.isArray( raw ) ) {
		throw new Error(
			`Pay via ProxyAPI: the "${ SETTINGS_DATA_KEY }" setting is missing; is the payment method registered on the server?`
		);
	}

	const data = raw as Record< string, unknown >;
	const { title, description, supports } = data;

	if ( typeof title !== 'string' ) {
		throw new Error(
			`Pay via ProxyAPI: "${ SETTINGS_DATA_KEY }.title" must be a string.`
		);
	}
	if ( typeof description !== 'string' ) {
		throw new Error(
			`Pay via ProxyAPI: "${ SETTINGS_DATA_KEY }.description" must be a string.`
		);
	}
	if (
		! Array.isArray( supports ) ||
		! supports.every( ( feature ) => typeof feature === 'string' )
	) {
		throw new Error(
			`Pay via ProxyAPI: "${ SETTINGS_DATA_KEY }.supports" must be a list of strings.`
		);
	}

	return { title, description, supports: supports as string[] };
}

/**
 * Reads and validates the data that `PaymentMethodType::get_payment_method_data()` provides.
 *
 * @return The typed data.
 * @throws Error when the data is absent or malformed.
 */
export function getPvpData(): PvpData {
	return parsePvpData( getSetting( SETTINGS_DATA_KEY, null ) );
}
