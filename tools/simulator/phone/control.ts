/**
 * The phone page's part of the control API, under `/__sim/phone/`. Registered in the simulator's control
 * router (`../control.ts`), so it shares its matching and its 404/405 answers.
 */
import type { ControlRequest } from '../control';
import type { Reply } from '../http';
import { SIM_ERROR, errorReply } from '../http';
import type { SimState } from '../state';
import {
	decide,
	isDecision,
	isManual,
	listPrompts,
	promptView,
} from './manual';

type Handler = (
	state: SimState,
	request: ControlRequest,
	params: string[]
) => Reply | Promise< Reply >;

const prompts: Handler = ( state ) => ( {
	status: 200,
	body: {
		ok: true,
		manual: state.settings.manual === true,
		prompts: listPrompts( state ),
	},
} );

const decision: Handler = async ( state, request, [ id = '' ] ) => {
	const record = state.find( id );
	if ( ! record || ! isManual( record ) ) {
		return errorReply(
			404,
			SIM_ERROR.notFound,
			`No prompt waiting on the phone page with CheckoutRequestID ${ id }`
		);
	}
	const body = await request.body();
	const chosen =
		body.ok && typeof body.value === 'object' && body.value !== null
			? ( body.value as Record< string, unknown > ).decision
			: undefined;
	if ( ! isDecision( chosen ) ) {
		return errorReply(
			400,
			SIM_ERROR.body,
			'Expected { "decision": "pay" | "wrong_pin" | "cancel" | "ignore" }'
		);
	}
	if ( record.decision !== undefined ) {
		return errorReply(
			409,
			SIM_ERROR.body,
			`This prompt was already answered (${ record.decision })`
		);
	}
	await decide( state, record, chosen );
	return { status: 200, body: { ok: true, prompt: promptView( record ) } };
};

/** Routes: method, path pattern, handler. */
export const PHONE_CONTROL_ROUTES: Array< [ string, RegExp, Handler ] > = [
	[ 'GET', /^\/__sim\/phone\/prompts$/, prompts ],
	[ 'POST', /^\/__sim\/phone\/prompts\/([^/]+)\/decision$/, decision ],
];
