<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Reports;

use PayViaProxyApi\Reports\PhoneDisplay;
use PHPUnit\Framework\TestCase;

final class PhoneDisplayTest extends TestCase {

	public function test_masks_the_middle_digits_by_default(): void {
		$this->assertSame( '2547****5678', ( new PhoneDisplay( false ) )->show( '254712345678' ) );
	}

	public function test_shows_the_number_in_full_when_the_store_says_so(): void {
		$display = new PhoneDisplay( true );
		$this->assertTrue( $display->is_full() );
		$this->assertSame( '254712345678', $display->show( '254712345678' ) );
	}

	public function test_keeps_a_number_safaricom_already_masked_as_received(): void {
		$this->assertSame( '0712***678', ( new PhoneDisplay( false ) )->show( '0712***678' ) );
	}

	public function test_hides_all_but_two_digits_of_a_short_value_and_leaves_empty_empty(): void {
		$display = new PhoneDisplay( false );
		$this->assertSame( '*****78', $display->show( '1234578' ) );
		$this->assertSame( '', $display->show( '' ) );
	}
}
