<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Settings;

use PayViaProxyApi\Settings\AccountDueDate;
use PHPUnit\Framework\TestCase;

/**
 * Which DueDate values may be kept.
 */
final class AccountDueDateTest extends TestCase {

	private const NOW = 1767225600;

	public function test_a_past_or_coming_due_date_is_kept(): void {
		$this->assertTrue( AccountDueDate::is_plausible( self::NOW + 30 * 86400, self::NOW ) );
		$this->assertTrue( AccountDueDate::is_plausible( self::NOW - 30 * 86400, self::NOW ), 'an overdue account is worth showing' );
	}

	public function test_zero_garbage_and_far_future_dates_are_not(): void {
		$this->assertFalse( AccountDueDate::is_plausible( 0, self::NOW ) );
		$this->assertFalse( AccountDueDate::is_plausible( 1769904, self::NOW ), 'milliseconds or a typo' );
		$this->assertFalse( AccountDueDate::is_plausible( self::NOW + 10 * 366 * 86400, self::NOW ) );
	}
}
