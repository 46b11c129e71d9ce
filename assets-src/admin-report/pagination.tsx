/**
 * Previous / next page of the attempts table.
 */

/**
 * External dependencies
 */
import { Button } from '@wordpress/components';
import { __, sprintf } from '@wordpress/i18n';

export interface PaginationProps {
	page: number;
	pages: number;
	onPage: ( page: number ) => void;
}

/**
 * @param props        Current page, page count, and what to call with the page chosen.
 * @param props.page
 * @param props.pages
 * @param props.onPage
 */
export function Pagination( {
	page,
	pages,
	onPage,
}: PaginationProps ): JSX.Element | null {
	if ( pages <= 1 ) {
		return null;
	}
	return (
		<nav
			className="pvp-pagination"
			aria-label={ __( 'Pages of M-Pesa payments', 'pay-via-proxyapi' ) }
		>
			<Button
				variant="secondary"
				disabled={ page <= 1 }
				onClick={ () => onPage( page - 1 ) }
			>
				{ __( 'Previous page', 'pay-via-proxyapi' ) }
			</Button>
			<span className="pvp-pagination__position">
				{ sprintf(
					/* translators: 1: current page, 2: number of pages. */
					__( 'Page %1$d of %2$d', 'pay-via-proxyapi' ),
					page,
					pages
				) }
			</span>
			<Button
				variant="secondary"
				disabled={ page >= pages }
				onClick={ () => onPage( page + 1 ) }
			>
				{ __( 'Next page', 'pay-via-proxyapi' ) }
			</Button>
		</nav>
	);
}
