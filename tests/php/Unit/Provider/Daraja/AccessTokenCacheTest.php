<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Provider\Daraja;

use PayViaProxyApi\Provider\Daraja\AccessTokenCache;
use PayViaProxyApi\Provider\Daraja\DarajaConfig;
use PayViaProxyApi\Provider\ProviderException;
use PHPUnit\Framework\TestCase;

final class AccessTokenCacheTest extends TestCase {

	public function test_fetches_a_token_with_the_basic_credentials_and_caches_it_a_minute_short_of_expiry(): void {
		$http   = new FakeTransport( FakeTransport::token( 'tok-FIRST-0000001' ) );
		$store  = new MemoryTokenStore();
		$config = Configs::paybill();
		$cache  = new AccessTokenCache( $http, $store, $config );

		$this->assertSame( 'tok-FIRST-0000001', $cache->token() );
		$this->assertSame( 'tok-FIRST-0000001', $cache->token(), 'the second call uses the cache' );
		$this->assertCount( 1, $http->sent );
		$this->assertSame( 'GET', $http->sent[0]['method'] );
		$this->assertSame( 'https://sandbox.example.test/oauth/v1/generate?grant_type=client_credentials', $http->sent[0]['url'] );
		$this->assertSame( array( 'Authorization' => 'Basic ' . base64_encode( 'consumer-key:consumer-secret' ) ), $http->sent[0]['headers'] );
		$this->assertNull( $http->sent[0]['body'] );
		$this->assertSame( 3539, $store->items[ $config->token_cache_key() ]['seconds'] );
	}

	public function test_accepts_expires_in_as_a_string(): void {
		$store = new MemoryTokenStore();
		( new AccessTokenCache( new FakeTransport( FakeTransport::token( 'tok-STRING-000001', '3599' ) ), $store, Configs::paybill() ) )->token();
		$this->assertSame( 3539, $store->items[ Configs::paybill()->token_cache_key() ]['seconds'] );
	}

	public function test_short_lifetimes_are_halved_never_zero(): void {
		$this->assertSame( 3539, AccessTokenCache::lifetime( 3599 ) );
		$this->assertSame( 60, AccessTokenCache::lifetime( 120 ) );
		$this->assertSame( 1, AccessTokenCache::lifetime( 1 ) );
		$this->assertSame( 1, AccessTokenCache::lifetime( 0 ) );
	}

	public function test_each_environment_and_credential_set_has_its_own_token(): void {
		$keys = array(
			Configs::paybill()->token_cache_key(),
			Configs::paybill( '', 'other-key' )->token_cache_key(),
			Configs::paybill( '', 'consumer-key', 'other-secret' )->token_cache_key(),
			( new DarajaConfig( DarajaConfig::PRODUCTION, 'https://sandbox.example.test', 'consumer-key', 'consumer-secret', '174379', Configs::PASSKEY ) )->token_cache_key(),
		);
		$this->assertCount( 4, array_unique( $keys ) );
		$this->assertSame( Configs::paybill()->token_cache_key(), Configs::till()->token_cache_key(), 'numbers do not change the app' );
		foreach ( $keys as $key ) {
			$this->assertMatchesRegularExpression( '/^pvp_daraja_token_[a-f0-9]{32}$/', $key );
			$this->assertStringNotContainsString( 'consumer', $key );
		}
	}

	public function test_refresh_replaces_the_cached_token(): void {
		$store = new MemoryTokenStore();
		$cache = new AccessTokenCache( new FakeTransport( FakeTransport::token( 'tok-OLD-000000001' ), FakeTransport::token( 'tok-NEW-000000001' ) ), $store, Configs::paybill() );
		$cache->token();
		$this->assertSame( 'tok-NEW-000000001', $cache->refresh() );
		$this->assertSame( 'tok-NEW-000000001', $cache->token() );
	}

	public function test_wrong_credentials_report_darajas_code_and_words_without_the_secret(): void {
		$cache = new AccessTokenCache( new FakeTransport( FakeTransport::error( 400, '400.008.01', 'Invalid Authentication passed' ) ), new MemoryTokenStore(), Configs::paybill() );
		try {
			$cache->token();
			$this->fail( 'expected a refusal' );
		} catch ( ProviderException $e ) {
			$this->assertSame( ProviderException::REJECTED, $e->kind );
			$this->assertSame( 'Daraja refused the access token request: Invalid Authentication passed (400.008.01).', $e->getMessage() );
			$this->assertStringNotContainsString( 'consumer-secret', $e->getMessage() );
		}
	}

	public function test_an_unreadable_token_answer_is_not_cached(): void {
		$store = new MemoryTokenStore();
		$cache = new AccessTokenCache( new FakeTransport( FakeTransport::json( 200, array( 'access_token' => '', 'expires_in' => 3599 ) ) ), $store, Configs::paybill() );
		try {
			$cache->token();
			$this->fail( 'expected a refusal' );
		} catch ( ProviderException $e ) {
			$this->assertSame( ProviderException::INVALID_RESPONSE, $e->kind );
		}
		$this->assertSame( array(), $store->items );
	}

	public function test_missing_credentials_never_reach_daraja(): void {
		$http  = new FakeTransport();
		$cache = new AccessTokenCache( $http, new MemoryTokenStore(), Configs::paybill( '', '' ) );
		$this->expectException( ProviderException::class );
		try {
			$cache->token();
		} finally {
			$this->assertSame( array(), $http->sent );
		}
	}
}
