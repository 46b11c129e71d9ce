/**
 * Internal dependencies
 */
import {
	getPvpData,
	parsePvpData,
} from '@pay-via-proxyapi/checkout-block/settings';
import { resetSettings, setSetting } from '../__mocks__/woocommerce-settings';

const valid = {
	title: 'Lipa na M-Pesa',
	description: 'Pay from your phone.',
	supports: [ 'products' ],
};

describe( 'getPvpData', () => {
	afterEach( () => resetSettings() );

	it( 'returns the server data under proxyapi_pvp_settings_data', () => {
		setSetting( 'proxyapi_pvp_settings_data', valid );

		expect( getPvpData() ).toEqual( valid );
	} );

	it( 'throws a clear error when the server data is absent', () => {
		expect( () => getPvpData() ).toThrow(
			/"proxyapi_pvp_settings_data" setting is missing/
		);
	} );
} );

describe( 'parsePvpData', () => {
	it( 'keeps only the contract fields', () => {
		expect( parsePvpData( { ...valid, secret: 'never' } ) ).toEqual(
			valid
		);
	} );

	it.each( [ null, false, 'text', [ valid ] ] )(
		'refuses %p as the data',
		( raw ) => {
			expect( () => parsePvpData( raw ) ).toThrow( /setting is missing/ );
		}
	);

	it.each( [
		[ 'title', { ...valid, title: 7 } ],
		[ 'description', { ...valid, description: undefined } ],
		[ 'supports', { ...valid, supports: 'products' } ],
		[ 'supports', { ...valid, supports: [ 'products', 3 ] } ],
	] )( 'names the malformed field %s', ( field, raw ) => {
		expect( () => parsePvpData( raw ) ).toThrow(
			`proxyapi_pvp_settings_data.${ field }`
		);
	} );
} );
