/**
 * Internal dependencies
 */
import { readMountPoint } from '@pay-via-proxyapi/payment-status/mount-point';
import { AWAITING } from './wire';

function mountPoint( data: Record< string, string > ): HTMLElement {
	const element = document.createElement( 'div' );
	element.className = 'pvp-payment-status';
	Object.assign( element.dataset, data );
	return element;
}

describe( 'readMountPoint', () => {
	it( 'reads the order, its key and the first status PHP printed', () => {
		const props = readMountPoint(
			mountPoint( {
				orderId: '42',
				orderKey: 'wc_order_AbC123',
				context: 'order-received',
				status: JSON.stringify( AWAITING ),
			} )
		);

		expect( props ).toMatchObject( {
			orderId: 42,
			orderKey: 'wc_order_AbC123',
			allowResend: true,
		} );
		expect( props?.initial?.state ).toBe( 'awaiting' );
	} );

	it( 'leaves resending to the form on the pay-for-order page', () => {
		expect(
			readMountPoint(
				mountPoint( {
					orderId: '42',
					orderKey: 'k',
					context: 'order-pay',
				} )
			)?.allowResend
		).toBe( false );
	} );

	it( 'asks the store first when the printed status is unusable', () => {
		expect(
			readMountPoint(
				mountPoint( { orderId: '42', orderKey: 'k', status: '{oops' } )
			)?.initial
		).toBeNull();
	} );

	it.each( [
		[ { orderKey: 'k' } ],
		[ { orderId: '0', orderKey: 'k' } ],
		[ { orderId: '4.2', orderKey: 'k' } ],
		[ { orderId: '42' } ],
	] )( 'ignores an element that does not name an order: %o', ( data ) => {
		expect( readMountPoint( mountPoint( data ) ) ).toBeNull();
	} );
} );
