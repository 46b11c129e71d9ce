<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Payment;

use PayViaProxyApi\Payment\Attempt;
use PayViaProxyApi\Payment\AttemptStatus;
use PayViaProxyApi\Payment\ResendPolicy;
use PayViaProxyApi\Payment\ResendVerdict;
use PayViaProxyApi\Payment\ShopperStatus;
use PHPUnit\Framework\TestCase;

/**
 * What the shopper is told for each combination of order and attempt state, and nothing more.
 */
final class ShopperStatusTest extends TestCase {

	private const NOW = 1767225600;

	private function attempt( string $status, int $age = 10, string $code = '', string $desc = '' ): Attempt {
		return new Attempt( 'REQ' . $age, str_repeat( 'a', 64 ), '254712345678', 100, self::NOW - $age, $status, 'm-1', 'ws_CO_1', $code, $desc, AttemptStatus::PAID === $status ? 'TLA1B2C3D4' : '' );
	}

	/**
	 * @return array<string, mixed>
	 */
	private function describe( array $attempts, bool $is_paid = false, string $order_status = 'pending', ?bool $payable = null ): array {
		$payable = $payable ?? in_array( $order_status, array( 'pending', 'failed' ), true );
		return ( new ShopperStatus( new ResendPolicy() ) )->describe( $is_paid, $order_status, $payable, $attempts, self::NOW );
	}

	public function test_a_fresh_prompt_asks_the_shopper_to_check_their_phone(): void {
		$status = $this->describe( array( $this->attempt( AttemptStatus::AWAITING ) ) );

		$this->assertSame( ShopperStatus::AWAITING, $status['state'] );
		$this->assertSame( '07•• ••• 678', $status['phone'] );
		$this->assertSame(
			array(
				'allowed'      => false,
				'reason'       => ResendVerdict::PROMPT_LIVE,
				'available_in' => 80,
			),
			$status['resend']
		);
	}

	public function test_a_prompt_still_being_sent_counts_as_awaiting(): void {
		$this->assertSame( ShopperStatus::AWAITING, $this->describe( array( $this->attempt( AttemptStatus::STARTED ) ) )['state'] );
	}

	public function test_no_result_after_the_prompt_window_is_delayed_and_may_be_resent(): void {
		$status = $this->describe( array( $this->attempt( AttemptStatus::AWAITING, 120 ) ) );

		$this->assertSame( ShopperStatus::DELAYED, $status['state'] );
		$this->assertTrue( $status['resend']['allowed'] );
		$this->assertSame( 0, $status['resend']['available_in'] );
	}

	public function test_a_paid_order_is_paid_with_nothing_to_resend(): void {
		$status = $this->describe( array( $this->attempt( AttemptStatus::PAID ) ), true, 'processing' );

		$this->assertSame( ShopperStatus::PAID, $status['state'] );
		$this->assertSame( '', $status['result_code'] );
		$this->assertSame(
			array(
				'allowed'      => false,
				'reason'       => ResendVerdict::NOT_PAYABLE,
				'available_in' => null,
			),
			$status['resend']
		);
	}

	public function test_a_paid_order_stays_paid_whatever_its_newest_attempt_says(): void {
		$status = $this->describe( array( $this->attempt( AttemptStatus::PAID, 60 ), $this->attempt( AttemptStatus::FAILED, 10, '1032', 'Request cancelled by user' ) ), true, 'processing' );

		$this->assertSame( ShopperStatus::PAID, $status['state'] );
		$this->assertSame( '', $status['provider_message'] );
	}

	public function test_a_failure_carries_the_code_and_the_providers_words(): void {
		$status = $this->describe( array( $this->attempt( AttemptStatus::FAILED, 10, '2001', 'The initiator information is invalid.' ) ), false, 'failed' );

		$this->assertSame( ShopperStatus::FAILED, $status['state'] );
		$this->assertSame( '2001', $status['result_code'] );
		$this->assertSame( 'The initiator information is invalid.', $status['provider_message'] );
		$this->assertTrue( $status['resend']['allowed'] );
	}

	public function test_the_providers_words_arrive_as_short_plain_text(): void {
		$status = $this->describe( array( $this->attempt( AttemptStatus::FAILED, 10, '9', "<b>Odd</b>\n\tfailure<script>x</script>" . str_repeat( 'z', 300 ) ) ), false, 'failed' );

		$this->assertStringStartsWith( 'Odd failurex', $status['provider_message'] );
		$this->assertStringNotContainsString( '<', $status['provider_message'] );
		$this->assertLessThanOrEqual( 200, mb_strlen( $status['provider_message'] ) );
	}

	public function test_a_refused_request_is_not_sent_without_the_providers_words(): void {
		$status = $this->describe( array( new Attempt( 'REQ1', str_repeat( 'a', 64 ), '254712345678', 100, self::NOW - 5, AttemptStatus::REJECTED, '', '', '', 'The ProxyAPI key is missing or not in the format ProxyAPI issues.' ) ) );

		$this->assertSame( ShopperStatus::NOT_SENT, $status['state'] );
		$this->assertSame( '', $status['provider_message'], 'merchant-side problems are not the shopper\'s business' );
		$this->assertTrue( $status['resend']['allowed'] );
	}

	public function test_an_underpaid_order_on_hold_waits_for_the_store(): void {
		$status = $this->describe( array( $this->attempt( AttemptStatus::UNDERPAID ) ), false, 'on-hold' );

		$this->assertSame( ShopperStatus::ON_HOLD, $status['state'] );
		$this->assertFalse( $status['resend']['allowed'] );
	}

	public function test_a_cancelled_order_is_closed(): void {
		$status = $this->describe( array( $this->attempt( AttemptStatus::FAILED, 10, '1032' ) ), false, 'cancelled' );

		$this->assertSame( ShopperStatus::CLOSED, $status['state'] );
		$this->assertSame( '', $status['result_code'] );
		$this->assertSame( ResendVerdict::NOT_PAYABLE, $status['resend']['reason'] );
	}

	public function test_an_order_without_attempts_has_no_status_yet(): void {
		$status = $this->describe( array() );

		$this->assertSame( ShopperStatus::NONE, $status['state'] );
		$this->assertSame( '', $status['phone'] );
		$this->assertTrue( $status['resend']['allowed'] );
	}

	public function test_the_newest_attempt_decides(): void {
		$status = $this->describe( array( $this->attempt( AttemptStatus::FAILED, 60, '1032' ), $this->attempt( AttemptStatus::AWAITING, 5 ) ), false, 'failed' );

		$this->assertSame( ShopperStatus::AWAITING, $status['state'] );
		$this->assertSame( '', $status['result_code'] );
	}

	public function test_only_shopper_facts_are_given(): void {
		$status = $this->describe( array( $this->attempt( AttemptStatus::PAID ) ), true, 'processing' );

		$this->assertSame( array( 'state', 'result_code', 'provider_message', 'phone', 'resend' ), array_keys( $status ) );
		$this->assertStringNotContainsString( 'TLA1B2C3D4', (string) json_encode( $status ) );
		$this->assertStringNotContainsString( '254712345678', (string) json_encode( $status ) );
	}

	public function test_an_unusual_stored_number_is_not_shown_at_all(): void {
		$attempt = new Attempt( 'REQ1', str_repeat( 'a', 64 ), '2547XXXXX678', 100, self::NOW - 5, AttemptStatus::AWAITING );

		$this->assertSame( '', $this->describe( array( $attempt ) )['phone'] );
	}
}
