<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Provider\Daraja;

use PayViaProxyApi\Provider\Daraja\StkPushBody;
use PayViaProxyApi\Provider\StkPushRequest;
use PHPUnit\Framework\TestCase;

final class StkPushBodyTest extends TestCase {

	private const NOON_NAIROBI = 1767258000; // 2026-01-01 12:00:00 in Nairobi.

	private function request( string $order_number = '1042', int $amount = 1500 ): StkPushRequest {
		return new StkPushRequest( 'K7QX2MNA4TZ9PLB', '254712345678', $amount, $order_number, 'https://shop.example/wp-json/pay-via-proxyapi/v1/callbacks/1042/' . str_repeat( 'a', 64 ), 'https://shop.example' );
	}

	public function test_paybill_pays_the_shortcode_itself(): void {
		$this->assertSame(
			array(
				'BusinessShortCode' => 174379,
				'Password'          => 'MTc0Mzc5YmZiMjc5ZjlhYTliZGJjZjE1OGU5N2RkNzFhNDY3Y2QyZTBjODkzMDU5YjEwZjc4ZTZiNzJhZGExZWQyYzkxOTIwMjYwMTAxMTIwMDAw',
				'Timestamp'         => '20260101120000',
				'TransactionType'   => 'CustomerPayBillOnline',
				'Amount'            => 1500,
				'PartyA'            => 254712345678,
				'PartyB'            => 174379,
				'PhoneNumber'       => 254712345678,
				'CallBackURL'       => $this->request()->callback_url,
				'AccountReference'  => '1042',
				'TransactionDesc'   => 'Order 1042',
			),
			StkPushBody::build( Configs::paybill(), $this->request(), self::NOON_NAIROBI )
		);
	}

	public function test_till_is_paid_under_the_store_number(): void {
		$body = StkPushBody::build( Configs::till(), $this->request(), self::NOON_NAIROBI );
		$this->assertSame( 'CustomerBuyGoodsOnline', $body['TransactionType'] );
		$this->assertSame( 174379, $body['BusinessShortCode'], 'BusinessShortCode is the store (head office) number' );
		$this->assertSame( 600990, $body['PartyB'], 'PartyB is the till' );
		$this->assertSame( '174379' . Configs::PASSKEY . '20260101120000', base64_decode( (string) $body['Password'], true ), 'the password uses the store number' );
	}

	public function test_amount_is_the_whole_shillings_asked(): void {
		$this->assertSame( 250000, StkPushBody::build( Configs::paybill(), $this->request( '7', 250000 ), self::NOON_NAIROBI )['Amount'] );
	}

	/**
	 * @return array<string, array{0: string, 1: string, 2: string}>
	 */
	public function references(): array {
		return array(
			'short order number'          => array( '7', '7', 'Order 7' ),
			'twelve characters kept'      => array( 'ABCDEFGHIJKL', 'ABCDEFGHIJKL', 'Order ABCDEFG' ),
			'longer keeps the last 12'    => array( 'WC-2026-000123', '2026-000123', 'Order 2026-00' ),
			'spaces around are dropped'   => array( ' 1042 ', '1042', 'Order 1042' ),
			'multibyte counted as letters' => array( 'ÄÖÜ-1234567890', 'Ü-1234567890', 'Order Ü-12345' ),
		);
	}

	/**
	 * @dataProvider references
	 */
	public function test_account_reference_and_description_fit_darajas_limits( string $number, string $reference, string $description ): void {
		$body = StkPushBody::build( Configs::paybill(), $this->request( $number ), self::NOON_NAIROBI );
		$this->assertSame( $reference, $body['AccountReference'] );
		$this->assertSame( $description, $body['TransactionDesc'] );
		$this->assertLessThanOrEqual( 12, mb_strlen( (string) $body['AccountReference'] ) );
		$this->assertLessThanOrEqual( 13, mb_strlen( (string) $body['TransactionDesc'] ) );
	}
}
