<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Legacy;

use PayViaProxyApi\Legacy\LegacyCallbackRules;
use PayViaProxyApi\Legacy\LegacyOrder;
use PayViaProxyApi\Payment\Attempt;
use PayViaProxyApi\Payment\AttemptStatus;
use PHPUnit\Framework\TestCase;

/**
 * Which callbacks on the tokenless 2.2.7 URL may settle an order.
 */
final class LegacyCallbackRulesTest extends TestCase {

	private const NOW = 1767225600;

	/**
	 * @param array<string, mixed> $changes Fields to change.
	 */
	private function order( array $changes = array() ): LegacyOrder {
		$fields = array_merge(
			array(
				'paid_with_gateway'   => true,
				'request_id'          => 'K7QX2MNA4TZ9PLB',
				'checkout_request_id' => 'ws_CO_1',
				'plugin_attempts'     => 0,
				'total'               => '1499.50',
				'billing_phone'       => '0712 345 678',
				'created_at'          => self::NOW - 600,
			),
			$changes
		);
		return new LegacyOrder( ...array_values( $fields ) );
	}

	public function test_a_2_2_7_order_of_this_gateway_with_the_same_checkout_request_id_is_accepted(): void {
		$this->assertNull( LegacyCallbackRules::refusal( $this->order(), 'ws_CO_1', self::NOW ) );
	}

	public function test_every_other_case_is_refused_with_its_reason(): void {
		$cases = array(
			LegacyCallbackRules::NOT_THIS_GATEWAY    => array( $this->order( array( 'paid_with_gateway' => false ) ), 'ws_CO_1' ),
			LegacyCallbackRules::NO_LEGACY_REQUEST   => array( $this->order( array( 'request_id' => '' ) ), 'ws_CO_1' ),
			LegacyCallbackRules::OTHER_REQUEST       => array( $this->order(), 'ws_CO_2' ),
			LegacyCallbackRules::HAS_PLUGIN_ATTEMPTS => array( $this->order( array( 'plugin_attempts' => 1 ) ), 'ws_CO_1' ),
			LegacyCallbackRules::TOO_OLD             => array( $this->order( array( 'created_at' => self::NOW - LegacyCallbackRules::WINDOW_SECONDS - 1 ) ), 'ws_CO_1' ),
			LegacyCallbackRules::BAD_TOTAL           => array( $this->order( array( 'total' => 'abc' ) ), 'ws_CO_1' ),
		);
		foreach ( $cases as $reason => [ $order, $checkout_request_id ] ) {
			$this->assertSame( $reason, LegacyCallbackRules::refusal( $order, $checkout_request_id, self::NOW ), $reason );
		}
		$this->assertSame( LegacyCallbackRules::NO_LEGACY_REQUEST, LegacyCallbackRules::refusal( $this->order( array( 'checkout_request_id' => '' ) ), '', self::NOW ) );
	}

	public function test_the_rebuilt_attempt_asks_the_total_rounded_up_and_has_no_token(): void {
		$attempt = LegacyCallbackRules::attempt( $this->order() );

		$this->assertSame( 'K7QX2MNA4TZ9PLB', $attempt->request_id );
		$this->assertSame( 'ws_CO_1', $attempt->checkout_request_id );
		$this->assertSame( 1500, $attempt->amount, 'the amount check runs against the total in whole shillings, rounded up' );
		$this->assertSame( '', $attempt->token_hash, 'no token: the REST callback route can never authenticate it' );
		$this->assertSame( '254712345678', $attempt->phone );
		$this->assertSame( AttemptStatus::AWAITING, $attempt->status );
		$this->assertSame( Attempt::ORIGIN_LEGACY, $attempt->origin );
		$this->assertSame( self::NOW - 600, $attempt->created_at );
	}

	public function test_an_unreadable_billing_phone_leaves_the_attempt_phone_empty(): void {
		$this->assertSame( '', LegacyCallbackRules::attempt( $this->order( array( 'billing_phone' => 'n/a' ) ) )->phone );
	}
}
