/**
 * Loads one of the report's REST resources and keeps only the answer to the latest request.
 */

/**
 * External dependencies
 */
import apiFetch from '@wordpress/api-fetch';
import { useEffect, useState } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { requestErrorMessage } from '../shared/request-error';

export interface ApiGetState< T > {
	data: T | null;
	loading: boolean;
	/** For people, translated; null when the last request succeeded. */
	error: string | null;
}

/**
 * @param path The api-fetch path; a new path loads again. Answers to older paths are dropped, so a slow
 *             first page can never overwrite the page the user asked for next.
 * @return The last data (kept while the next loads), whether a request runs, and the last error.
 */
export function useApiGet< T >( path: string ): ApiGetState< T > {
	const [ state, setState ] = useState< ApiGetState< T > >( {
		data: null,
		loading: true,
		error: null,
	} );
	useEffect( () => {
		let latest = true;
		setState( ( previous ) => ( {
			...previous,
			loading: true,
			error: null,
		} ) );
		apiFetch< T >( { path } )
			.then( ( data ) => {
				if ( latest ) {
					setState( { data, loading: false, error: null } );
				}
			} )
			.catch( ( error: unknown ) => {
				if ( latest ) {
					setState( ( previous ) => ( {
						...previous,
						loading: false,
						error: requestErrorMessage( error ),
					} ) );
				}
			} );
		return () => {
			latest = false;
		};
	}, [ path ] );
	return state;
}
