/**
 * External dependencies
 */
import { useEffect, useState } from '@wordpress/element';

/**
 * Counts down from `seconds` once a second, starting again whenever `since` changes.
 *
 * @param seconds Seconds to count down from (null: nothing to count).
 * @param since   What the seconds came with, e.g. the status object; a new one starts a new count.
 * @return Seconds left (null when there is nothing to count).
 */
export function useSecondsLeft(
	seconds: number | null,
	since: unknown
): number | null {
	const [ count, setCount ] = useState( { since, left: seconds } );

	useEffect( () => {
		setCount( { since, left: seconds } );
		if ( seconds === null || seconds <= 0 ) {
			return undefined;
		}
		const startedAt = Date.now();
		const timer = setInterval( () => {
			const left = Math.max(
				0,
				seconds - Math.floor( ( Date.now() - startedAt ) / 1000 )
			);
			setCount( { since, left } );
			if ( left === 0 ) {
				clearInterval( timer );
			}
		}, 1000 );
		return () => clearInterval( timer );
	}, [ seconds, since ] );

	// On the render that brings a new `since`, the effect has not run yet: the old count would be stale.
	return count.since === since ? count.left : seconds;
}
