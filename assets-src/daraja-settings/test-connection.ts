/**
 * External dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { REST_NAMESPACE } from '../shared/constants';
import type { DarajaTestAnswer } from '../types/pay-via-proxyapi';

/** DOM ids of the button and its live region (PHP `Admin\DarajaSettingsScreen`). */
export const TEST_BUTTON_ID = 'pvp-daraja-test';
export const TEST_RESULT_ID = 'pvp-daraja-test-result';

/**
 * Asks the store to fetch a Daraja access token with the saved credentials.
 *
 * @return What Daraja said, in the store owner's words; never a credential.
 */
export async function testConnection(): Promise< DarajaTestAnswer > {
	try {
		return await apiFetch< DarajaTestAnswer >( {
			path: `/${ REST_NAMESPACE }/admin/daraja/test-connection`,
			method: 'POST',
		} );
	} catch {
		return {
			ok: false,
			code: 'request_failed',
			message: __(
				'The store did not answer the test. Reload the page and try again.',
				'pay-via-proxyapi'
			),
		};
	}
}

/**
 * Shows an answer in the live region (announced politely) and styles it as success or error.
 *
 * @param region The live region.
 * @param answer What the test said.
 */
export function showAnswer(
	region: HTMLElement,
	answer: DarajaTestAnswer
): void {
	region.textContent = answer.message;
	region.dataset.code = answer.code;
	region.classList.toggle( 'is-success', answer.ok );
	region.classList.toggle( 'is-error', ! answer.ok );
}

/**
 * Wires "Test connection": one test at a time; the button is busy meanwhile and gets focus back after.
 *
 * @param doc The settings screen's document.
 */
export function attachTestConnection( doc: Document ): void {
	const button = doc.getElementById( TEST_BUTTON_ID );
	const region = doc.getElementById( TEST_RESULT_ID );
	if ( ! ( button instanceof HTMLButtonElement ) || ! region ) {
		return;
	}
	button.addEventListener( 'click', async () => {
		button.disabled = true;
		button.setAttribute( 'aria-busy', 'true' );
		region.classList.remove( 'is-success', 'is-error' );
		region.textContent = __(
			'Asking Daraja for a token…',
			'pay-via-proxyapi'
		);
		showAnswer( region, await testConnection() );
		button.disabled = false;
		button.removeAttribute( 'aria-busy' );
		button.focus();
	} );
}
