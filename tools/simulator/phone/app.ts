/// <reference lib="dom" />
/**
 * The phone page's script (runs in the browser): polls the simulator for prompts, renders them, and
 * sends the button a person presses. Only re-renders when something changed, so focus is not lost.
 */
import { renderPrompt, statusText, type Prompt } from './render.js';

const POLL_MS = 1000;

let shown = '';

async function refresh( doc: Document ): Promise< void > {
	const response = await fetch( '/__sim/phone/prompts', {
		cache: 'no-store',
	} );
	const data = ( await response.json() ) as { prompts: Prompt[] };
	const snapshot = JSON.stringify( data.prompts );
	if ( snapshot === shown ) {
		return;
	}
	shown = snapshot;
	const list = doc.getElementById( 'phone-prompts' );
	const status = doc.getElementById( 'phone-status' );
	const focused = doc.activeElement;
	const focusKey =
		focused instanceof HTMLButtonElement
			? `${ focused.closest( 'li' )?.dataset.checkoutRequestId }|${ focused.dataset.decision }`
			: '';
	list?.replaceChildren(
		...data.prompts.map( ( prompt ) => renderPrompt( doc, prompt ) )
	);
	if ( status && status.textContent !== statusText( data.prompts ) ) {
		status.textContent = statusText( data.prompts );
	}
	if ( focusKey ) {
		const [ id, decision ] = focusKey.split( '|' );
		list?.querySelector< HTMLElement >(
			`li[data-checkout-request-id="${ CSS.escape( id ?? '' ) }"] button[data-decision="${ decision }"]`
		)?.focus();
	}
}

async function answer( button: HTMLButtonElement ): Promise< void > {
	const item = button.closest( 'li' );
	const id = item?.dataset.checkoutRequestId;
	if ( ! item || ! id ) {
		return;
	}
	item.querySelectorAll( 'button' ).forEach( ( b ) => ( b.disabled = true ) );
	await fetch(
		`/__sim/phone/prompts/${ encodeURIComponent( id ) }/decision`,
		{
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify( { decision: button.dataset.decision } ),
		}
	);
	await refresh( document );
	// The answered card lost its buttons: keep the keyboard user on the card.
	const heading = document.getElementById( `prompt-${ id }` );
	heading?.setAttribute( 'tabindex', '-1' );
	heading?.focus();
}

document.addEventListener( 'click', ( event ) => {
	const target = event.target;
	if ( target instanceof HTMLButtonElement && target.dataset.decision ) {
		void answer( target );
	}
} );

const poll = () =>
	refresh( document )
		.catch( () => undefined )
		.finally( () => setTimeout( poll, POLL_MS ) );
void poll();
