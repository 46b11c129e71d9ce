/**
 * What happened to an order, read back after the traffic: the e2e observer must-use plugin
 * (tests/e2e/mu-plugins, hook calls counted per order) and the store's mail log (one JSON line per e-mail).
 */
import { existsSync, readFileSync } from 'node:fs';

import { storeUrl, type BenchContext } from './context';
import { expectStatus, jsonOf, timed } from './http';
import { runPool } from './pool';

export interface ObservedOrder {
	id: number;
	status: string;
	transaction_id: string;
	notes: string[];
	hooks: Record< string, string >;
}

/**
 * @param context The bench context.
 * @param ids     Order ids.
 * @return Each order as the store has it now, in the same order.
 */
export async function observeOrders(
	context: BenchContext,
	ids: readonly number[]
): Promise< ObservedOrder[] > {
	const { results } = await runPool(
		ids.map( ( id ) => async () => {
			const sample = expectStatus(
				await timed(
					storeUrl( context, `/wp-json/pvp-e2e/v1/orders/${ id }` )
				),
				`observing order ${ id }`
			);
			return jsonOf< ObservedOrder >( sample, 'observed order' );
		} ),
		4
	);
	return results;
}

/**
 * @param order An observed order.
 * @param hook  Hook name.
 * @return How many times the hook fired for it.
 */
export function hookCalls( order: ObservedOrder, hook: string ): number {
	return Number( order.hooks[ hook ] ?? 0 );
}

/**
 * @param order An observed order.
 * @return How many of its notes repeat an earlier note word for word.
 */
export function repeatedNotes( order: ObservedOrder ): number {
	return order.notes.length - new Set( order.notes ).size;
}

/**
 * @param order  An observed order.
 * @param status A status label as WooCommerce writes it in notes, e.g. "Processing".
 * @return How many times its notes say it changed to that status.
 */
export function statusChanges( order: ObservedOrder, status: string ): number {
	return order.notes.filter( ( note ) =>
		new RegExp( `status changed from .+ to ${ status }\\b`, 'i' ).test(
			note
		)
	).length;
}

interface MailLine {
	to: string[];
	subject: string;
}

/**
 * The store's mail log, parsed (empty when nothing was mailed yet).
 * @param mailLog
 */
export function readMails( mailLog: string ): MailLine[] {
	if ( ! existsSync( mailLog ) ) {
		return [];
	}
	return readFileSync( mailLog, 'utf8' )
		.split( '\n' )
		.filter( ( line ) => line.trim() !== '' )
		.map( ( line ) => JSON.parse( line ) as MailLine );
}

/**
 * @param mails  The mail log.
 * @param email  The order's billing address (unique per bench order).
 * @param number The order number.
 * @return Mails to the shopper, and to the shop about this order ("… #number" in the subject).
 */
export function mailsFor(
	mails: readonly MailLine[],
	email: string,
	number: string
): { shopper: number; shop: number } {
	const aboutOrder = new RegExp( `#${ number }\\b` );
	return {
		shopper: mails.filter( ( mail ) => mail.to.includes( email ) ).length,
		shop: mails.filter(
			( mail ) =>
				! mail.to.includes( email ) && aboutOrder.test( mail.subject )
		).length,
	};
}
