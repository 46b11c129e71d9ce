<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Integration;

/**
 * "Test connection": a fresh token with the saved credentials, Daraja's exact error otherwise, never a
 * credential in the answer, and only for shop managers.
 */
final class DarajaTestConnectionTest extends DarajaStoreTestCase {

	private function test_connection( int $user_id ): \WP_REST_Response {
		wp_set_current_user( $user_id );
		$response = rest_do_request( new \WP_REST_Request( 'POST', '/pay-via-proxyapi/v1/admin/daraja/test-connection' ) );
		wp_set_current_user( 0 );
		return $response;
	}

	public function test_reports_a_token_issued_for_the_saved_credentials(): void {
		$before   = $this->tokens_issued();
		$response = $this->test_connection( 1 );
		$this->assertSame( 200, $response->get_status() );
		$this->assertSame(
			array(
				'ok'          => true,
				'code'        => 'connected',
				'message'     => 'Connected: Daraja (sandbox) issued an access token for the saved consumer key and secret.',
				'environment' => 'sandbox',
			),
			$response->get_data()
		);
		$this->assertSame( $before + 1, $this->tokens_issued(), 'a new token, not a cached one' );
	}

	public function test_reports_darajas_exact_error_without_the_credentials(): void {
		$this->sim( 'POST', '/__sim/daraja/config', array( 'consumerSecret' => 'rotated-on-the-portal' ) );
		$data = $this->test_connection( 1 )->get_data();
		$this->assertFalse( $data['ok'] );
		$this->assertSame( 'rejected', $data['code'] );
		$this->assertSame( 'Daraja (sandbox) did not issue a token. Daraja refused the access token request: Invalid Authentication passed (400.008.01).', $data['message'] );
		$json = (string) wp_json_encode( $data );
		$this->assertStringNotContainsString( 'pvp-sim-consumer-secret', $json );
		$this->assertStringNotContainsString( 'pvp-sim-consumer-key', $json );
	}

	public function test_says_what_is_missing(): void {
		$this->use_daraja( array( 'daraja_consumer_secret' => '' ) );
		$this->assertSame( 'missing', $this->test_connection( 1 )->get_data()['code'] );
		$this->use_daraja( array( 'daraja_passkey' => '' ) );
		$this->assertStringContainsString( 'Before taking payments, also set: passkey.', $this->test_connection( 1 )->get_data()['message'] );
	}

	public function test_only_shop_managers_may_test(): void {
		$this->assertSame( 401, $this->test_connection( 0 )->get_status() );
		$customer = get_user_by( 'login', 'customer' );
		$this->assertInstanceOf( \WP_User::class, $customer );
		$this->assertSame( 403, $this->test_connection( $customer->ID )->get_status() );
	}
}
