/**
 * @jest-environment node
 *
 * The phone page's files as the simulator serves them: HTML, CSS and the two scripts (transpiled).
 */
import { simulatorHarness } from './harness';
import { http } from './support';

const h = simulatorHarness();

describe( 'the phone page', () => {
	it.each( [ '/', '/phone' ] )(
		'GET %s serves the page with its live region and the manual number',
		async ( path ) => {
			const answer = await http( 'GET', `${ h.sim.url }${ path }` );
			expect( answer.status ).toBe( 200 );
			expect( answer.text ).toContain( '<html lang="en">' );
			expect( answer.text ).toContain( 'aria-live="polite"' );
			expect( answer.text ).toContain( '0700 008 888' );
		}
	);

	it( 'serves the scripts as JavaScript modules, without TypeScript syntax', async () => {
		const app = await http( 'GET', `${ h.sim.url }/phone/app.js` );
		const render = await http( 'GET', `${ h.sim.url }/phone/render.js` );
		expect( app.status ).toBe( 200 );
		expect( app.text ).toContain( "from './render.js'" );
		expect( app.text ).not.toMatch( /:\s*Promise<|as \{/ );
		expect( render.text ).toContain( 'export function renderPrompt' );
		expect( render.text ).not.toContain( 'interface Prompt' );
	} );

	it( 'serves nothing else from the folder and still answers the API on other paths', async () => {
		expect(
			( await http( 'GET', `${ h.sim.url }/phone/page.ts` ) ).status
		).toBe( 404 );
		expect(
			( await http( 'GET', `${ h.sim.url }/phone/../server.ts` ) ).status
		).toBe( 404 );
		expect( ( await http( 'POST', `${ h.sim.url }/` ) ).status ).toBe(
			404
		);
	} );
} );
