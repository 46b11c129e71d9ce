<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Payment;

use PayViaProxyApi\Payment\Amount;
use PHPUnit\Framework\TestCase;

final class AmountTest extends TestCase {

	/**
	 * @return array<string, array{0: string, 1: int}>
	 */
	public function totals(): array {
		return array(
			'whole'                 => array( '100', 100 ),
			'whole with zero cents' => array( '100.00', 100 ),
			'cents round up'        => array( '1499.01', 1500 ),
			'half rounds up'        => array( '99.50', 100 ),
			'trailing zeros only'   => array( '250000.000', 250000 ),
			'large total exact'     => array( '9999999999.99', 10000000000 ),
		);
	}

	/**
	 * @dataProvider totals
	 */
	public function test_charges_whole_shillings_rounding_cents_up( string $total, int $expected ): void {
		$this->assertSame( $expected, Amount::from_order_total( $total )->shillings() );
	}

	public function test_refuses_a_total_that_is_not_a_number(): void {
		$this->expectException( \InvalidArgumentException::class );
		Amount::from_order_total( '12,00' );
	}

	public function test_knows_mpesa_limits(): void {
		$this->assertFalse( Amount::from_order_total( '0.00' )->is_within_mpesa_limits() );
		$this->assertTrue( Amount::from_order_total( '0.50' )->is_within_mpesa_limits() );
		$this->assertTrue( Amount::from_order_total( '250000' )->is_within_mpesa_limits() );
		$this->assertFalse( Amount::from_order_total( '250000.01' )->is_within_mpesa_limits() );
	}

	public function test_is_covered_only_by_at_least_the_amount(): void {
		$amount = Amount::from_order_total( '100' );
		$this->assertTrue( $amount->is_covered_by( 100 ) );
		$this->assertTrue( $amount->is_covered_by( '100.00' ) );
		$this->assertFalse( $amount->is_covered_by( 99.99 ) );
		$this->assertFalse( $amount->is_covered_by( 'abc' ) );
	}
}
