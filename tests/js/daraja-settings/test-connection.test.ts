/**
 * "Test connection" on the gateway's settings screen (Daraja direct).
 */
/**
 * External dependencies
 */
import apiFetch from '@wordpress/api-fetch';

/**
 * Internal dependencies
 */
import {
	TEST_BUTTON_ID,
	TEST_RESULT_ID,
	attachTestConnection,
	testConnection,
} from '../../../assets-src/daraja-settings/test-connection';

jest.mock( '@wordpress/api-fetch' );

const fetchMock = apiFetch as unknown as jest.Mock;

function screen(): { button: HTMLButtonElement; region: HTMLElement } {
	document.body.innerHTML = `<button type="button" id="${ TEST_BUTTON_ID }">Test connection</button><p id="${ TEST_RESULT_ID }" role="status" aria-live="polite"></p>`;
	attachTestConnection( document );
	return {
		button: document.getElementById( TEST_BUTTON_ID ) as HTMLButtonElement,
		region: document.getElementById( TEST_RESULT_ID ) as HTMLElement,
	};
}

beforeEach( () => fetchMock.mockReset() );

describe( 'Test connection', () => {
	it( 'posts to the admin route with no credentials in the request', async () => {
		fetchMock.mockResolvedValue( {
			ok: true,
			code: 'connected',
			message: 'Connected.',
		} );
		await testConnection();
		expect( fetchMock ).toHaveBeenCalledWith( {
			path: '/pay-via-proxyapi/v1/admin/daraja/test-connection',
			method: 'POST',
		} );
	} );

	it( 'shows Daraja’s answer in the live region, and the button is busy meanwhile', async () => {
		let answer: ( value: unknown ) => void = () => undefined;
		fetchMock.mockReturnValue(
			new Promise( ( resolve ) => ( answer = resolve ) )
		);
		const { button, region } = screen();
		button.click();
		expect( button.disabled ).toBe( true );
		expect( button.getAttribute( 'aria-busy' ) ).toBe( 'true' );
		expect( region.textContent ).toBe( 'Asking Daraja for a token…' );

		answer( {
			ok: false,
			code: 'rejected',
			message:
				'Daraja (sandbox) did not issue a token. Daraja refused the access token request: Invalid Authentication passed (400.008.01).',
		} );
		await new Promise( ( resolve ) => setTimeout( resolve, 0 ) );
		expect( region.textContent ).toContain( '400.008.01' );
		expect( region.classList.contains( 'is-error' ) ).toBe( true );
		expect( region.dataset.code ).toBe( 'rejected' );
		expect( button.disabled ).toBe( false );
		expect( button.hasAttribute( 'aria-busy' ) ).toBe( false );
		expect( button.ownerDocument.activeElement ).toBe( button );
	} );

	it( 'marks a success, then clears it for the next test', async () => {
		fetchMock.mockResolvedValueOnce( {
			ok: true,
			code: 'connected',
			message: 'Connected.',
		} );
		const { button, region } = screen();
		button.click();
		await new Promise( ( resolve ) => setTimeout( resolve, 0 ) );
		expect( region.classList.contains( 'is-success' ) ).toBe( true );

		fetchMock.mockReturnValueOnce( new Promise( () => undefined ) );
		button.click();
		expect( region.classList.contains( 'is-success' ) ).toBe( false );
	} );

	it( 'says so when the store does not answer', async () => {
		fetchMock.mockRejectedValue( new Error( 'offline' ) );
		expect( await testConnection() ).toMatchObject( {
			ok: false,
			code: 'request_failed',
		} );
	} );

	it( 'does nothing on a screen without the button', () => {
		document.body.innerHTML = '';
		expect( () => attachTestConnection( document ) ).not.toThrow();
	} );
} );
