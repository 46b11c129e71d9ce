<?php
/**
 * The composition root: every object is built here, once, and every Hookable registered.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi;

use PayViaProxyApi\Assets\ScriptAsset;
use PayViaProxyApi\Blocks\BlocksRegistrar;
use PayViaProxyApi\Callback\CallbackAuthenticator;
use PayViaProxyApi\Callback\CallbackParser;
use PayViaProxyApi\Callback\CallbackRoute;
use PayViaProxyApi\Gateway\Gateway;
use PayViaProxyApi\Gateway\GatewayRegistrar;
use PayViaProxyApi\Logging\Logger;
use PayViaProxyApi\Order\OrderLock;
use PayViaProxyApi\Order\OrderMeta;
use PayViaProxyApi\Payment\CallbackAddress;
use PayViaProxyApi\Payment\PaymentService;
use PayViaProxyApi\Payment\Settlement;
use PayViaProxyApi\Payment\SettlementRules;
use PayViaProxyApi\Provider\ProxyApiClient;
use PayViaProxyApi\Provider\WpHttpClient;
use PayViaProxyApi\Settings\SecretSource;
use PayViaProxyApi\Settings\Settings;

/**
 * Hand-wired dependency graph: no container, no singletons, no service locator.
 */
final class Plugin {

	/**
	 * @param Context $context Plugin paths and version.
	 */
	public function __construct( private Context $context ) {
	}

	/**
	 * Builds the graph and registers every Hookable.
	 */
	public function register(): void {
		foreach ( $this->hookables() as $hookable ) {
			$hookable->register();
		}
	}

	/**
	 * @return Hookable[]
	 */
	public function hookables(): array {
		global $wpdb;
		$settings   = new Settings( new SecretSource() );
		$logger     = new Logger();
		$meta       = new OrderMeta();
		$lock       = new OrderLock( $wpdb );
		$provider   = static fn (): ProxyApiClient => new ProxyApiClient( new WpHttpClient(), $settings->api_base_url(), $settings->api_key(), static fn (): int => time() );
		$payments   = new PaymentService( $settings, $provider, $meta, $lock, new CallbackAddress(), $logger );
		$settlement = new Settlement( $meta, $lock, new SettlementRules(), $logger );
		$gateways   = new GatewayRegistrar( static fn (): Gateway => new Gateway( $settings, $payments ) );
		$assets     = new ScriptAsset( $this->context );

		return array(
			$gateways,
			new BlocksRegistrar( $gateways, $assets ),
			new CallbackRoute( new CallbackAuthenticator( $meta ), new CallbackParser(), $settlement, $logger ),
		);
	}
}
