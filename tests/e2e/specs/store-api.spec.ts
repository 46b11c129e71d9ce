/**
 * The server never trusts the browser: the same phone rules hold when the Checkout block is bypassed.
 */
import { test, expect, type APIRequestContext } from '@playwright/test';
import { STORE_URL, Simulator } from '../fixtures/store';

async function cartWithProduct(
	request: APIRequestContext
): Promise< Record< string, string > > {
	const cart = await request.get( `${ STORE_URL }/wp-json/wc/store/v1/cart` );
	const headers = {
		Nonce: cart.headers().nonce,
		'Cart-Token': cart.headers()[ 'cart-token' ],
	};
	const products = await (
		await request.get(
			`${ STORE_URL }/wp-json/wc/store/v1/products?sku=ACC-TEST-100`
		)
	).json();
	const added = await request.post(
		`${ STORE_URL }/wp-json/wc/store/v1/cart/add-item`,
		{
			headers,
			data: { id: products[ 0 ].id, quantity: 1 },
		}
	);
	expect( added.ok() ).toBeTruthy();
	return headers;
}

const ADDRESS = {
	first_name: 'Wanjiku',
	last_name: 'Kamau',
	address_1: 'Moi Avenue 10',
	city: 'Nairobi',
	state: 'KE30',
	postcode: '00100',
	country: 'KE',
	phone: '+254708374149',
};

test( 'a Store API checkout with an invalid M-Pesa number gets a clear error and sends no prompt', async ( {
	request,
} ) => {
	const simulator = new Simulator( request );
	const before = ( await simulator.requests() ).length;
	const headers = await cartWithProduct( request );

	const response = await request.post(
		`${ STORE_URL }/wp-json/wc/store/v1/checkout`,
		{
			headers,
			data: {
				billing_address: { ...ADDRESS, email: 'api@example.com' },
				shipping_address: ADDRESS,
				payment_method: 'proxyapi_pvp_settings',
				payment_data: [ { key: 'pvp_phone', value: '0812 345 678' } ],
			},
		}
	);

	expect( response.status() ).toBe( 400 );
	expect( ( await response.json() ).message ).toContain(
		'Enter a Safaricom M-Pesa number, e.g. 0712 345 678'
	);
	expect( await simulator.requests() ).toHaveLength( before );

	const cart = await (
		await request.get( `${ STORE_URL }/wp-json/wc/store/v1/cart`, {
			headers,
		} )
	).json();
	expect( cart.items_count, 'the cart is kept' ).toBe( 1 );
} );
