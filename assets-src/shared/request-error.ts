/**
 * Turns what `@wordpress/api-fetch` rejects with into one sentence for the store owner (admin screens).
 */

/**
 * External dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * @param error An api-fetch rejection: the route's error JSON (`{ code, message, data: { status } }`) or a
 *              network failure.
 * @return The server's message when it sent one, else a generic one.
 */
export function requestErrorMessage( error: unknown ): string {
	const body = error as { code?: unknown; message?: unknown } | null;
	if (
		body?.code === 'rest_forbidden' ||
		body?.code === 'pvp_rest_forbidden'
	) {
		return __(
			'You are not allowed to see M-Pesa payments. Ask a shop manager or administrator.',
			'pay-via-proxyapi'
		);
	}
	if ( typeof body?.message === 'string' && body.message !== '' ) {
		return body.message;
	}
	return __(
		'The store could not be reached. Check your connection and try again.',
		'pay-via-proxyapi'
	);
}
