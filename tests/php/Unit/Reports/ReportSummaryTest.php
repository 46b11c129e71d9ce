<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Reports;

use PayViaProxyApi\Reports\ReportSummary;
use PHPUnit\Framework\TestCase;

final class ReportSummaryTest extends TestCase {

	public function test_counts_orders_per_outcome_and_totals_the_paid_shillings(): void {
		$summary = ReportSummary::from_buckets(
			array(
				array( 'outcome' => 'paid', 'orders' => '3', 'attempts' => '4', 'amount' => '4500' ),
				array( 'outcome' => 'failed', 'orders' => '1', 'attempts' => '2', 'amount' => '0' ),
				array( 'outcome' => 'awaiting', 'orders' => '2', 'attempts' => '2', 'amount' => '0' ),
				array( 'outcome' => 'underpaid', 'orders' => '1', 'attempts' => '1', 'amount' => null ),
			)
		);
		$this->assertSame( 3, $summary->paid_orders );
		$this->assertSame( 4500, $summary->paid_amount );
		$this->assertSame( 1, $summary->failed_orders );
		$this->assertSame( 2, $summary->awaiting_orders );
		$this->assertSame( 1, $summary->underpaid_orders );
		$this->assertSame( 9, $summary->attempts );
		// Orders still waiting neither help nor hurt: 3 paid of 5 with a result.
		$this->assertSame( 0.6, $summary->success_rate );
	}

	public function test_no_rate_without_a_result_and_nothing_at_all_is_zeros(): void {
		$this->assertNull( ReportSummary::from_buckets( array( array( 'outcome' => 'awaiting', 'orders' => 2, 'attempts' => 2, 'amount' => 0 ) ) )->success_rate );
		$this->assertSame(
			array(
				'paid_orders'      => 0,
				'paid_amount'      => 0,
				'failed_orders'    => 0,
				'awaiting_orders'  => 0,
				'underpaid_orders' => 0,
				'attempts'         => 0,
				'success_rate'     => null,
			),
			ReportSummary::from_buckets( array() )->to_array()
		);
	}

	public function test_large_totals_stay_exact_integers(): void {
		$summary = ReportSummary::from_buckets( array( array( 'outcome' => 'paid', 'orders' => '100000', 'attempts' => '100000', 'amount' => '25000000000' ) ) );
		$this->assertSame( 25000000000, $summary->paid_amount );
		$this->assertSame( 1.0, $summary->success_rate );
	}
}
