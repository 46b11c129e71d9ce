<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Provider\Daraja;

use PayViaProxyApi\Provider\Daraja\TokenStore;

/**
 * TokenStore in an array, remembering the lifetime each token was given.
 */
final class MemoryTokenStore implements TokenStore {

	/** @var array<string, array{token: string, seconds: int}> */
	public array $items = array();

	public function get( string $key ): ?string {
		return $this->items[ $key ]['token'] ?? null;
	}

	public function set( string $key, string $token, int $seconds ): void {
		$this->items[ $key ] = array( 'token' => $token, 'seconds' => $seconds );
	}

	public function delete( string $key ): void {
		unset( $this->items[ $key ] );
	}
}
