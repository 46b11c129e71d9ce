/**
 * External dependencies
 */
import { decodeEntities } from '@wordpress/html-entities';

export interface LabelProps {
	/** Merchant-set title; may contain HTML entities, shown as plain text. */
	title: string;
}

/**
 * The payment method's name in the list of payment options.
 *
 * @param props       The label props.
 * @param props.title Merchant-set title.
 */
export function Label( { title }: LabelProps ): JSX.Element {
	return <span className="pvp-label">{ decodeEntities( title ) }</span>;
}
