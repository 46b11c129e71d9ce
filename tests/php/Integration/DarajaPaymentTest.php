<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Integration;

use PayViaProxyApi\Payment\AttemptStatus;
use PayViaProxyApi\Provider\Daraja\LipaPassword;
use PayViaProxyApi\Provider\ProviderFactory;
use PayViaProxyApi\Settings\SecretSource;
use PayViaProxyApi\Settings\Settings;

/**
 * Daraja direct behind the same checkout, callback and settlement: the STK push as Daraja wants it
 * (password, Kenya-time timestamp, paybill or till), its stkCallback through the existing callback route,
 * the token cache, and the provider-neutral availability.
 */
final class DarajaPaymentTest extends DarajaStoreTestCase {

	private const PAYING_PHONE = '0700000000';

	public function test_a_paybill_payment_is_pushed_the_daraja_way_and_paid_by_its_callback(): void {
		$order   = $this->new_order();
		$started = $this->pay_with_daraja( $order, self::PAYING_PHONE );
		$this->assertSame( 'success', $started['result']['result'] );
		$body = $started['request']['body'];

		$this->assertSame( 'daraja', $started['request']['provider'] );
		$this->assertSame( 174379, $body['BusinessShortCode'] );
		$this->assertSame( 'CustomerPayBillOnline', $body['TransactionType'] );
		$this->assertSame( 174379, $body['PartyB'] );
		$this->assertSame( 100, $body['Amount'] );
		$this->assertSame( 254700000000, $body['PartyA'] );
		$this->assertSame( 254700000000, $body['PhoneNumber'] );
		$this->assertSame( (string) $order->get_order_number(), $body['AccountReference'] );
		$this->assertSame( 'Order ' . $order->get_order_number(), $body['TransactionDesc'] );
		$this->assertMatchesRegularExpression( '#/callbacks/' . $order->get_id() . '/[a-f0-9]{64}$#', $started['path'] );
		$this->assertSame( self::SHORTCODE . self::PASSKEY . $body['Timestamp'], base64_decode( $body['Password'], true ) );
		$this->assertEqualsWithDelta( (int) LipaPassword::timestamp( time() ), (int) $body['Timestamp'], 200, 'Kenya time, now' );

		$record = $this->wait_for_simulator( $started['ids']['CheckoutRequestID'] );
		$this->assertSame( array( 'stk' ), array_column( $record['callbacks'], 'kind' ), 'Daraja sends the stkCallback only' );
		$this->assertSame( 200, $record['callbacks'][0]['status'], 'the existing callback route accepted it' );
		$paid = $this->reread( $order );
		$this->assertSame( 'processing', $paid->get_status() );
		$this->assertSame( $record['payment']['receipt'], $paid->get_transaction_id() );
		$this->assertSame( AttemptStatus::PAID, $this->attempts_of( $order )[0]->status );
		$this->assertSame( 1, $this->hook_calls['proxyapi_pvp_payment_pending'] );
		$this->assertSame(
			array(
				'proxyapi_pvp_payment_completed' => 1,
				'proxyapi_pvp_payment_pending'   => 1,
				'pvp_on_payment_complete'        => 1,
			),
			$this->observed_hooks( $order->get_id() ),
			'each hook once, in whichever process it fired'
		);
		$this->assertSame( 1, $this->count_notes_containing( $paid, 'M-Pesa payment received' ) );
	}

	public function test_a_till_is_paid_under_the_store_number(): void {
		$this->use_daraja( array( 'daraja_till' => self::TILL ) );
		$order   = $this->new_order();
		$started = $this->pay_with_daraja( $order, self::PAYING_PHONE );
		$body    = $started['request']['body'];
		$this->assertSame( 'CustomerBuyGoodsOnline', $body['TransactionType'] );
		$this->assertSame( 174379, $body['BusinessShortCode'] );
		$this->assertSame( 600990, $body['PartyB'] );

		$this->wait_for_simulator( $started['ids']['CheckoutRequestID'] );
		$this->assertSame( 'processing', $this->reread( $order )->get_status() );
	}

	public function test_a_till_set_up_as_its_own_shortcode_is_refused_by_m_pesa_with_2028(): void {
		$this->use_daraja( array( 'daraja_shortcode' => self::TILL ) );
		$order   = $this->new_order();
		$started = $this->pay_with_daraja( $order, self::PAYING_PHONE );
		$this->wait_for_simulator( $started['ids']['CheckoutRequestID'] );
		$failed = $this->reread( $order );
		$this->assertSame( 'failed', $failed->get_status() );
		$this->assertSame( 1, $this->count_notes_containing( $failed, '(result code 2028)' ) );
	}

	public function test_a_wrong_passkey_is_refused_before_any_prompt_with_darajas_words(): void {
		$this->use_daraja( array( 'daraja_passkey' => 'not-the-passkey' ) );
		$order   = $this->new_order();
		$started = $this->pay_with_daraja( $order, self::PAYING_PHONE );
		$this->assertSame( 'failure', $started['result']['result'] );
		$this->assertSame( '500.001.1001', $started['request']['errorCode'] );
		$this->assertSame( 1, $this->count_notes_containing( $this->reread( $order ), 'Wrong credentials (500.001.1001)' ) );
		$this->assertSame( AttemptStatus::REJECTED, $this->attempts_of( $order )[0]->status );
		$this->assertSame( 1, $this->hook_calls['proxyapi_pvp_payment_failed'] );
		$this->assertStringNotContainsString( 'not-the-passkey', implode( ' ', $this->notes( $this->reread( $order ) ) ) );
	}

	public function test_the_token_is_cached_and_refreshed_once_when_daraja_no_longer_accepts_it(): void {
		$this->pay_with_daraja( $this->new_order() );
		$before = $this->tokens_issued();
		$this->pay_with_daraja( $this->new_order() );
		$this->assertSame( $before, $this->tokens_issued(), 'the second payment reuses the cached token' );

		$this->sim( 'POST', '/__sim/daraja/tokens/expire' );
		$order   = $this->new_order();
		$started = $this->pay_with_daraja( $order );
		$this->assertSame( 'success', $started['result']['result'], 'the payment went through after one refresh' );
		$this->assertSame( $before + 1, $this->tokens_issued() );
	}

	public function test_the_gateway_is_offered_with_daraja_credentials_alone(): void {
		$this->use_daraja( array( 'api_key' => '' ) );
		$factory = new ProviderFactory( new Settings( new SecretSource() ) );
		$this->assertTrue( $factory->has_credentials() );
		$this->use_daraja( array( 'api_key' => '', 'daraja_passkey' => '' ) );
		$this->assertFalse( $factory->has_credentials(), 'a missing passkey means no payments' );
	}
}
