/**
 * Internal dependencies
 */
import { parseShopperStatus } from '@pay-via-proxyapi/payment-status/parse-status';
import { AWAITING, failed, wire } from './wire';

describe( 'parseShopperStatus', () => {
	it( 'turns the route’s payload into the camelCase status', () => {
		expect( parseShopperStatus( failed( '2001', 'Wrong PIN' ) ) ).toEqual( {
			state: 'failed',
			resultCode: '2001',
			providerMessage: 'Wrong PIN',
			phone: '07•• ••• 678',
			resend: { allowed: true, reason: '', availableIn: 0 },
		} );
		expect( parseShopperStatus( AWAITING ).resend.availableIn ).toBe( 85 );
	} );

	it.each( [
		[ 'nothing', null ],
		[ 'a list', [] ],
		[ 'an unknown state', wire( 'exploded' ) ],
		[ 'a numeric code', { ...failed( '1' ), result_code: 1 } ],
		[ 'no resend', { ...wire( 'paid' ), resend: undefined } ],
		[
			'an unknown reason',
			wire( 'failed', { resend: { reason: 'why' } } ),
		],
		[
			'a negative wait',
			wire( 'failed', { resend: { available_in: -1 } } ),
		],
	] )( 'refuses %s', ( _label, raw ) => {
		expect( () => parseShopperStatus( raw ) ).toThrow( /malformed/ );
	} );
} );
