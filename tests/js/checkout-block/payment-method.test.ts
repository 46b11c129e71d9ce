/**
 * External dependencies
 */
import { isValidElement } from 'react';

/**
 * Internal dependencies
 */
import {
	canMakePayment,
	createPaymentMethod,
} from '@pay-via-proxyapi/checkout-block/payment-method';
import { registeredPaymentMethods } from '../__mocks__/woocommerce-blocks-registry';
import { resetSettings, setSetting } from '../__mocks__/woocommerce-settings';

const data = {
	title: 'Lipa na M-Pesa &amp; ProxyAPI',
	description: 'Pay from your phone.',
	supports: [ 'products' ],
};

describe( 'createPaymentMethod', () => {
	it( 'uses the gateway id as the payment method name', () => {
		expect( createPaymentMethod( data ).name ).toBe(
			'proxyapi_pvp_settings'
		);
	} );

	it( 'passes the server supports features through', () => {
		expect(
			createPaymentMethod( {
				...data,
				supports: [ 'products', 'refunds' ],
			} ).supports
		).toEqual( {
			features: [ 'products', 'refunds' ],
		} );
	} );

	it( 'decodes entities in the title for screen readers', () => {
		expect( createPaymentMethod( data ).ariaLabel ).toBe(
			'Lipa na M-Pesa & ProxyAPI'
		);
	} );

	it( 'falls back to a title when the merchant left it empty', () => {
		expect( createPaymentMethod( { ...data, title: '' } ).ariaLabel ).toBe(
			'M-Pesa'
		);
	} );

	it( 'gives label, content and edit as elements', () => {
		const method = createPaymentMethod( data );

		expect( isValidElement( method.label ) ).toBe( true );
		expect( isValidElement( method.content ) ).toBe( true );
		expect( isValidElement( method.edit ) ).toBe( true );
		expect( method.content.props ).toEqual( {
			description: 'Pay from your phone.',
		} );
	} );

	it( 'can always make payment, because the server already decided availability', () => {
		expect( createPaymentMethod( data ).canMakePayment ).toBe(
			canMakePayment
		);
		expect( canMakePayment() ).toBe( true );
	} );
} );

describe( 'the checkout-block entry', () => {
	afterEach( () => {
		resetSettings();
		registeredPaymentMethods.length = 0;
	} );

	it( 'registers the payment method built from the server data', async () => {
		setSetting( 'proxyapi_pvp_settings_data', data );

		// The entry registers as a side effect of loading; this is its only load in this file.
		await import( '@pay-via-proxyapi/checkout-block/index' );

		expect( registeredPaymentMethods ).toHaveLength( 1 );
		expect( registeredPaymentMethods[ 0 ] ).toMatchObject( {
			name: 'proxyapi_pvp_settings',
			supports: { features: [ 'products' ] },
		} );
	} );
} );
