<?php
/**
 * REST endpoint M-Pesa posts reversal results to: POST /wp-json/pay-via-proxyapi/v1/reversals/{order}/{refund}/{token}.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Refunds;

use PayViaProxyApi\Hookable;
use PayViaProxyApi\Logging\Logger;
use PayViaProxyApi\Order\OrderLocked;
use PayViaProxyApi\Payment\CallbackAddress;
use PayViaProxyApi\Payment\CallbackToken;

/**
 * Same token rules as payment callbacks: the URL's token is checked at the door (permission_callback)
 * against the SHA-256 kept for that refund, with hash_equals; a wrong token answers 403 and changes nothing.
 * Answers never echo the body or say why a token was refused.
 */
final class ReversalResultRoute implements Hookable {

	/**
	 * @param ReversalStore        $store      The order's reversals (token hashes).
	 * @param ReversalResultParser $parser     Body parser.
	 * @param ReversalSettlement   $settlement Applies results.
	 * @param Logger               $logger     Redacting logger.
	 */
	public function __construct(
		private ReversalStore $store,
		private ReversalResultParser $parser,
		private ReversalSettlement $settlement,
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
			ReversalAddress::ROUTE,
			array(
				'methods'             => 'POST',
				'callback'            => array( $this, 'handle' ),
				'permission_callback' => array( $this, 'authenticate' ),
				'args'                => array(
					'order_id'  => array(
						'type'     => 'integer',
						'required' => true,
					),
					'refund_id' => array(
						'type'     => 'integer',
						'required' => true,
					),
					'token'     => array(
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
		// URL parameters only: WordPress lets a JSON body override any parameter of the same name.
		$url      = $request->get_url_params();
		$order_id = (int) ( $url['order_id'] ?? 0 );
		$order    = $order_id > 0 ? wc_get_order( $order_id ) : false;
		$record   = $order instanceof \WC_Order ? $this->store->find( $order, (int) ( $url['refund_id'] ?? 0 ) ) : null;
		if ( null === $record || ! CallbackToken::matches( (string) ( $url['token'] ?? '' ), $record->token_hash ) ) {
			$this->logger->warning( 'Reversal result refused: its token matches no reversal of the order.', array( 'order_id' => $order_id ) );
			return new \WP_Error( 'pvp_reversal_forbidden', 'Forbidden.', array( 'status' => 403 ) );
		}
		return true;
	}

	/**
	 * @param \WP_REST_Request $request Request (authenticated).
	 * @return \WP_REST_Response
	 */
	public function handle( \WP_REST_Request $request ): \WP_REST_Response {
		$url      = $request->get_url_params();
		$order_id = (int) ( $url['order_id'] ?? 0 );
		try {
			$decision = $this->settlement->receive( $order_id, (int) ( $url['refund_id'] ?? 0 ), $this->parser->parse( $request->get_body() ) );
		} catch ( MalformedReversalResult $e ) {
			$this->logger->warning( 'Reversal result refused: ' . $e->getMessage(), array( 'order_id' => $order_id ) );
			return self::answer( 400, 'Malformed result.' );
		} catch ( ReversalRefused $e ) {
			$this->logger->warning( 'Reversal result refused: ' . $e->getMessage(), array( 'order_id' => $order_id ) );
			return self::answer( 409, 'Result does not match the reversal.' );
		} catch ( OrderLocked $e ) {
			return self::answer( 503, 'Busy, try again.' );
		}
		return self::answer( 200, 'Accepted.', $decision );
	}

	/**
	 * Daraja-style acknowledgement.
	 *
	 * @param int    $status  HTTP status.
	 * @param string $text    Short, fixed text.
	 * @param string $outcome The decision, when accepted.
	 * @return \WP_REST_Response
	 */
	private static function answer( int $status, string $text, string $outcome = '' ): \WP_REST_Response {
		$body = array(
			'ResultCode' => 200 === $status ? 0 : 1,
			'ResultDesc' => $text,
		);
		if ( '' !== $outcome ) {
			$body['Outcome'] = $outcome;
		}
		return new \WP_REST_Response( $body, $status );
	}
}
