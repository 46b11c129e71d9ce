<?php
/**
 * An "M-Pesa receipt" column in the orders list, and search by receipt on the posts orders screen.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Admin;

use PayViaProxyApi\Gateway\Gateway;
use PayViaProxyApi\Hookable;

/**
 * The receipt is the order's transaction id. WooCommerce's HPOS list already searches transaction ids (its
 * "All" search filter includes transaction_id); the posts list does not, so its search fields get the
 * transaction id meta added.
 */
final class OrdersListColumn implements Hookable {

	public const COLUMN = 'pvp_mpesa_receipt';

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_filter( 'manage_woocommerce_page_wc-orders_columns', array( $this, 'add_column' ) );
		add_action( 'manage_woocommerce_page_wc-orders_custom_column', array( $this, 'render_hpos' ), 10, 2 );
		add_filter( 'manage_edit-shop_order_columns', array( $this, 'add_column' ) );
		add_action( 'manage_shop_order_posts_custom_column', array( $this, 'render_posts' ), 10, 2 );
		add_filter( 'woocommerce_shop_order_search_fields', array( $this, 'search_receipts' ) );
	}

	/**
	 * @param array<string, string> $columns The list's columns.
	 * @return array<string, string> The same, with the receipt after the total.
	 */
	public function add_column( array $columns ): array {
		$added = array();
		foreach ( $columns as $key => $title ) {
			$added[ $key ] = $title;
			if ( 'order_total' === $key ) {
				$added[ self::COLUMN ] = __( 'M-Pesa receipt', 'pay-via-proxyapi' );
			}
		}
		if ( ! isset( $added[ self::COLUMN ] ) ) {
			$added[ self::COLUMN ] = __( 'M-Pesa receipt', 'pay-via-proxyapi' );
		}
		return $added;
	}

	/**
	 * @param string $column Column being printed.
	 * @param mixed  $order  The row's order (HPOS list).
	 */
	public function render_hpos( $column, $order ): void {
		if ( self::COLUMN === $column && $order instanceof \WC_Order ) {
			echo esc_html( self::receipt( $order ) );
		}
	}

	/**
	 * @param string     $column  Column being printed.
	 * @param int|string $post_id The row's order id (posts list).
	 */
	public function render_posts( $column, $post_id ): void {
		$order = self::COLUMN === $column ? wc_get_order( (int) $post_id ) : null;
		if ( $order instanceof \WC_Order ) {
			echo esc_html( self::receipt( $order ) );
		}
	}

	/**
	 * @param string[] $fields Order meta the posts list searches.
	 * @return string[]
	 */
	public function search_receipts( array $fields ): array {
		$fields[] = '_transaction_id';
		return array_values( array_unique( $fields ) );
	}

	/**
	 * @param \WC_Order $order An order.
	 * @return string Its M-Pesa receipt, or a dash for orders paid otherwise or not yet.
	 */
	private static function receipt( \WC_Order $order ): string {
		$receipt = Gateway::ID === $order->get_payment_method() ? (string) $order->get_transaction_id() : '';
		return '' !== $receipt ? $receipt : '–';
	}
}
