/**
 * The server never trusts the browser: the same phone rules hold when the Checkout block is bypassed.
 */
import { test, expect } from '@playwright/test';
import { storeCheckout } from '../fixtures/security';
import { Simulator } from '../fixtures/store';

test( 'a Store API checkout with an invalid M-Pesa number gets a clear error and sends no prompt', async ( {
	request,
} ) => {
	const simulator = new Simulator( request );
	const before = ( await simulator.requests() ).length;

	const answer = await storeCheckout( '0812 345 678' );
	await answer.context.dispose();

	expect( answer.status ).toBe( 400 );
	expect( String( answer.body.message ) ).toContain(
		'Enter a Safaricom M-Pesa number, e.g. 0712 345 678'
	);
	expect( await simulator.requests() ).toHaveLength( before );
	expect( answer.cartItems, 'the cart is kept' ).toBe( 1 );
} );
