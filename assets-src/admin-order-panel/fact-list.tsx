/**
 * Labelled facts as a description list: one term and one value each.
 */

export interface FactListProps {
	/** [ term, value ] pairs, in order; terms must be unique. */
	facts: Array< [ string, string ] >;
	className: string;
}

/**
 * @param props           The facts and the list's class.
 * @param props.facts
 * @param props.className
 */
export function FactList( { facts, className }: FactListProps ): JSX.Element {
	return (
		<dl className={ className }>
			{ facts.map( ( [ term, value ] ) => (
				<div key={ term }>
					<dt>{ term }</dt>
					<dd>{ value }</dd>
				</div>
			) ) }
		</dl>
	);
}
