<?php
/**
 * The one place that knows which M-Pesa provider the store uses: ProxyAPI PVP (default) or Daraja direct.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Provider;

use PayViaProxyApi\Logging\Logger;
use PayViaProxyApi\Provider\Daraja\AccessTokenCache;
use PayViaProxyApi\Provider\Daraja\DarajaClient;
use PayViaProxyApi\Provider\Daraja\DarajaConnection;
use PayViaProxyApi\Provider\Daraja\DarajaSettings;
use PayViaProxyApi\Provider\Daraja\DarajaTransport;
use PayViaProxyApi\Provider\Daraja\ReversalClient;
use PayViaProxyApi\Provider\Daraja\TokenStore;
use PayViaProxyApi\Provider\Daraja\TransientTokenStore;
use PayViaProxyApi\Provider\Daraja\WpDarajaTransport;
use PayViaProxyApi\Settings\Settings;

/**
 * Everything above it (checkout, callbacks, reconciliation, refunds, the settings screen) asks this factory
 * and never tests the provider itself. The choice is read on every call, so a saved change applies to the
 * next request.
 */
final class ProviderFactory {

	/** Setting key of the choice, and its values. */
	public const SETTING  = 'provider';
	public const PROXYAPI = 'proxyapi';
	public const DARAJA   = 'daraja';

	/**
	 * @param Settings        $settings  Gateway settings.
	 * @param Logger|null     $logger    Redacting logger.
	 * @param HttpClient      $http      PVP transport.
	 * @param DarajaTransport $transport Daraja transport.
	 * @param TokenStore      $tokens    Where Daraja tokens are cached.
	 * @param \Closure|null   $clock     Returns the Unix time (injectable for tests).
	 */
	public function __construct(
		private Settings $settings,
		private ?Logger $logger = null,
		private HttpClient $http = new WpHttpClient(),
		private DarajaTransport $transport = new WpDarajaTransport(),
		private TokenStore $tokens = new TransientTokenStore(),
		private ?\Closure $clock = null
	) {
	}

	/**
	 * @return string PROXYAPI or DARAJA.
	 */
	public function provider(): string {
		return self::DARAJA === $this->settings->get( self::SETTING, self::PROXYAPI ) ? self::DARAJA : self::PROXYAPI;
	}

	/**
	 * @return bool Whether Daraja direct is selected (refunds and "Test connection" exist only then).
	 */
	public function is_daraja(): bool {
		return self::DARAJA === $this->provider();
	}

	/**
	 * @return PaymentProvider The selected provider's client.
	 */
	public function payments(): PaymentProvider {
		if ( $this->is_daraja() ) {
			return new DarajaClient( $this->daraja(), $this->clock(), $this->logger );
		}
		return new ProxyApiClient( $this->http, $this->settings->api_base_url(), $this->settings->api_key(), $this->clock() );
	}

	/**
	 * @return string The selected service as store owners know it (a product name, so not translated).
	 */
	public function service_name(): string {
		return $this->is_daraja() ? 'Safaricom Daraja' : 'ProxyAPI';
	}

	/**
	 * @return string The selected service's base URL: where prompts are sent and payments checked.
	 */
	public function service_url(): string {
		return $this->is_daraja() ? $this->daraja_settings()->config()->base_url : $this->settings->api_base_url();
	}

	/**
	 * @return bool Whether the selected provider has the credentials a payment needs.
	 */
	public function has_credentials(): bool {
		return $this->is_daraja() ? $this->daraja_settings()->config()->can_take_payments() : '' !== $this->settings->api_key();
	}

	/**
	 * @return DarajaConnection Authorised Daraja calls with the current settings (also for "Test connection").
	 */
	public function daraja(): DarajaConnection {
		$config = $this->daraja_settings()->config();
		return new DarajaConnection( $this->transport, new AccessTokenCache( $this->transport, $this->tokens, $config ), $config );
	}

	/**
	 * @return ReversalClient Daraja reversals with the current settings.
	 */
	public function reversals(): ReversalClient {
		return new ReversalClient( $this->daraja() );
	}

	/**
	 * @return DarajaSettings The Daraja settings reader.
	 */
	public function daraja_settings(): DarajaSettings {
		return new DarajaSettings( $this->settings );
	}

	/**
	 * @return \Closure The clock.
	 */
	private function clock(): \Closure {
		return $this->clock ?? static fn (): int => time();
	}
}
