<?php
/**
 * The plugin's tests in Tools › Site Health.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Health;

use PayViaProxyApi\Admin\SetupNotice;
use PayViaProxyApi\Hookable;
use PayViaProxyApi\Payment\CallbackAddress;
use PayViaProxyApi\Settings\Settings;

/**
 * Adapter: facts from HealthFacts, verdicts from HealthRules, the array shape WordPress wants from here.
 * Cheap tests run directly; the loopback request to the callback route runs asynchronously over REST.
 */
final class SiteHealthTests implements Hookable {

	public const ASYNC_ROUTE = '/site-health/callback-route';

	/**
	 * @param Settings      $settings  Typed settings.
	 * @param SiteReadiness $readiness The site's readiness.
	 * @param HealthFacts   $facts     What the tests judge.
	 */
	public function __construct( private Settings $settings, private SiteReadiness $readiness, private HealthFacts $facts ) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_filter( 'site_status_tests', array( $this, 'add_tests' ) );
		add_action( 'rest_api_init', array( $this, 'register_route' ) );
	}

	/**
	 * @param array<string, array<string, mixed>> $tests Core's tests, by type.
	 * @return array<string, array<string, mixed>>
	 */
	public function add_tests( array $tests ): array {
		$service = $this->facts->providers()->service_name();
		$direct  = array(
			'pvp_https'        => array( __( 'M-Pesa: HTTPS', 'pay-via-proxyapi' ), 'test_https' ),
			/* translators: %s: the payment provider, "ProxyAPI" or "Safaricom Daraja". */
			'pvp_credentials'  => array( sprintf( __( 'M-Pesa: %s credentials', 'pay-via-proxyapi' ), $service ), 'test_credentials' ),
			/* translators: %s: the payment provider, "ProxyAPI" or "Safaricom Daraja". */
			'pvp_outgoing'     => array( sprintf( __( 'M-Pesa: requests to %s', 'pay-via-proxyapi' ), $service ), 'test_outgoing_http' ),
			'pvp_scheduler'    => array( __( 'M-Pesa: scheduled payment checks', 'pay-via-proxyapi' ), 'test_scheduler' ),
			'pvp_unreconciled' => array( __( 'M-Pesa: payments waiting for a result', 'pay-via-proxyapi' ), 'test_unreconciled' ),
		);
		foreach ( $direct as $id => list( $label, $method ) ) {
			$tests['direct'][ $id ] = array(
				'label' => $label,
				'test'  => array( $this, $method ),
			);
		}
		$tests['async']['pvp_callback_route'] = array(
			'label'             => __( 'M-Pesa: callback address', 'pay-via-proxyapi' ),
			'test'              => rest_url( CallbackAddress::REST_NAMESPACE . self::ASYNC_ROUTE ),
			'has_rest'          => true,
			'async_direct_test' => array( $this, 'test_callback_route' ),
		);
		return $tests;
	}

	/**
	 * Registers the async test's route.
	 */
	public function register_route(): void {
		register_rest_route(
			CallbackAddress::REST_NAMESPACE,
			self::ASYNC_ROUTE,
			array(
				'methods'             => 'GET',
				'callback'            => fn (): array => $this->test_callback_route(),
				'permission_callback' => static fn (): bool => current_user_can( 'view_site_health_checks' ),
			)
		);
	}

	/**
	 * @return array<string, mixed>
	 */
	public function test_https(): array {
		return $this->shape( 'pvp_https', HealthRules::https( $this->readiness->now(), (string) home_url( '/' ) ) );
	}

	/**
	 * @return array<string, mixed>
	 */
	public function test_credentials(): array {
		$providers = $this->facts->providers();
		if ( $providers->is_daraja() ) {
			return $this->shape( 'pvp_credentials', HealthRules::daraja_credentials( $providers->has_credentials() ) );
		}
		$set = '' !== $this->settings->api_key();
		return $this->shape( 'pvp_credentials', HealthRules::credentials( $set, $this->settings->api_key_is_external(), $this->facts->key_well_formed() ) );
	}

	/**
	 * @return array<string, mixed>
	 */
	public function test_outgoing_http(): array {
		return $this->shape( 'pvp_outgoing', HealthRules::outgoing_http( $this->facts->provider_blocked(), $this->facts->provider_host(), $this->facts->providers()->service_name() ) );
	}

	/**
	 * @return array<string, mixed>
	 */
	public function test_scheduler(): array {
		$ours   = $this->facts->late_jobs( HealthFacts::SCHEDULER_GROUP, HealthRules::UNRECONCILED_AFTER );
		$others = $this->facts->late_jobs( '', 3600 );
		return $this->shape( 'pvp_scheduler', HealthRules::scheduler( null !== $ours, (int) $ours, (int) $others ) );
	}

	/**
	 * @return array<string, mixed>
	 */
	public function test_unreconciled(): array {
		$found = $this->facts->unreconciled( time() );
		return $this->shape( 'pvp_unreconciled', HealthRules::unreconciled( $found['oldest_age'], $found['count'] ) );
	}

	/**
	 * @return array<string, mixed>
	 */
	public function test_callback_route(): array {
		$answer = $this->facts->callback_loopback();
		return $this->shape( 'pvp_callback_route', HealthRules::callback_route( $answer['status'], $answer['code'], $answer['error'] ) );
	}

	/**
	 * @param string       $test   Test id.
	 * @param HealthResult $result The verdict.
	 * @return array<string, mixed> What Site Health renders (its description and actions are HTML).
	 */
	private function shape( string $test, HealthResult $result ): array {
		$actions = '' === $result->fix ? '' : sprintf( '<p>%s</p>', esc_html( $result->fix ) );
		if ( HealthResult::GOOD !== $result->status ) {
			$actions .= sprintf(
				'<p><a href="%1$s">%2$s</a></p>',
				esc_url( SetupNotice::settings_url() ),
				esc_html__( 'Open the Lipa na M-Pesa settings', 'pay-via-proxyapi' )
			);
		}
		return array(
			'label'       => $result->label,
			'status'      => $result->status,
			'badge'       => array(
				'label' => __( 'Payments', 'pay-via-proxyapi' ),
				'color' => HealthResult::CRITICAL === $result->status ? 'red' : 'blue',
			),
			'description' => sprintf( '<p>%s</p>', esc_html( $result->description ) ),
			'actions'     => $actions,
			'test'        => $test,
		);
	}
}
