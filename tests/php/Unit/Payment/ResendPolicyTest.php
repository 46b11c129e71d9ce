<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Payment;

use PayViaProxyApi\Payment\Attempt;
use PayViaProxyApi\Payment\AttemptStatus;
use PayViaProxyApi\Payment\ResendPolicy;
use PayViaProxyApi\Payment\ResendVerdict;
use PHPUnit\Framework\TestCase;

/**
 * When a shopper may ask for another prompt: never over a live one, at most three resends per ten minutes.
 */
final class ResendPolicyTest extends TestCase {

	private const NOW = 1767225600;

	private function attempt( int $age, string $status = AttemptStatus::FAILED ): Attempt {
		return new Attempt( 'REQ' . $age . $status, str_repeat( 'a', 64 ), '254712345678', 100, self::NOW - $age, $status );
	}

	private function verdict( array $attempts, bool $payable = true ): ResendVerdict {
		return ( new ResendPolicy() )->verdict( $attempts, $payable, self::NOW );
	}

	public function test_a_failed_prompt_may_be_resent_at_once(): void {
		$verdict = $this->verdict( array( $this->attempt( 5 ) ) );

		$this->assertTrue( $verdict->is_allowed() );
		$this->assertSame( 0, $verdict->seconds_to_wait( self::NOW ) );
	}

	public function test_a_prompt_awaiting_the_pin_is_live_for_ninety_seconds(): void {
		$verdict = $this->verdict( array( $this->attempt( 30, AttemptStatus::AWAITING ) ) );

		$this->assertFalse( $verdict->is_allowed() );
		$this->assertSame( ResendVerdict::PROMPT_LIVE, $verdict->reason );
		$this->assertSame( 60, $verdict->seconds_to_wait( self::NOW ) );
	}

	public function test_a_prompt_still_being_sent_is_live_too(): void {
		$this->assertSame( ResendVerdict::PROMPT_LIVE, $this->verdict( array( $this->attempt( 1, AttemptStatus::STARTED ) ) )->reason );
	}

	public function test_an_unanswered_prompt_older_than_ninety_seconds_is_no_longer_live(): void {
		$this->assertFalse( ResendPolicy::is_live( $this->attempt( 89, AttemptStatus::AWAITING ), self::NOW + 1 ) );
		$this->assertTrue( ResendPolicy::is_live( $this->attempt( 89, AttemptStatus::AWAITING ), self::NOW ) );
		$this->assertTrue( $this->verdict( array( $this->attempt( 90, AttemptStatus::AWAITING ) ) )->is_allowed() );
	}

	public function test_a_refused_request_is_not_a_live_prompt(): void {
		$this->assertTrue( $this->verdict( array( $this->attempt( 1, AttemptStatus::REJECTED ) ) )->is_allowed() );
	}

	public function test_any_live_prompt_blocks_even_when_a_newer_request_was_refused(): void {
		$verdict = $this->verdict( array( $this->attempt( 20, AttemptStatus::AWAITING ), $this->attempt( 10, AttemptStatus::REJECTED ) ) );

		$this->assertSame( ResendVerdict::PROMPT_LIVE, $verdict->reason );
		$this->assertSame( 70, $verdict->seconds_to_wait( self::NOW ) );
	}

	public function test_three_resends_in_ten_minutes_are_allowed(): void {
		$this->assertTrue( $this->verdict( array( $this->attempt( 500 ), $this->attempt( 400 ), $this->attempt( 300 ) ) )->is_allowed(), 'the checkout prompt and two resends' );
	}

	public function test_a_fourth_resend_within_ten_minutes_is_refused_until_the_oldest_ages_out(): void {
		$attempts = array( $this->attempt( 590 ), $this->attempt( 500 ), $this->attempt( 400 ), $this->attempt( 300 ) );
		$verdict  = $this->verdict( $attempts );

		$this->assertSame( ResendVerdict::TOO_MANY, $verdict->reason );
		$this->assertSame( ResendPolicy::WINDOW_SECONDS - 500, $verdict->seconds_to_wait( self::NOW ) );
		$this->assertTrue( ( new ResendPolicy() )->verdict( $attempts, true, self::NOW + 100 )->is_allowed(), 'allowed once the first resend is ten minutes old' );
	}

	public function test_the_checkout_prompt_is_not_counted_as_a_resend(): void {
		$this->assertTrue( $this->verdict( array( $this->attempt( 20 ), $this->attempt( 10 ), $this->attempt( 5 ) ) )->is_allowed(), 'checkout + 2 resends: a third resend may go' );
		$this->assertFalse( $this->verdict( array( $this->attempt( 30 ), $this->attempt( 20 ), $this->attempt( 10 ), $this->attempt( 5 ) ) )->is_allowed(), 'checkout + 3 resends: a fourth may not' );
	}

	public function test_resends_older_than_the_window_do_not_count(): void {
		$attempts = array( $this->attempt( 3000 ), $this->attempt( 2000 ), $this->attempt( 1000 ), $this->attempt( 700 ), $this->attempt( 100 ) );

		$this->assertTrue( $this->verdict( $attempts )->is_allowed() );
	}

	public function test_the_rate_limit_wins_over_a_live_prompt_because_it_lasts_longer(): void {
		$verdict = $this->verdict( array( $this->attempt( 200 ), $this->attempt( 150 ), $this->attempt( 100 ), $this->attempt( 10, AttemptStatus::AWAITING ) ) );

		$this->assertSame( ResendVerdict::TOO_MANY, $verdict->reason );
		$this->assertSame( 450, $verdict->seconds_to_wait( self::NOW ) );
	}

	public function test_an_order_that_needs_no_payment_never_gets_a_resend(): void {
		$verdict = $this->verdict( array( $this->attempt( 5 ) ), false );

		$this->assertSame( ResendVerdict::NOT_PAYABLE, $verdict->reason );
		$this->assertNull( $verdict->seconds_to_wait( self::NOW ) );
	}

	public function test_an_order_without_attempts_may_get_its_first_prompt(): void {
		$this->assertTrue( $this->verdict( array() )->is_allowed() );
	}
}
