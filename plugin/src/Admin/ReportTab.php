<?php
/**
 * The "M-Pesa" tab under WooCommerce › Reports, and the links that lead owners to it.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Admin;

use PayViaProxyApi\Context;
use PayViaProxyApi\Gateway\Gateway;
use PayViaProxyApi\Hookable;

/**
 * Where 2.2.7 had it, so owners find it. The tab only prints a root element: the React app (admin-report)
 * reads everything through the REST route, which is why it works with HPOS on or off.
 */
final class ReportTab implements Hookable {

	public const TAB = 'mpesa';

	/** DOM id the admin-report script mounts into. */
	public const ROOT_ID = 'pvp-admin-report';

	/**
	 * @param Context             $context Plugin paths.
	 * @param ScreenData          $screen  Script and data for the screen.
	 * @param PhoneDisplaySetting $phones  Phone display setting.
	 * @param \Closure            $due     Returns the ProxyAPI account's due date (Unix time) or null.
	 */
	public function __construct( private Context $context, private ScreenData $screen, private PhoneDisplaySetting $phones, private \Closure $due ) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_filter( 'woocommerce_admin_reports', array( $this, 'add_tab' ) );
		add_action( 'admin_enqueue_scripts', array( $this, 'enqueue' ) );
		add_filter( 'woocommerce_gateway_method_description', array( $this, 'link_from_gateway' ), 10, 2 );
		add_filter( 'plugin_action_links_' . plugin_basename( $this->context->main_file() ), array( $this, 'link_from_plugins' ) );
	}

	/**
	 * @return string The tab's address.
	 */
	public static function url(): string {
		return admin_url( 'admin.php?page=wc-reports&tab=' . self::TAB );
	}

	/**
	 * @param array<string, mixed> $reports WooCommerce's report tabs.
	 * @return array<string, mixed>
	 */
	public function add_tab( array $reports ): array {
		// The tab lives on a wp-admin page. Elsewhere the list is read by WooCommerce on every order save, to
		// delete each report's cached transient: ours has none, so outside wp-admin (a callback completing an
		// order saves it six times) it would only cost queries.
		if ( ! is_admin() ) {
			return $reports;
		}
		$reports[ self::TAB ] = array(
			'title'   => __( 'M-Pesa', 'pay-via-proxyapi' ),
			'reports' => array(
				'mpesa_payments' => array(
					'title'       => __( 'M-Pesa payments', 'pay-via-proxyapi' ),
					'description' => '',
					// WooCommerce prints the title as the page's h1; the app's sections are h2s under it.
					'hide_title'  => false,
					'callback'    => array( $this, 'render' ),
				),
			),
		);
		return $reports;
	}

	/**
	 * Prints the element the app mounts into.
	 */
	public function render(): void {
		printf(
			'<div id="%1$s" class="pvp-admin-report"><p>%2$s</p></div>',
			esc_attr( self::ROOT_ID ),
			esc_html__( 'Loading the M-Pesa report… It needs JavaScript.', 'pay-via-proxyapi' )
		);
	}

	/**
	 * @param string $hook_suffix The admin page being loaded.
	 */
	public function enqueue( string $hook_suffix ): void {
		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- only picks which tab is shown.
		$tab = isset( $_GET['tab'] ) ? sanitize_key( wp_unslash( $_GET['tab'] ) ) : '';
		if ( 'woocommerce_page_wc-reports' !== $hook_suffix || self::TAB !== $tab || ! current_user_can( ManagerPermission::CAPABILITY ) ) {
			return;
		}
		$this->screen->enqueue(
			'admin-report',
			'pvpReportData',
			array(
				'rootId'       => self::ROOT_ID,
				'csvUrl'       => esc_url_raw( rest_url( 'pay-via-proxyapi/v1/admin/reports/payments' ) ),
				'nonce'        => wp_create_nonce( 'wp_rest' ),
				'dueDate'      => ( $this->due )(),
				'phonesInFull' => $this->phones->display()->is_full(),
				'settingsUrl'  => admin_url( 'admin.php?page=wc-settings&tab=checkout&section=' . Gateway::ID ),
				'privacyUrl'   => admin_url( 'admin.php?page=wc-settings&tab=account' ),
			)
		);
	}

	/**
	 * @param string $description The gateway's description on WooCommerce's payment screens.
	 * @param mixed  $gateway     The gateway.
	 * @return string
	 */
	public function link_from_gateway( $description, $gateway ): string {
		if ( ! $gateway instanceof \WC_Payment_Gateway || Gateway::ID !== $gateway->id ) {
			return (string) $description;
		}
		return $description . ' ' . sprintf( '<a href="%1$s">%2$s</a>', esc_url( self::url() ), esc_html__( 'See M-Pesa payments (report)', 'pay-via-proxyapi' ) );
	}

	/**
	 * @param array<int|string, string> $links The plugin's links on the Plugins screen.
	 * @return array<int|string, string>
	 */
	public function link_from_plugins( array $links ): array {
		$links['pvp_report'] = sprintf( '<a href="%1$s">%2$s</a>', esc_url( self::url() ), esc_html__( 'M-Pesa report', 'pay-via-proxyapi' ) );
		return $links;
	}
}
