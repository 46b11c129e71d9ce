<?php
/**
 * Makes sure a callback body reaches only CallbackParser: WordPress and WooCommerce never parse it first.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Callback;

use PayViaProxyApi\Hookable;
use PayViaProxyApi\Logging\Logger;
use PayViaProxyApi\Payment\CallbackAddress;

/**
 * Before a REST route runs, WordPress json_decode()s a JSON body (with no size limit, before any permission
 * check) and merges its fields, and form fields, into the route's parameters; WooCommerce walks $_REQUEST
 * while it registers its routes. A callback's body is the provider's word about money, so for the routes the
 * provider posts to (payment callbacks and Daraja's reversal results, both open to the internet): a body
 * over the size limit is refused before dispatch, the route's parameters come from its URL only, and form
 * fields (which neither provider sends) are dropped before anyone reads them.
 */
final class CallbackIntake implements Hookable {

	/** Route prefixes (in our namespace) the providers post to: payment callbacks, Daraja reversal results. */
	private const PROVIDER_ROUTES = array( '/callbacks/', '/reversals/' );

	/** The payment callback parser's limit; ReversalResultParser::MAX_BYTES is the same 16 KB. */
	private const MAX_BYTES = CallbackParser::MAX_BYTES;

	/**
	 * @param Logger $logger Redacting logger.
	 */
	public function __construct( private Logger $logger ) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		// Priority 0: before WooCommerce registers its Store API routes, which reads $_REQUEST.
		add_action( 'rest_api_init', array( $this, 'drop_form_input' ), 0 );
		add_filter( 'rest_pre_dispatch', array( $this, 'refuse_oversized' ), 10, 3 );
		add_filter( 'rest_request_parameter_order', array( $this, 'url_parameters_only' ), 10, 2 );
	}

	/**
	 * Drops form fields and numeric query keys of a callback request. (WooCommerce 9.4 throws a TypeError on
	 * a numeric $_REQUEST key in every REST request, e.g. for a urlencoded body "1": a 500 anyone could cause.)
	 */
	public function drop_form_input(): void {
		$route = isset( $GLOBALS['wp'] ) && $GLOBALS['wp'] instanceof \WP ? $GLOBALS['wp']->query_vars['rest_route'] ?? '' : '';
		if ( ! is_string( $route ) || ! self::is_provider_post( $route ) ) {
			return;
		}
		$_POST    = array();
		$_GET     = array_filter( $_GET, 'is_string', ARRAY_FILTER_USE_KEY ); // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- only removes input.
		$_REQUEST = $_GET; // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- only removes input.
	}

	/**
	 * @param mixed            $result  Earlier short-circuit, if any.
	 * @param \WP_REST_Server  $server  Server.
	 * @param \WP_REST_Request $request Request.
	 * @return mixed The result unchanged, or a 413 answer for an oversized callback.
	 */
	public function refuse_oversized( mixed $result, \WP_REST_Server $server, \WP_REST_Request $request ): mixed {
		unset( $server );
		if ( null !== $result || ! self::is_provider_post( $request->get_route() ) || strlen( $request->get_body() ) <= self::MAX_BYTES ) {
			return $result;
		}
		$this->logger->warning( 'Callback refused: the body is larger than ' . self::MAX_BYTES . ' bytes.', array( 'bytes' => strlen( $request->get_body() ) ) );
		return CallbackRoute::answer( 413, 'Callback too large.' );
	}

	/**
	 * @param string[]         $order   Parameter sources, highest priority first.
	 * @param \WP_REST_Request $request Request.
	 * @return string[] For a callback: its URL (and the route's defaults) only.
	 */
	public function url_parameters_only( array $order, \WP_REST_Request $request ): array {
		return self::is_provider_post( $request->get_route() ) ? array( 'URL', 'defaults' ) : $order;
	}

	/**
	 * @param string $route A REST route.
	 * @return bool Whether it is (or would match) the callback or reversal-result route; WordPress matches
	 *              routes case-insensitively.
	 */
	private static function is_provider_post( string $route ): bool {
		$route = '/' . ltrim( $route, '/' );
		foreach ( self::PROVIDER_ROUTES as $prefix ) {
			if ( 0 === stripos( $route, '/' . CallbackAddress::REST_NAMESPACE . $prefix ) ) {
				return true;
			}
		}
		return false;
	}
}
