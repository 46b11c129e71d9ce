/**
 * @jest-environment jsdom
 *
 * The phone page's rendering: data from requests is text, never markup; one button per decision.
 */
import {
	BUTTONS,
	outcomeText,
	renderPrompt,
	statusText,
	type Prompt,
} from '../../../tools/simulator/phone/render';

const prompt = ( changes: Partial< Prompt > = {} ): Prompt => ( {
	checkoutRequestId: 'ws_CO_1',
	receivedAt: '2026-11-30T10:00:00.000Z',
	amount: 1500,
	accountReference: '1042',
	origin: 'http://127.0.0.1:8889',
	phoneEnding: '888',
	decision: null,
	storeAnswers: [],
	settled: false,
	...changes,
} );

describe( 'renderPrompt', () => {
	it( 'shows amount, store and account as text, even when they hold markup', () => {
		const item = renderPrompt(
			document,
			prompt( {
				accountReference: '<img src=x onerror="alert(1)">',
				origin: '<script>alert(2)</script>',
			} )
		);
		document.body.replaceChildren( item );
		expect( item.querySelector( 'img, script' ) ).toBeNull();
		expect( item.textContent ).toContain(
			'<img src=x onerror="alert(1)">'
		);
		expect( item.textContent ).toContain( '<script>alert(2)</script>' );
		expect( item.querySelector( 'h2' )?.textContent ).toBe(
			'Pay KES 1,500?'
		);
		expect( item.getAttribute( 'aria-labelledby' ) ).toBe(
			item.querySelector( 'h2' )?.id
		);
	} );

	it( 'offers the four decisions as real buttons while unanswered', () => {
		const buttons = [
			...renderPrompt( document, prompt() ).querySelectorAll( 'button' ),
		];
		expect( buttons.map( ( b ) => b.textContent ) ).toEqual(
			BUTTONS.map( ( [ , label ] ) => label )
		);
		expect( buttons.map( ( b ) => b.dataset.decision ) ).toEqual( [
			'pay',
			'wrong_pin',
			'cancel',
			'ignore',
		] );
		expect( buttons.every( ( b ) => b.type === 'button' ) ).toBe( true );
	} );

	it( 'shows the outcome and the store answers instead of buttons once answered', () => {
		const item = renderPrompt(
			document,
			prompt( { decision: 'pay', storeAnswers: [ 200, null ] } )
		);
		expect( item.querySelector( 'button' ) ).toBeNull();
		expect( item.textContent ).toContain(
			'Paid. Store answered 200, unreachable.'
		);
		expect( outcomeText( prompt( { decision: 'ignore' } ) ) ).toBe(
			'Ignored: no callback sent.'
		);
	} );
} );

describe( 'statusText', () => {
	it( 'counts the prompts waiting for an answer', () => {
		expect( statusText( [] ) ).toBe( 'Waiting for prompts…' );
		expect( statusText( [ prompt() ] ) ).toBe(
			'1 M-Pesa prompt is waiting for you.'
		);
		expect( statusText( [ prompt(), prompt() ] ) ).toBe(
			'2 M-Pesa prompts are waiting for you.'
		);
		expect( statusText( [ prompt( { decision: 'cancel' } ) ] ) ).toBe(
			'No prompt waiting.'
		);
	} );
} );
