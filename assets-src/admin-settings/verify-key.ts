/**
 * External dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { REST_NAMESPACE } from '../shared/constants';
import type { VerifyKeyAnswer } from '../types/pay-via-proxyapi';

/** Where the settings screen's API key field is (WooCommerce names it after the gateway id). */
export const API_KEY_FIELD_ID = 'woocommerce_proxyapi_pvp_settings_api_key';

/**
 * Asks the store to try a key with ProxyAPI.
 *
 * @param apiKey The key typed in the field ('' for the saved one).
 * @return What ProxyAPI said, in the store owner's words.
 */
export async function verifyKey( apiKey: string ): Promise< VerifyKeyAnswer > {
	try {
		return await apiFetch< VerifyKeyAnswer >( {
			path: `/${ REST_NAMESPACE }/admin/api-key/verify`,
			method: 'POST',
			data: { api_key: apiKey },
		} );
	} catch {
		return {
			ok: false,
			code: 'request_failed',
			message: __(
				'The store did not answer the check. Reload the page and try again.',
				'pay-via-proxyapi'
			),
		};
	}
}

/**
 * Wires the "Verify API key" button: one check at a time, the answer in a polite live region so screen
 * readers announce it.
 *
 * @param doc The document of the settings screen.
 */
export function attachVerifyButton( doc: Document ): void {
	const button = doc.getElementById( 'pvp-verify-key' );
	const result = doc.getElementById( 'pvp-verify-key-result' );
	if ( ! ( button instanceof HTMLButtonElement ) || ! result ) {
		return;
	}
	button.addEventListener( 'click', async () => {
		const field = doc.getElementById( API_KEY_FIELD_ID );
		const typed = field instanceof HTMLInputElement ? field.value : '';
		button.disabled = true;
		button.setAttribute( 'aria-busy', 'true' );
		result.className = 'pvp-verify-key__result';
		result.textContent = __( 'Asking ProxyAPI…', 'pay-via-proxyapi' );
		const answer = await verifyKey( typed.trim() );
		result.textContent = answer.message;
		result.className = `pvp-verify-key__result is-${
			answer.ok ? 'success' : 'error'
		}`;
		result.dataset.code = answer.code;
		button.disabled = false;
		button.removeAttribute( 'aria-busy' );
		button.focus();
	} );
}
