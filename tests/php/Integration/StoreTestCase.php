<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Integration;

use PHPUnit\Framework\TestCase;

/**
 * Base for tests against the real store: makes orders through WooCommerce's CRUD, starts real payments
 * (to the simulator), delivers callbacks through the real REST server, and counts the plugin's hooks.
 */
abstract class StoreTestCase extends TestCase {

	/** The simulator accepts this number and never calls back, so each test delivers callbacks itself. */
	protected const SILENT_PHONE = '0700009000';

	private const HOOKS = array( 'proxyapi_pvp_payment_pending', 'proxyapi_pvp_payment_failed', 'proxyapi_pvp_payment_completed', 'pvp_on_payment_complete' );

	/** @var array<string, int> */
	protected array $hook_calls = array();

	/** @var array<string, \Closure> */
	private array $listeners = array();

	protected function setUp(): void {
		parent::setUp();
		// Each test is a shop of its own as far as M-Pesa receipts go: fixtures reuse receipts across tests and
		// runs, and one receipt may pay only one order (ReceiptRegistry).
		global $wpdb;
		$wpdb->query( 'DELETE FROM ' . $wpdb->prefix . \PayViaProxyApi\Order\ReceiptRegistry::NAME ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- our table name.
		$this->hook_calls = array_fill_keys( self::HOOKS, 0 );
		foreach ( self::HOOKS as $hook ) {
			$this->listeners[ $hook ] = function () use ( $hook ): void {
				++$this->hook_calls[ $hook ];
			};
			add_action( $hook, $this->listeners[ $hook ] );
		}
	}

	protected function tearDown(): void {
		foreach ( $this->listeners as $hook => $listener ) {
			remove_action( $hook, $listener );
		}
		parent::tearDown();
	}

	/**
	 * Loads what wp-admin loads for the order screen and the orders list (add_meta_box(), the screen API,
	 * WooCommerce's admin helpers): a test process is not a wp-admin request.
	 */
	protected function load_admin_screen_api(): void {
		if ( ! function_exists( 'wc_get_page_screen_id' ) ) {
			require_once WC_ABSPATH . 'includes/admin/wc-admin-functions.php';
		}
		require_once ABSPATH . 'wp-admin/includes/template.php';
		require_once ABSPATH . 'wp-admin/includes/class-wp-screen.php';
		require_once ABSPATH . 'wp-admin/includes/screen.php';
	}

	protected function new_order( string $total = '100.00' ): \WC_Order {
		$order = wc_create_order();
		// A physical product, so a paid order goes to "processing" as in a real shop.
		$order->add_product( wc_get_product( wc_get_product_id_by_sku( 'ACC-TEST-100' ) ), 1 );
		$order->set_currency( 'KES' );
		$order->set_billing_first_name( 'Wanjiku' );
		$order->set_billing_email( 'wanjiku@example.com' );
		$order->set_billing_phone( '+254708374149' );
		$order->set_payment_method( 'proxyapi_pvp_settings' );
		$order->set_total( $total );
		$order->save();
		return $order;
	}

	/**
	 * Starts a real payment through the plugin's gateway and returns the callback URL path the simulator received.
	 *
	 * @return array{path: string, request: array<string, mixed>, ids: array{MerchantRequestID: string, CheckoutRequestID: string}}
	 */
	protected function start_payment( \WC_Order $order, string $phone = self::SILENT_PHONE ): array {
		$gateway = WC()->payment_gateways()->payment_gateways()['proxyapi_pvp_settings'];
		$_POST['pvp_phone'] = $phone;
		$result             = $gateway->process_payment( $order->get_id() );
		unset( $_POST['pvp_phone'] );
		$this->assertSame( 'success', $result['result'], 'the payment started' );
		$request = $this->simulator_request( (string) $order->get_order_number() );
		$path    = (string) wp_parse_url( $request['body']['CallbackUrl'], PHP_URL_PATH );
		return array(
			'path'    => preg_replace( '#^/wp-json#', '', $path ),
			'request' => $request,
			'ids'     => array(
				'MerchantRequestID' => (string) $request['merchantRequestId'],
				'CheckoutRequestID' => (string) $request['checkoutRequestId'],
			),
		);
	}

	/**
	 * @return array<string, mixed> The newest request the simulator recorded for this account reference.
	 */
	protected function simulator_request( string $account_reference ): array {
		$response = wp_remote_get( getenv( 'PVP_SIM_URL' ) . '/__sim/requests?accountReference=' . rawurlencode( $account_reference ) );
		$this->assertFalse( is_wp_error( $response ), 'the simulator answers' );
		$data     = json_decode( wp_remote_retrieve_body( $response ), true );
		$requests = $data['requests'] ?? $data;
		$this->assertNotEmpty( $requests, 'the simulator received the STK request' );
		return end( $requests );
	}

	/**
	 * @param array<string, mixed> $body Callback body.
	 */
	protected function deliver( string $path, array|string $body ): \WP_REST_Response {
		$request = new \WP_REST_Request( 'POST', $path );
		$request->set_header( 'Content-Type', 'application/json' );
		$request->set_body( is_string( $body ) ? $body : (string) wp_json_encode( $body ) );
		$response = rest_do_request( $request );
		return $response instanceof \WP_REST_Response ? $response : new \WP_REST_Response( null, 500 );
	}

	/**
	 * @return array<string, mixed>
	 */
	protected function stk_success( array $ids, float $amount = 100.0, string $receipt = 'TLA1B2C3D4' ): array {
		return array(
			'Body' => array(
				'stkCallback' => array(
					'MerchantRequestID' => $ids['MerchantRequestID'],
					'CheckoutRequestID' => $ids['CheckoutRequestID'],
					'ResultCode'        => 0,
					'ResultDesc'        => 'The service request is processed successfully.',
					'CallbackMetadata'  => array(
						'Item' => array(
							array( 'Name' => 'Amount', 'Value' => $amount ),
							array( 'Name' => 'MpesaReceiptNumber', 'Value' => $receipt ),
							array( 'Name' => 'Balance' ),
							array( 'Name' => 'TransactionDate', 'Value' => 20260101120112 ),
							array( 'Name' => 'PhoneNumber', 'Value' => 254700009000 ),
						),
					),
				),
			),
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	protected function stk_failure( array $ids, int $code = 1032, string $desc = 'Request cancelled by user' ): array {
		return array(
			'Body' => array(
				'stkCallback' => array(
					'MerchantRequestID' => $ids['MerchantRequestID'],
					'CheckoutRequestID' => $ids['CheckoutRequestID'],
					'ResultCode'        => $code,
					'ResultDesc'        => $desc,
				),
			),
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	protected function pvp_success( array $ids, string $request_id, string $receipt = 'TLA1B2C3D4' ): array {
		return array(
			'Body' => array(
				'pvpCallback' => array(
					'RequestID'         => $request_id,
					'CheckoutRequestID' => $ids['CheckoutRequestID'],
					'CallbackMetadata'  => array(
						'TransactionID'   => $receipt,
						'TransactionTime' => '20260101120112',
						'SenderMSISDN'    => '254700009000',
						'SenderFirstName' => 'Jane',
						'SenderLastName'  => 'Doe',
						'DueDate'         => 1769904000,
					),
				),
			),
		);
	}

	protected function fresh( \WC_Order $order ): \WC_Order {
		return wc_get_order( $order->get_id() );
	}

	/**
	 * @return string[] The order's note texts.
	 */
	protected function notes( \WC_Order $order ): array {
		return array_map( static fn ( $note ): string => $note->content, wc_get_order_notes( array( 'order_id' => $order->get_id() ) ) );
	}

	protected function count_notes_containing( \WC_Order $order, string $text ): int {
		return count( array_filter( $this->notes( $order ), static fn ( string $note ): bool => str_contains( $note, $text ) ) );
	}

	/**
	 * Queues the simulator's outcome for the next accepted STK request (see tools/simulator/README.md).
	 *
	 * @param array<string, mixed> $outcome E.g. array( 'resultCode' => 0, 'callbacks' => array() ).
	 */
	protected function queue_simulator_outcome( array $outcome ): void {
		$response = wp_remote_post( getenv( 'PVP_SIM_URL' ) . '/__sim/next', array( 'body' => (string) wp_json_encode( $outcome ), 'headers' => array( 'Content-Type' => 'application/json' ) ) );
		$this->assertSame( 200, wp_remote_retrieve_response_code( $response ), 'the simulator queued the outcome' );
	}

	/**
	 * Waits (on the simulator's state, not on time) until it has done all it does by itself for a request.
	 *
	 * @return array<string, mixed> The simulator's record of the request.
	 */
	protected function wait_for_simulator( string $checkout_request_id ): array {
		$response = wp_remote_post( getenv( 'PVP_SIM_URL' ) . '/__sim/wait', array( 'timeout' => 15, 'body' => (string) wp_json_encode( array( 'checkoutRequestId' => $checkout_request_id ) ), 'headers' => array( 'Content-Type' => 'application/json' ) ) );
		$this->assertSame( 200, wp_remote_retrieve_response_code( $response ), 'the simulator settled the request' );
		$this->wait_for_inbox();
		return json_decode( wp_remote_retrieve_body( $response ), true )['request'];
	}

	/**
	 * Waits (on the store's state) until every callback the store accepted is settled: the store answers a
	 * callback first and settles it right after, in the same PHP-FPM worker.
	 */
	protected function wait_for_inbox(): void {
		global $wpdb;
		$deadline = microtime( true ) + 15;
		do {
			$waiting = (int) $wpdb->get_var( 'SELECT COUNT(*) FROM ' . $wpdb->prefix . \PayViaProxyApi\Callback\CallbackInbox::NAME . ' WHERE settled_at = 0' ); // phpcs:ignore WordPress.DB.PreparedSQL.NotPrepared -- our table name.
			if ( 0 === $waiting ) {
				return;
			}
			usleep( 50000 );
		} while ( microtime( true ) < $deadline );
		$this->fail( "{$waiting} accepted callbacks were never settled" );
	}

	/**
	 * @return \ActionScheduler_Action[] The order's pending reconciliation checks, keyed by action id.
	 */
	protected function pending_checks( int $order_id ): array {
		$actions = as_get_scheduled_actions(
			array(
				'hook'     => 'pvp_reconcile_attempt',
				'group'    => 'pay-via-proxyapi',
				'status'   => \ActionScheduler_Store::STATUS_PENDING,
				'search'   => '"order_id":' . $order_id . ',',
				'per_page' => 20,
			)
		);
		return array_filter( $actions, static fn ( \ActionScheduler_Action $action ): bool => $order_id === ( $action->get_args()['order_id'] ?? null ) );
	}

	/**
	 * Runs one queued action now through Action Scheduler's own runner, as its queue would.
	 */
	protected function run_check( int $action_id ): void {
		\ActionScheduler::runner()->process_action( $action_id, 'pvp-integration-test' );
	}

	/**
	 * Runs the order's checks until none is pending (each check that finds nothing queues the next).
	 *
	 * @return int How many ran.
	 */
	protected function run_all_checks( int $order_id ): int {
		for ( $ran = 0; $ran < 10; $ran++ ) {
			$pending = $this->pending_checks( $order_id );
			if ( array() === $pending ) {
				return $ran;
			}
			$this->run_check( (int) array_key_first( $pending ) );
		}
		$this->fail( 'reconciliation never stopped' );
	}

	/**
	 * Reads an order changed by another process (an HTTP request to the store): drops this process's caches.
	 */
	protected function reread( \WC_Order $order ): \WC_Order {
		wp_cache_flush();
		return wc_get_order( $order->get_id() );
	}

	/**
	 * @return array<string, int> Hook calls counted by the e2e observer must-use plugin, by hook name, for
	 *                            hooks fired in requests to the store (another process than the test).
	 */
	protected function observed_hooks( int $order_id ): array {
		global $wpdb;
		$rows = $wpdb->get_results( $wpdb->prepare( "SELECT hook, calls FROM {$wpdb->prefix}pvp_e2e_hooks WHERE order_id = %d", $order_id ), ARRAY_A ); // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared
		$calls = array_map( 'intval', array_column( $rows, 'calls', 'hook' ) );
		ksort( $calls );
		return $calls;
	}

	/**
	 * @return \PayViaProxyApi\Payment\Attempt[] The order's attempts as stored.
	 */
	protected function attempts_of( \WC_Order $order ): array {
		return ( new \PayViaProxyApi\Order\OrderMeta() )->attempts( $this->reread( $order ) );
	}

	/** @var array<string, int> The plugin's log files => their size when start_reading_log() was called. */
	private array $log_marks = array();

	/**
	 * Remembers where the plugin's log ends now, so log_since_mark() returns only what comes after.
	 */
	protected function start_reading_log(): void {
		clearstatcache();
		foreach ( glob( trailingslashit( WC_LOG_DIR ) . 'pay-via-proxyapi-*.log' ) ?: array() as $file ) {
			$this->log_marks[ $file ] = (int) filesize( $file );
		}
	}

	/**
	 * @return string The plugin's log lines written since start_reading_log(), by any process.
	 */
	protected function log_since_mark(): string {
		clearstatcache();
		$text = '';
		foreach ( glob( trailingslashit( WC_LOG_DIR ) . 'pay-via-proxyapi-*.log' ) ?: array() as $file ) {
			$text .= (string) file_get_contents( $file, false, null, $this->log_marks[ $file ] ?? 0 );
		}
		return $text;
	}
}
