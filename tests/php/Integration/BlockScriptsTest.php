<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Integration;

/**
 * The Checkout block's payment-method script loads where the Checkout block renders and nowhere else: not on
 * the cart page, where WooCommerce would otherwise load every payment method's script for express buttons.
 */
final class BlockScriptsTest extends StoreTestCase {

	private const SCRIPT_TAG = '/id=["\']pay-via-proxyapi-checkout-block-js["\']/';

	/**
	 * @param string $path Site path.
	 * @return string The page's HTML, as a shopper's browser gets it.
	 */
	private function page( string $path ): string {
		$response = wp_remote_get( home_url( $path ), array( 'timeout' => 30 ) );
		$this->assertFalse( is_wp_error( $response ), 'the store answers ' . $path );
		$this->assertSame( 200, wp_remote_retrieve_response_code( $response ), $path );
		return (string) wp_remote_retrieve_body( $response );
	}

	public function test_the_cart_page_does_not_load_the_payment_method_script(): void {
		$html = $this->page( '/cart/' );
		$this->assertStringContainsString( 'wp-block-woocommerce-cart', $html, 'the Cart block renders' );
		$this->assertSame( 0, preg_match( self::SCRIPT_TAG, $html ), 'our payment-method script is not on the cart page' );
	}

	public function test_the_checkout_block_still_depends_on_it(): void {
		$checkout = apply_filters( 'woocommerce_blocks_register_script_dependencies', array(), 'wc-checkout-block-frontend' );
		$cart     = apply_filters( 'woocommerce_blocks_register_script_dependencies', array(), 'wc-cart-block-frontend' );
		$this->assertContains( 'pay-via-proxyapi-checkout-block', $checkout );
		$this->assertNotContains( 'pay-via-proxyapi-checkout-block', $cart );
	}
}
