<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Integration;

/**
 * The gateway on the classic checkout and the pay-for-order page, and the status panel's mount point, on
 * the real store: offered only within M-Pesa's amount limits, prefilled from the order, same resend limits.
 */
final class ShopperCheckoutTest extends StoreTestCase {

	protected function tearDown(): void {
		set_query_var( 'order-pay', '' );
		WC()->cart->empty_cart();
		wc_clear_notices();
		unset( $_POST['pvp_phone'] );
		parent::tearDown();
	}

	private function gateway(): \WC_Payment_Gateway {
		return WC()->payment_gateways()->payment_gateways()['proxyapi_pvp_settings'];
	}

	private function paying( \WC_Order $order ): void {
		set_query_var( 'order-pay', $order->get_id() );
	}

	public function test_the_gateway_is_offered_from_one_shilling_to_250000_after_rounding_cents_up(): void {
		$cases = array(
			'0.01'      => true,
			'1.00'      => true,
			'249999.50' => true,
			'250000.00' => true,
			'250000.01' => false,
			'300000.00' => false,
		);
		foreach ( $cases as $total => $offered ) {
			$order = $this->new_order( $total );
			$this->paying( $order );
			$this->assertSame( $offered, $this->gateway()->is_available(), "order total KES $total" );
		}
	}

	public function test_the_cart_total_decides_on_the_checkout(): void {
		$product = wc_get_product_id_by_sku( 'ACC-TEST-100' );
		WC()->cart->add_to_cart( $product, 2500 );
		WC()->cart->calculate_totals();
		$this->assertTrue( $this->gateway()->is_available(), 'KES 250,000' );
		$this->assertArrayHasKey( 'proxyapi_pvp_settings', WC()->payment_gateways()->get_available_payment_gateways() );

		WC()->cart->add_to_cart( $product, 1 );
		WC()->cart->calculate_totals();
		$this->assertFalse( $this->gateway()->is_available(), 'KES 250,100' );
		$this->assertArrayNotHasKey( 'proxyapi_pvp_settings', WC()->payment_gateways()->get_available_payment_gateways() );
	}

	public function test_the_pay_for_order_field_starts_with_the_orders_billing_phone(): void {
		WC()->customer->set_billing_phone( '0711 111 111' );
		$order = $this->new_order();
		$this->paying( $order );

		ob_start();
		$this->gateway()->payment_fields();
		$html = (string) ob_get_clean();

		$this->assertMatchesRegularExpression( '#<input id="pvp-mpesa-phone"[^>]* name="pvp_phone" value="\+254708374149"#', $html );
	}

	public function test_the_classic_checkout_field_starts_with_the_customers_billing_phone(): void {
		WC()->customer->set_billing_phone( '0711 111 111' );

		ob_start();
		$this->gateway()->payment_fields();
		$html = (string) ob_get_clean();

		$this->assertStringContainsString( 'value="0711 111 111"', $html );
	}

	public function test_the_pay_for_order_form_refuses_a_new_prompt_while_one_is_live(): void {
		$order = $this->new_order();
		$this->start_payment( $order );
		$this->paying( $order );
		$_POST['pvp_phone'] = '0700 009 000';

		$result = $this->gateway()->process_payment( $order->get_id() );

		$this->assertSame( 'failure', $result['result'] );
		$this->assertStringContainsString( 'may still be on your phone', wp_strip_all_tags( implode( ' ', array_column( wc_get_notices( 'error' ), 'notice' ) ) ) );
		$attempts = $this->fresh( $order )->get_meta( '_pvp_attempts' );
		$this->assertCount( 1, $attempts );
		$this->assertSame( 1, $this->hook_calls['proxyapi_pvp_payment_pending'] );
	}

	public function test_the_pay_for_order_form_pays_a_failed_order_and_keeps_the_cart(): void {
		$order   = $this->new_order();
		$started = $this->start_payment( $order );
		$this->deliver( $started['path'], $this->stk_failure( $started['ids'] ) );
		$this->assertSame( 'failed', $this->fresh( $order )->get_status() );
		WC()->cart->add_to_cart( wc_get_product_id_by_sku( 'ACC-TEST-100' ), 1 );
		$this->paying( $order );
		$_POST['pvp_phone'] = '0700 009 000';

		$result = $this->gateway()->process_payment( $order->get_id() );

		$this->assertSame( 'success', $result['result'] );
		$this->assertStringContainsString( 'order-received', $result['redirect'] );
		$this->assertCount( 2, $this->fresh( $order )->get_meta( '_pvp_attempts' ) );
		$this->assertSame( 1, WC()->cart->get_cart_contents_count(), 'the shopper’s cart is not this order' );
	}

	public function test_the_order_received_page_gets_the_status_panel_for_mpesa_orders_only(): void {
		$order = $this->new_order();
		$this->start_payment( $order );

		ob_start();
		do_action( 'woocommerce_before_thankyou', $order->get_id() );
		$html = (string) ob_get_clean();

		$this->assertMatchesRegularExpression( '#<div class="pvp-payment-status" data-order-id="' . $order->get_id() . '" data-order-key="' . preg_quote( $order->get_order_key(), '#' ) . '" data-context="order-received" data-status="[^"]+">#', $html );
		preg_match( '#data-status="([^"]+)"#', $html, $status );
		$this->assertSame( 'awaiting', json_decode( html_entity_decode( $status[1] ), true )['state'] );
		$this->assertTrue( wp_script_is( 'pay-via-proxyapi-payment-status', 'enqueued' ) );
		$this->assertSame( array( 'react', 'wp-api-fetch', 'wp-element', 'wp-hooks', 'wp-i18n' ), wp_scripts()->registered['pay-via-proxyapi-payment-status']->deps );

		$cash = $this->new_order();
		$cash->set_payment_method( 'cod' );
		$cash->save();
		ob_start();
		do_action( 'woocommerce_before_thankyou', $cash->get_id() );
		$this->assertSame( '', (string) ob_get_clean() );
	}

	public function test_the_pay_for_order_page_shows_the_last_result_without_resend_buttons(): void {
		$fresh = $this->new_order();
		ob_start();
		do_action( 'before_woocommerce_pay_form', $fresh, 'Pay for order', array() );
		$this->assertSame( '', (string) ob_get_clean(), 'nothing to report before any prompt' );

		$order = $this->new_order();
		$this->start_payment( $order );
		ob_start();
		do_action( 'before_woocommerce_pay_form', $this->fresh( $order ), 'Pay for order', array() );

		$this->assertStringContainsString( 'data-context="order-pay"', (string) ob_get_clean() );
	}
}
