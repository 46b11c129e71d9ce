<?php
/**
 * "Verify API key": POST /wp-json/pay-via-proxyapi/v1/admin/api-key/verify.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Rest;

use PayViaProxyApi\Hookable;
use PayViaProxyApi\Payment\CallbackAddress;
use PayViaProxyApi\Provider\ProviderException;
use PayViaProxyApi\Provider\ProxyApiReport;
use PayViaProxyApi\Settings\Settings;

/**
 * Asks ProxyAPI's report endpoint, which answers only for a valid key, and says exactly what happened.
 * The key (typed on the settings screen, or the saved one) is never echoed back, logged or stored here.
 */
final class VerifyKeyRoute implements Hookable {

	public const ROUTE = '/admin/api-key/verify';

	/**
	 * @param Settings $settings Where the saved key is read.
	 * @param \Closure $reports  fn( string $api_key ): ProxyApiReport.
	 */
	public function __construct( private Settings $settings, private \Closure $reports ) {
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
			self::ROUTE,
			array(
				'methods'             => 'POST',
				'callback'            => array( $this, 'verify' ),
				'permission_callback' => static fn (): bool => current_user_can( 'manage_woocommerce' ),
				'args'                => array(
					'api_key' => array(
						'description' => 'A key to try instead of the saved one (not saved).',
						'type'        => 'string',
						'maxLength'   => 200,
						'default'     => '',
					),
				),
			)
		);
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response
	 */
	public function verify( \WP_REST_Request $request ): \WP_REST_Response {
		$typed = trim( (string) $request['api_key'] );
		// A key set in wp-config.php wins everywhere, so that is the one to verify.
		$key = '' === $typed || $this->settings->api_key_is_external() ? $this->settings->api_key() : $typed;
		if ( '' === $key ) {
			return self::answer( false, 'missing', __( 'There is no API key to verify: paste the key from your ProxyAPI portal first.', 'pay-via-proxyapi' ) );
		}
		try {
			$rows = ( $this->reports )( $key )->rows( get_current_user_id() );
		} catch ( ProviderException $e ) {
			return self::failure( $e, $key );
		}
		$count = count( $rows );
		return self::answer(
			true,
			'verified',
			/* translators: %d: number of transactions ProxyAPI listed. */
			sprintf( _n( 'ProxyAPI accepted the key and listed %d transaction.', 'ProxyAPI accepted the key and listed %d transactions.', $count, 'pay-via-proxyapi' ), $count ),
			array( 'transactions' => $count )
		);
	}

	/**
	 * @param ProviderException $e   Why the report could not be had.
	 * @param string            $key The key tried, to be sure ProxyAPI's own words never echo it.
	 * @return \WP_REST_Response
	 */
	private static function failure( ProviderException $e, string $key ): \WP_REST_Response {
		if ( ProviderException::REJECTED === $e->kind ) {
			$said = str_replace( $key, '…', $e->getMessage() );
			/* translators: %s: ProxyAPI's own message, e.g. "Invalid API key". */
			return self::answer( false, 'rejected', sprintf( __( 'ProxyAPI refused the key: %s', 'pay-via-proxyapi' ), $said ) );
		}
		if ( ProviderException::INVALID_RESPONSE === $e->kind ) {
			return self::answer( false, 'invalid_response', __( 'ProxyAPI answered, but not in a way this plugin understands. Try again later; if it persists, contact ProxyAPI support.', 'pay-via-proxyapi' ) );
		}
		return self::answer( false, 'unreachable', __( 'Could not reach ProxyAPI. Check that this server can make outgoing HTTPS requests (see Tools › Site Health), then try again.', 'pay-via-proxyapi' ) );
	}

	/**
	 * @param bool                 $ok      Whether the key works.
	 * @param string               $code    verified, missing, rejected, invalid_response or unreachable.
	 * @param string               $message For the store owner.
	 * @param array<string, mixed> $extra   More fields.
	 * @return \WP_REST_Response Always 200: the request itself worked; `ok` says whether the key does.
	 */
	private static function answer( bool $ok, string $code, string $message, array $extra = array() ): \WP_REST_Response {
		return new \WP_REST_Response(
			array_merge(
				array(
					'ok'      => $ok,
					'code'    => $code,
					'message' => $message,
				),
				$extra
			)
		);
	}
}
