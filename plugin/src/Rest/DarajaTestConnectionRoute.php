<?php
/**
 * "Test connection" for Daraja direct: POST /wp-json/pay-via-proxyapi/v1/admin/daraja/test-connection.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Rest;

use PayViaProxyApi\Admin\ManagerPermission;
use PayViaProxyApi\Hookable;
use PayViaProxyApi\Payment\CallbackAddress;
use PayViaProxyApi\Provider\Daraja\DarajaConfig;
use PayViaProxyApi\Provider\ProviderException;
use PayViaProxyApi\Provider\ProviderFactory;

/**
 * Asks Daraja for a new access token with the saved credentials (wp-config constants win) and reports
 * success or Daraja's exact error code and words. Neither the credentials nor the token ever appear in the
 * answer or the log; a Daraja message that quotes a credential has it replaced.
 */
final class DarajaTestConnectionRoute implements Hookable {

	public const ROUTE = '/admin/daraja/test-connection';

	/**
	 * @param ProviderFactory $providers The Daraja connection with the current settings.
	 */
	public function __construct( private ProviderFactory $providers ) {
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
				'callback'            => array( $this, 'test' ),
				'permission_callback' => array( ManagerPermission::class, 'check' ),
				'args'                => array(),
			)
		);
	}

	/**
	 * @return \WP_REST_Response Always 200: the request worked; `ok` says whether Daraja did.
	 */
	public function test(): \WP_REST_Response {
		$api    = $this->providers->daraja();
		$config = $api->config();
		$where  = DarajaConfig::PRODUCTION === $config->environment ? __( 'production', 'pay-via-proxyapi' ) : __( 'sandbox', 'pay-via-proxyapi' );
		if ( '' === $config->consumer_key || '' === $config->consumer_secret ) {
			return self::answer( false, 'missing', __( 'Enter the consumer key and secret of your Daraja app and save them first.', 'pay-via-proxyapi' ), $config->environment );
		}
		try {
			$api->fresh_token();
		} catch ( ProviderException $e ) {
			$said = str_replace( array( $config->consumer_key, $config->consumer_secret ), '…', $e->getMessage() );
			$code = ProviderException::REJECTED === $e->kind ? 'rejected' : ( ProviderException::INVALID_RESPONSE === $e->kind ? 'invalid_response' : 'unreachable' );
			/* translators: 1: environment (sandbox or production), 2: Daraja's error, e.g. "Invalid Authentication passed (400.008.01)". */
			return self::answer( false, $code, sprintf( __( 'Daraja (%1$s) did not issue a token. %2$s', 'pay-via-proxyapi' ), $where, $said ), $config->environment );
		}
		$missing = $config->payment_problems();
		$message = array() === $missing
			/* translators: %s: environment (sandbox or production). */
			? sprintf( __( 'Connected: Daraja (%s) issued an access token for the saved consumer key and secret.', 'pay-via-proxyapi' ), $where )
			/* translators: 1: environment, 2: list of missing settings. */
			: sprintf( __( 'Connected: Daraja (%1$s) issued an access token. Before taking payments, also set: %2$s.', 'pay-via-proxyapi' ), $where, implode( ', ', $missing ) );
		return self::answer( true, 'connected', $message, $config->environment );
	}

	/**
	 * @param bool   $ok          Whether Daraja issued a token.
	 * @param string $code        connected, missing, rejected, invalid_response or unreachable.
	 * @param string $message     For the store owner.
	 * @param string $environment sandbox or production.
	 * @return \WP_REST_Response
	 */
	private static function answer( bool $ok, string $code, string $message, string $environment ): \WP_REST_Response {
		return new \WP_REST_Response(
			array(
				'ok'          => $ok,
				'code'        => $code,
				'message'     => $message,
				'environment' => $environment,
			)
		);
	}
}
