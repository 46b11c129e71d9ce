/// <reference lib="dom" />
/**
 * The phone page's rendering (runs in the browser). Everything from a request is put in with
 * `textContent`, never as HTML: AccountReference and Origin come from whoever called the simulator.
 */

import type { PromptView } from './manual';

/** One prompt as `GET /__sim/phone/prompts` lists it (a type only: nothing of manual.ts reaches the browser). */
export type Prompt = PromptView;

export const BUTTONS: ReadonlyArray<
	[ NonNullable< Prompt[ 'decision' ] >, string ]
> = [
	[ 'pay', 'Pay' ],
	[ 'wrong_pin', 'Wrong PIN (2001)' ],
	[ 'cancel', 'Cancel (1032)' ],
	[ 'ignore', 'Ignore (no callback)' ],
];

const OUTCOMES: Record< NonNullable< Prompt[ 'decision' ] >, string > = {
	pay: 'Paid',
	wrong_pin: 'Wrong PIN entered',
	cancel: 'Cancelled',
	ignore: 'Ignored: no callback sent',
};

/**
 * @param amount Shillings, or null.
 * @return E.g. "KES 1,500".
 */
export function formatAmount( amount: number | null ): string {
	return amount === null
		? 'KES ?'
		: `KES ${ amount.toLocaleString( 'en-KE' ) }`;
}

/**
 * @param prompt An answered prompt.
 * @return What happened, including the store's answers to the callbacks.
 */
export function outcomeText( prompt: Prompt ): string {
	if ( ! prompt.decision ) {
		return '';
	}
	const answers = prompt.storeAnswers.map( ( status ) =>
		status === null ? 'unreachable' : String( status )
	);
	const store = answers.length
		? ` Store answered ${ answers.join( ', ' ) }.`
		: '';
	return `${ OUTCOMES[ prompt.decision ] }.${ store }`;
}

function row( list: HTMLElement, term: string, value: string ): void {
	const dt = list.ownerDocument.createElement( 'dt' );
	const dd = list.ownerDocument.createElement( 'dd' );
	dt.textContent = term;
	dd.textContent = value;
	list.append( dt, dd );
}

/**
 * Builds one prompt's list item.
 *
 * @param doc    The page's document.
 * @param prompt The prompt.
 * @return The `<li>`, with a button per decision while unanswered.
 */
export function renderPrompt( doc: Document, prompt: Prompt ): HTMLLIElement {
	const item = doc.createElement( 'li' );
	item.className = prompt.decision ? 'prompt prompt--answered' : 'prompt';
	item.dataset.checkoutRequestId = prompt.checkoutRequestId;
	const heading = doc.createElement( 'h2' );
	heading.id = `prompt-${ prompt.checkoutRequestId }`;
	heading.textContent = `Pay ${ formatAmount( prompt.amount ) }?`;
	item.setAttribute( 'aria-labelledby', heading.id );
	const details = doc.createElement( 'dl' );
	row( details, 'Store', prompt.origin || '?' );
	row( details, 'Account', prompt.accountReference || '?' );
	row( details, 'Phone', `…${ prompt.phoneEnding }` );
	item.append( heading, details );
	if ( prompt.decision ) {
		const result = doc.createElement( 'p' );
		result.className = 'prompt__result';
		result.textContent = outcomeText( prompt );
		item.append( result );
		return item;
	}
	const actions = doc.createElement( 'div' );
	actions.className = 'prompt__actions';
	for ( const [ decision, label ] of BUTTONS ) {
		const button = doc.createElement( 'button' );
		button.type = 'button';
		button.dataset.decision = decision;
		button.textContent = label;
		actions.append( button );
	}
	item.append( actions );
	return item;
}

/**
 * @param prompts Every listed prompt.
 * @return The status line for the live region.
 */
export function statusText( prompts: Prompt[] ): string {
	const waiting = prompts.filter( ( prompt ) => ! prompt.decision ).length;
	if ( waiting === 0 ) {
		return prompts.length ? 'No prompt waiting.' : 'Waiting for prompts…';
	}
	return waiting === 1
		? '1 M-Pesa prompt is waiting for you.'
		: `${ waiting } M-Pesa prompts are waiting for you.`;
}
