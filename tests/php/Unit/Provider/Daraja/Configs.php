<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Provider\Daraja;

use PayViaProxyApi\Provider\Daraja\DarajaConfig;

/**
 * The sandbox app the tests talk for (shortcode 174379 and Daraja's public sandbox passkey).
 */
final class Configs {

	public const PASSKEY = 'bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919';

	public static function paybill( string $certificate = '', string $key = 'consumer-key', string $secret = 'consumer-secret' ): DarajaConfig {
		return new DarajaConfig( DarajaConfig::SANDBOX, 'https://sandbox.example.test', $key, $secret, '174379', self::PASSKEY, '', 'apiop', 'Initiator-Pass-1', $certificate );
	}

	public static function till(): DarajaConfig {
		return new DarajaConfig( DarajaConfig::SANDBOX, 'https://sandbox.example.test', 'consumer-key', 'consumer-secret', '174379', self::PASSKEY, '600990' );
	}
}
