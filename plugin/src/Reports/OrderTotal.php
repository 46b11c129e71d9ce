<?php
/**
 * An order total in the whole shillings M-Pesa is asked for.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Reports;

use PayViaProxyApi\Payment\Amount;

/**
 * Pure. Reports read totals of any order, including odd ones (refunded, edited by hand), so an unreadable
 * total shows as 0 instead of stopping the page.
 */
final class OrderTotal {

	/**
	 * @param string $total The order total as WooCommerce stores it.
	 * @return int The total rounded up to whole shillings (Amount's rule); 0 when unreadable.
	 */
	public static function shillings( string $total ): int {
		try {
			return Amount::from_order_total( $total )->shillings();
		} catch ( \InvalidArgumentException $e ) {
			return 0;
		}
	}
}
