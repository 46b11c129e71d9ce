<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Payment;

use PayViaProxyApi\Payment\PhoneNumber;
use PHPUnit\Framework\TestCase;

/**
 * The server's phone rules, against the same table the TypeScript tests read.
 */
final class PhoneNumberTest extends TestCase {

	/**
	 * @return array<string, array{0: string, 1: string|null}>
	 */
	public function shared_cases(): array {
		$table = json_decode( (string) file_get_contents( dirname( __DIR__, 3 ) . '/fixtures/phone-numbers.json' ), true );
		$cases = array();
		foreach ( $table['cases'] as $case ) {
			$cases[ var_export( $case['input'], true ) ] = array( $case['input'], $case['normalised'] );
		}
		return $cases;
	}

	/**
	 * @dataProvider shared_cases
	 */
	public function test_normalises_exactly_like_the_shared_table( string $input, ?string $expected ): void {
		$phone = PhoneNumber::parse( $input );
		$this->assertSame( $expected, null === $phone ? null : $phone->msisdn() );
	}

	public function test_masks_all_but_network_prefix_and_last_four_digits(): void {
		$this->assertSame( '2547****5678', PhoneNumber::parse( '0712345678' )->masked() );
	}
}
