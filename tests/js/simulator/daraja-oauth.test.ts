/**
 * @jest-environment node
 *
 * The simulated Daraja Authorization API: Basic credentials in, a 3599 s token out, Daraja's error
 * shape for everything else.
 */
import { simulatorHarness } from './harness';
import { BASIC, send, token } from './daraja-support';
import { get, post } from './support';

const h = simulatorHarness();
const oauth = (
	headers: Record< string, string >,
	query = 'grant_type=client_credentials'
) => send( 'GET', `${ h.sim.url }/oauth/v1/generate?${ query }`, headers );

describe( 'GET /oauth/v1/generate', () => {
	it( 'issues a token that expires in 3599 seconds for the registered key and secret', async () => {
		const answer = await oauth( { Authorization: BASIC } );
		expect( answer.status ).toBe( 200 );
		expect( answer.json ).toEqual( {
			access_token: expect.stringMatching( /^[A-Za-z0-9_-]{20,}$/ ),
			expires_in: 3599,
		} );
		expect(
			( await get( `${ h.sim.url }/__sim/daraja/tokens` ) ).json
		).toEqual( {
			ok: true,
			issued: 1,
			active: 1,
		} );
	} );

	it.each( [
		[
			'a wrong secret',
			{
				Authorization: `Basic ${ Buffer.from( 'pvp-sim-consumer-key:nope' ).toString( 'base64' ) }`,
			},
		],
		[ 'no Authorization header', {} ],
		[ 'a Bearer header', { Authorization: 'Bearer abc' } ],
	] )(
		'refuses %s with 400.008.01 in Daraja’s error shape',
		async ( _name, headers ) => {
			const answer = await oauth( headers );
			expect( answer.status ).toBe( 400 );
			expect( answer.json ).toEqual( {
				requestId: expect.stringMatching( /^\d+-\d+-1$/ ),
				errorCode: '400.008.01',
				errorMessage: 'Invalid Authentication passed',
			} );
		}
	);

	it( 'refuses a wrong grant type with 400.008.02', async () => {
		const answer = await oauth(
			{ Authorization: BASIC },
			'grant_type=password'
		);
		expect( answer.json.errorCode ).toBe( '400.008.02' );
	} );

	it( 'answers POST with 405.001', async () => {
		const answer = await post(
			`${ h.sim.url }/oauth/v1/generate?grant_type=client_credentials`
		);
		expect( answer.status ).toBe( 405 );
		expect( answer.json.errorCode ).toBe( '405.001' );
	} );

	it( 'takes credentials and token options from the control API, and a reset restores them', async () => {
		const update = await post( `${ h.sim.url }/__sim/daraja/config`, {
			consumerKey: 'other-key',
			consumerSecret: 'other-secret',
			expiresInAsString: true,
		} );
		expect( update.status ).toBe( 200 );
		const other = `Basic ${ Buffer.from( 'other-key:other-secret' ).toString( 'base64' ) }`;
		expect(
			( await oauth( { Authorization: other } ) ).json.expires_in
		).toBe( '3599' );
		expect( ( await oauth( { Authorization: BASIC } ) ).status ).toBe(
			400
		);

		await post( `${ h.sim.url }/__sim/reset` );
		expect(
			( await oauth( { Authorization: BASIC } ) ).json.expires_in
		).toBe( 3599 );
	} );

	it( 'refuses unknown or mistyped configuration keys', async () => {
		for ( const body of [
			{ consumerkey: 'x' },
			{ tokenTtlSec: -1 },
			{ expiresInAsString: 'yes' },
			[],
		] ) {
			expect(
				( await post( `${ h.sim.url }/__sim/daraja/config`, body ) )
					.status
			).toBe( 400 );
		}
	} );

	it( 'can invalidate earlier tokens when a new one is issued, as the Daraja FAQ says', async () => {
		await post( `${ h.sim.url }/__sim/daraja/config`, {
			invalidatePrevious: true,
		} );
		await token( h.sim.url );
		await token( h.sim.url );
		expect(
			( await get( `${ h.sim.url }/__sim/daraja/tokens` ) ).json
		).toMatchObject( {
			issued: 2,
			active: 1,
		} );
	} );
} );
