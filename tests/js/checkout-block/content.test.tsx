/**
 * External dependencies
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * Internal dependencies
 */
import { Content } from '@pay-via-proxyapi/checkout-block/content';
import { createFakeCheckout, type FakeCheckout } from './fake-checkout';

const ERROR = 'Enter a Safaricom M-Pesa number, e.g. 0712 345 678';

function props( checkout: FakeCheckout, billingPhone: string ) {
	return {
		...checkout,
		activePaymentMethod: 'proxyapi_pvp_settings',
		description: 'Pay with M-Pesa &amp; get a prompt.',
		billing: {
			billingAddress: {
				first_name: 'Wanjiru',
				last_name: 'K',
				email: 'w@example.com',
				phone: billingPhone,
				country: 'KE',
			},
		},
	};
}

function renderContent( billingPhone: string ) {
	const checkout = createFakeCheckout();
	const view = render( <Content { ...props( checkout, billingPhone ) } /> );
	const rerenderWithBillingPhone = ( phone: string ) =>
		view.rerender( <Content { ...props( checkout, phone ) } /> );
	const input = () => screen.getByLabelText( 'M-Pesa phone number' );
	return { checkout, input, rerenderWithBillingPhone };
}

describe( 'Content', () => {
	it( 'shows the description as text and a labelled phone field with a stable id', () => {
		const { input } = renderContent( '' );

		expect(
			screen.getByText( 'Pay with M-Pesa & get a prompt.' )
		).toBeInTheDocument();
		expect( input() ).toHaveAttribute( 'id', 'pvp-mpesa-phone' );
		expect( input() ).toHaveAttribute( 'type', 'tel' );
		expect( input() ).toHaveAttribute( 'autocomplete', 'tel' );
		expect( input() ).toHaveAccessibleDescription(
			'The number that gets the M-Pesa prompt, e.g. 0712 345 678'
		);
	} );

	it( 'prefills the field from the billing phone', () => {
		const { input } = renderContent( '0712 345 678' );

		expect( input() ).toHaveValue( '0712 345 678' );
	} );

	it( 'follows the billing phone until the shopper edits the field', async () => {
		const user = userEvent.setup();
		const { input, rerenderWithBillingPhone } =
			renderContent( '0712345678' );

		rerenderWithBillingPhone( '0722000111' );
		expect( input() ).toHaveValue( '0722000111' );

		await user.clear( input() );
		await user.type( input(), '0700000000' );
		rerenderWithBillingPhone( '0733000222' );

		expect( input() ).toHaveValue( '0700000000' );
	} );

	it( 'shows the inline error when an unusable number is left', async () => {
		const user = userEvent.setup();
		const { input } = renderContent( '' );

		await user.type( input(), '0812 345 678' );
		expect( screen.queryByRole( 'alert' ) ).not.toBeInTheDocument();
		await user.tab();

		expect( screen.getByRole( 'alert' ) ).toHaveTextContent( ERROR );
		expect( input() ).toHaveAttribute( 'aria-invalid', 'true' );
	} );

	it( 'clears the inline error once the number is fixed', async () => {
		const user = userEvent.setup();
		const { input } = renderContent( '0812345678' );

		await user.click( input() );
		await user.tab();
		expect( screen.getByRole( 'alert' ) ).toHaveTextContent( ERROR );

		await user.clear( input() );
		await user.type( input(), '0712345678' );
		await user.tab();

		expect( screen.queryByRole( 'alert' ) ).not.toBeInTheDocument();
	} );

	it( 'keeps a hidden validation error for an empty field, so "Place order" is blocked', () => {
		const { input } = renderContent( '' );

		expect( input() ).toHaveAttribute( 'data-validation-error', ERROR );
		expect( screen.queryByRole( 'alert' ) ).not.toBeInTheDocument();
	} );

	it( 'sends the typed number, normalised, when the order is placed', async () => {
		const user = userEvent.setup();
		const { checkout, input } = renderContent( '0712345678' );

		await user.clear( input() );
		await user.type( input(), '+254 110 000 000' );

		await expect( checkout.setUpPayment() ).resolves.toEqual( {
			type: 'success',
			meta: { paymentMethodData: { pvp_phone: '254110000000' } },
		} );
	} );
} );
