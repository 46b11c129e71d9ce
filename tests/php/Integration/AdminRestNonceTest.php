<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Integration;

/**
 * The admin routes over real HTTP with WordPress's cookie authentication, as the admin screens call them: a
 * logged-in shop manager's request without the REST nonce (what a forged cross-site request looks like) is
 * refused, one with a wrong nonce too, and the same request with the nonce succeeds.
 */
final class AdminRestNonceTest extends StoreTestCase {

	private const LOGIN = 'pvp_nonce_manager';

	private int $manager_id = 0;

	private string $cookie = '';

	private string $session_token = '';

	protected function setUp(): void {
		parent::setUp();
		$existing = get_user_by( 'login', self::LOGIN );
		if ( $existing instanceof \WP_User ) {
			$this->manager_id = $existing->ID;
		} else {
			$created = wp_insert_user(
				array(
					'user_login' => self::LOGIN,
					'user_pass'  => wp_generate_password( 24 ),
					'user_email' => self::LOGIN . '@example.com',
					'role'       => 'shop_manager',
				)
			);
			$this->assertIsInt( $created );
			$this->manager_id = $created;
		}
		$this->assertTrue( user_can( $this->manager_id, 'manage_woocommerce' ), 'a shop manager manages WooCommerce' );
		$this->assertFalse( user_can( $this->manager_id, 'manage_options' ), 'and is not an administrator' );

		// A real login session and its logged_in cookie, as wp-login.php would set them.
		$expiration          = time() + HOUR_IN_SECONDS;
		$this->session_token = \WP_Session_Tokens::get_instance( $this->manager_id )->create( $expiration );
		$this->cookie        = wp_generate_auth_cookie( $this->manager_id, $expiration, 'logged_in', $this->session_token );
	}

	protected function tearDown(): void {
		\WP_Session_Tokens::get_instance( $this->manager_id )->destroy( $this->session_token );
		unset( $_COOKIE[ LOGGED_IN_COOKIE ] );
		wp_set_current_user( 0 );
		parent::tearDown();
	}

	/**
	 * @return string The REST nonce the admin screens get (wpApiSettings.nonce) for this user and session.
	 */
	private function rest_nonce(): string {
		$_COOKIE[ LOGGED_IN_COOKIE ] = $this->cookie;
		wp_set_current_user( $this->manager_id );
		$nonce = wp_create_nonce( 'wp_rest' );
		unset( $_COOKIE[ LOGGED_IN_COOKIE ] );
		wp_set_current_user( 0 );
		return $nonce;
	}

	/**
	 * @param string      $method GET or POST.
	 * @param string      $route  Route under the plugin's namespace.
	 * @param string|null $nonce  X-WP-Nonce, or null for none.
	 * @return array{status: int, body: mixed}
	 */
	private function call( string $method, string $route, ?string $nonce ): array {
		$headers = array( 'Cookie' => LOGGED_IN_COOKIE . '=' . rawurlencode( $this->cookie ) );
		if ( null !== $nonce ) {
			$headers['X-WP-Nonce'] = $nonce;
		}
		$response = wp_remote_request(
			getenv( 'PVP_STORE_URL' ) . '/wp-json/pay-via-proxyapi/v1' . $route,
			array(
				'method'  => $method,
				'headers' => $headers,
				'timeout' => 30,
			)
		);
		$this->assertFalse( is_wp_error( $response ), 'the store answers' );
		return array(
			'status' => (int) wp_remote_retrieve_response_code( $response ),
			'body'   => json_decode( wp_remote_retrieve_body( $response ), true ),
		);
	}

	public function test_the_report_route_refuses_a_shop_managers_request_without_the_nonce_and_answers_with_it(): void {
		$route = '/admin/reports/payments/summary?period=today';

		$without = $this->call( 'GET', $route, null );
		$this->assertContains( $without['status'], array( 401, 403 ), 'no nonce: WordPress treats the cookie as absent' );
		$this->assertArrayNotHasKey( 'paid_orders', (array) $without['body'] );

		$forged = $this->call( 'GET', $route, 'abcdef1234' );
		$this->assertSame( 403, $forged['status'], 'a wrong nonce is refused' );
		$this->assertSame( 'rest_cookie_invalid_nonce', $forged['body']['code'] ?? null );

		$with = $this->call( 'GET', $route, $this->rest_nonce() );
		$this->assertSame( 200, $with['status'], (string) wp_json_encode( $with['body'] ) );
		$this->assertArrayHasKey( 'paid_orders', $with['body'] );
	}

	public function test_check_status_now_refuses_a_shop_managers_post_without_the_nonce_and_runs_with_it(): void {
		$order = $this->new_order();
		$route = '/admin/orders/' . $order->get_id() . '/reconcile';

		$without = $this->call( 'POST', $route, null );
		$this->assertContains( $without['status'], array( 401, 403 ), 'a cross-site POST cannot run the check' );
		$this->assertArrayNotHasKey( 'outcome', (array) $without['body'] );

		$with = $this->call( 'POST', $route, $this->rest_nonce() );
		$this->assertSame( 200, $with['status'], (string) wp_json_encode( $with['body'] ) );
		$this->assertSame( 'nothing_to_check', $with['body']['outcome'], 'the order has no M-Pesa attempt' );
		$this->fresh( $order )->delete( true );
	}
}
