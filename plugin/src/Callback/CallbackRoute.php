<?php
/**
 * REST endpoint ProxyAPI posts payment results to: POST /wp-json/pay-via-proxyapi/v1/callbacks/{order}/{token}.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Callback;

use PayViaProxyApi\Hookable;
use PayViaProxyApi\Logging\Logger;
use PayViaProxyApi\Order\OrderLocked;
use PayViaProxyApi\Payment\CallbackAddress;
use PayViaProxyApi\Payment\Decision;
use PayViaProxyApi\Payment\Settlement;
use PayViaProxyApi\Payment\SettlementRefused;

/**
 * Thin adapter: token check at the door (permission_callback), then body -> PaymentResult, checked against
 * the attempt, written to the inbox, and only then answered. Where the server can close the connection
 * first (PHP-FPM, LiteSpeed) the answer goes out at once and the inbox is settled after it; elsewhere the
 * callback is settled before the answer, which then says what was done. Answers never echo the body or say
 * why a token was refused.
 */
final class CallbackRoute implements Hookable {

	/** The answer's Outcome when the callback is settled after the answer. */
	public const QUEUED = 'queued';

	/**
	 * RequestIDs authenticated by permission_callback, keyed by request object, so the handler need not
	 * check the token twice.
	 *
	 * @var array<int, string>
	 */
	private array $authenticated = array();

	/**
	 * @param CallbackAuthenticator $authenticator Source and token check.
	 * @param CallbackParser        $parser        Body parser.
	 * @param Settlement            $settlement    Checks a result against its attempt before it is accepted.
	 * @param CallbackInbox         $inbox         Where accepted callbacks wait to be settled.
	 * @param InboxSettler          $settler       Settles them.
	 * @param AfterAnswer           $after_answer  Runs the settling after the answer where the server can.
	 * @param Logger                $logger        Redacting logger.
	 */
	public function __construct(
		private CallbackAuthenticator $authenticator,
		private CallbackParser $parser,
		private Settlement $settlement,
		private CallbackInbox $inbox,
		private InboxSettler $settler,
		private AfterAnswer $after_answer,
		private Logger $logger
	) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( 'rest_api_init', array( $this, 'register_route' ) );
	}

	/**
	 * Registers the route.
	 */
	public function register_route(): void {
		register_rest_route(
			CallbackAddress::REST_NAMESPACE,
			CallbackAddress::ROUTE,
			array(
				'methods'             => 'POST',
				'callback'            => array( $this, 'handle' ),
				'permission_callback' => array( $this, 'authenticate' ),
				'args'                => array(
					'order_id' => array(
						'type'     => 'integer',
						'required' => true,
					),
					'token'    => array(
						'type'     => 'string',
						'required' => true,
						'pattern'  => '^[a-f0-9]{64}$',
					),
				),
			)
		);
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 * @return true|\WP_Error
	 */
	public function authenticate( \WP_REST_Request $request ): bool|\WP_Error {
		try {
			$this->authenticated[ spl_object_id( $request ) ] = $this->authenticator->authenticate( $request );
		} catch ( CallbackRefused $e ) {
			// The reason goes to the log only: the caller learns nothing about orders, attempts or the allow-list.
			$this->logger->warning( 'Callback refused: ' . $e->getMessage(), array( 'order_id' => self::order_id( $request ) ) );
			return new \WP_Error( 'pvp_callback_forbidden', 'Forbidden.', array( 'status' => 403 ) );
		}
		return true;
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response
	 */
	public function handle( \WP_REST_Request $request ): \WP_REST_Response {
		$order_id   = self::order_id( $request );
		$request_id = $this->authenticated[ spl_object_id( $request ) ] ?? null;
		unset( $this->authenticated[ spl_object_id( $request ) ] );
		if ( null === $request_id ) {
			return self::answer( 403, 'Forbidden.' );
		}
		try {
			$result = $this->parser->parse( $request->get_body() );
			$this->settlement->vouch( $order_id, $request_id, $result );
		} catch ( MalformedCallback | SettlementRefused $e ) {
			$this->logger->warning( 'Callback refused: ' . $e->getMessage(), array( 'order_id' => $order_id ) );
			return $e instanceof MalformedCallback ? self::answer( 400, 'Malformed callback.' ) : self::refused();
		}
		try {
			$entry = $this->inbox->add( $order_id, $request_id, $result, time() );
		} catch ( \RuntimeException $e ) {
			// Without its record the callback must not be answered before it is applied: settle it now.
			$this->logger->error( 'Callback not recorded, settled before answering: ' . $e->getMessage(), array( 'order_id' => $order_id ) );
			return $this->settled_answer( fn (): Decision => $this->settlement->settle( $order_id, $request_id, $result ) );
		}
		if ( $this->after_answer->available() ) {
			$this->after_answer->queue( fn (): int => $this->settler->drain( InboxSettler::AFTER_ANSWER_SECONDS ) );
			return self::answer( 200, 'Accepted.', array( 'Outcome' => self::QUEUED ) );
		}
		return $this->settled_answer( fn (): Decision => $this->settler->settle( $entry ) );
	}

	/**
	 * @param \Closure(): Decision $settle Settles the callback.
	 * @return \WP_REST_Response The answer that says what was done.
	 */
	private function settled_answer( \Closure $settle ): \WP_REST_Response {
		try {
			$decision = $settle();
		} catch ( SettlementRefused ) {
			return self::refused();
		} catch ( OrderLocked ) {
			// A locked entry stays in the inbox (reconciliation settles it later); the provider may retry.
			return self::answer( 503, 'Busy, try again.' );
		}
		return self::answer( 200, 'Accepted.', array( 'Outcome' => $decision->action ) );
	}

	/**
	 * @return \WP_REST_Response The answer to a callback about another payment request.
	 */
	private static function refused(): \WP_REST_Response {
		return self::answer( 409, 'Callback does not match the payment request.' );
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 * @return int The order id from the URL, never from a body field of the same name.
	 */
	private static function order_id( \WP_REST_Request $request ): int {
		$url = $request->get_url_params();
		return isset( $url['order_id'] ) && is_numeric( $url['order_id'] ) ? (int) $url['order_id'] : 0;
	}

	/**
	 * Daraja-style acknowledgement.
	 *
	 * @param int                  $status HTTP status.
	 * @param string               $text   Short, fixed text.
	 * @param array<string, mixed> $extra  More fields.
	 * @return \WP_REST_Response
	 */
	public static function answer( int $status, string $text, array $extra = array() ): \WP_REST_Response {
		return new \WP_REST_Response(
			array_merge(
				array(
					'ResultCode' => 200 === $status ? 0 : 1,
					'ResultDesc' => $text,
				),
				$extra
			),
			$status
		);
	}
}
