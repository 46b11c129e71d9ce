<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Callback;

use PayViaProxyApi\Callback\TokenValidity;
use PayViaProxyApi\Payment\Attempt;
use PayViaProxyApi\Payment\AttemptStatus;
use PHPUnit\Framework\TestCase;

final class TokenValidityTest extends TestCase {

	private const NOW = 1767225600;

	private function attempt( string $status, int $age ): Attempt {
		return new Attempt( 'K7QX2MNA4TZ9PLB', str_repeat( 'a', 64 ), '254712345678', 100, self::NOW - $age, $status );
	}

	public function test_a_token_is_honoured_for_its_whole_lifetime_whatever_the_attempt_became(): void {
		$rules = new TokenValidity( TokenValidity::DEFAULT_LIFETIME );
		foreach ( array( AttemptStatus::STARTED, AttemptStatus::AWAITING, AttemptStatus::PAID, AttemptStatus::FAILED, AttemptStatus::UNDERPAID ) as $status ) {
			$this->assertNull( $rules->refusal( $this->attempt( $status, 0 ), self::NOW ), $status );
			$this->assertNull( $rules->refusal( $this->attempt( $status, TokenValidity::DEFAULT_LIFETIME ), self::NOW ), $status . ' on the last second' );
		}
	}

	public function test_a_failed_attempt_still_takes_a_late_success_days_later(): void {
		$this->assertNull( ( new TokenValidity( TokenValidity::DEFAULT_LIFETIME ) )->refusal( $this->attempt( AttemptStatus::FAILED, 6 * 86400 ), self::NOW ) );
	}

	public function test_a_token_expires_after_its_lifetime(): void {
		$rules = new TokenValidity( TokenValidity::DEFAULT_LIFETIME );
		$this->assertSame( 'it has expired', $rules->refusal( $this->attempt( AttemptStatus::AWAITING, TokenValidity::DEFAULT_LIFETIME + 1 ), self::NOW ) );
		$this->assertSame( 'it has expired', $rules->refusal( $this->attempt( AttemptStatus::PAID, 30 * 86400 ), self::NOW ) );
	}

	public function test_an_attempt_without_a_start_time_is_never_honoured(): void {
		$attempt = new Attempt( 'K7QX2MNA4TZ9PLB', str_repeat( 'a', 64 ), '254712345678', 100, 0 );
		$this->assertSame( 'it has expired', ( new TokenValidity( TokenValidity::DEFAULT_LIFETIME ) )->refusal( $attempt, self::NOW ) );
	}

	public function test_a_token_of_a_request_provider_refused_is_spent_at_once(): void {
		$this->assertStringContainsString( 'refused by ProxyAPI', (string) ( new TokenValidity( TokenValidity::DEFAULT_LIFETIME ) )->refusal( $this->attempt( AttemptStatus::REJECTED, 0 ), self::NOW ) );
	}

	public function test_the_lifetime_cannot_be_set_shorter_than_a_live_prompt_needs(): void {
		$rules = new TokenValidity( 5 );
		$this->assertNull( $rules->refusal( $this->attempt( AttemptStatus::AWAITING, 600 ), self::NOW ) );
		$this->assertSame( 'it has expired', $rules->refusal( $this->attempt( AttemptStatus::AWAITING, TokenValidity::MINIMUM_LIFETIME + 1 ), self::NOW ) );
	}
}
