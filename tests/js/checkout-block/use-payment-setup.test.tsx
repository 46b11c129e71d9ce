/**
 * External dependencies
 */
import { renderHook } from '@testing-library/react';

/**
 * Internal dependencies
 */
import { usePaymentSetup } from '@pay-via-proxyapi/checkout-block/use-payment-setup';
import { createFakeCheckout } from './fake-checkout';

function renderPaymentSetup( phone: string ) {
	const checkout = createFakeCheckout();
	const hook = renderHook(
		( props: { phone: string } ) =>
			usePaymentSetup( { ...checkout, phone: props.phone } ),
		{
			initialProps: { phone },
		}
	);
	return { checkout, hook };
}

describe( 'usePaymentSetup', () => {
	it( 'answers success with the normalised number as pvp_phone', async () => {
		const { checkout } = renderPaymentSetup( '0712 345 678' );

		await expect( checkout.setUpPayment() ).resolves.toEqual( {
			type: 'success',
			meta: { paymentMethodData: { pvp_phone: '254712345678' } },
		} );
	} );

	it( 'answers an error in the payments area for an unusable number', async () => {
		const { checkout } = renderPaymentSetup( '0812 345 678' );

		await expect( checkout.setUpPayment() ).resolves.toEqual( {
			type: 'error',
			message: 'Enter a Safaricom M-Pesa number, e.g. 0712 345 678',
			messageContext: 'wc/payment-area',
		} );
	} );

	it( 'sends the number the shopper has now, not the first one', async () => {
		const { checkout, hook } = renderPaymentSetup( '0712345678' );

		hook.rerender( { phone: '+254 110 000 000' } );

		expect( checkout.observers.size ).toBe( 1 );
		await expect( checkout.setUpPayment() ).resolves.toMatchObject( {
			meta: { paymentMethodData: { pvp_phone: '254110000000' } },
		} );
	} );

	it( 'unsubscribes on unmount', () => {
		const { checkout, hook } = renderPaymentSetup( '0712345678' );
		expect( checkout.observers.size ).toBe( 1 );

		hook.unmount();

		expect( checkout.observers.size ).toBe( 0 );
	} );
} );
