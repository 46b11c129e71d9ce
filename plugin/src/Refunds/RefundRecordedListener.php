<?php
/**
 * Tells ReversalSettlement when WooCommerce has finished recording a refund.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Refunds;

use PayViaProxyApi\Hookable;

/**
 * woocommerce_order_refunded is the last step of wc_create_refund(): from then on a failed reversal may
 * remove the refund without racing WooCommerce's own writes.
 */
final class RefundRecordedListener implements Hookable {

	/**
	 * @param ReversalSettlement $settlement Applies held results.
	 */
	public function __construct( private ReversalSettlement $settlement ) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( 'woocommerce_order_refunded', array( $this, 'refund_recorded' ), 10, 2 );
	}

	/**
	 * @param int|string $order_id  Order.
	 * @param int|string $refund_id Refund.
	 */
	public function refund_recorded( $order_id, $refund_id ): void {
		$this->settlement->woocommerce_done( (int) $order_id, (int) $refund_id );
	}
}
