<?php
/**
 * Keeps WooCommerce's hold-stock timer from cancelling an order whose M-Pesa result may still come.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Order;

use PayViaProxyApi\Hookable;
use PayViaProxyApi\Logging\Logger;

/**
 * WooCommerce cancels "pending payment" orders after Settings › Products › Inventory › Hold stock minutes
 * (filter `woocommerce_cancel_unpaid_order`). Cancelling while the shopper is typing the PIN, or before
 * reconciliation has asked about a lost callback, is how other M-Pesa plugins end up with "paid orders
 * marked cancelled". A success that still arrives after a cancellation completes the order as a late
 * payment (SettlementRules), so this guard only avoids the needless cancel.
 */
final class HoldStockGuard implements Hookable {

	/**
	 * @param OrderMeta $meta   Order meta owner.
	 * @param Logger    $logger Redacting logger.
	 */
	public function __construct( private OrderMeta $meta, private Logger $logger ) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_filter( 'woocommerce_cancel_unpaid_order', array( $this, 'filter' ), 10, 2 );
	}

	/**
	 * @param bool|mixed      $cancel Whether WooCommerce (and earlier filters) would cancel it.
	 * @param \WC_Order|mixed $order  The unpaid order.
	 * @return bool
	 */
	public function filter( $cancel, $order ): bool {
		if ( ! $cancel || ! $order instanceof \WC_Order ) {
			return (bool) $cancel;
		}
		if ( HoldStockRule::may_cancel( $this->meta->attempts( $order ), time() ) ) {
			return true;
		}
		$this->logger->info( 'Hold-stock cancellation deferred: an M-Pesa result may still come.', array( 'order_id' => $order->get_id() ) );
		return false;
	}
}
