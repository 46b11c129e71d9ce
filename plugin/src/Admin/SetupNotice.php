<?php
/**
 * The admin notices of the first hour: "finish setting up" after activation, and "hidden from shoppers,
 * because…" while the enabled gateway cannot work.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Admin;

use PayViaProxyApi\Health\ReadinessProblem;
use PayViaProxyApi\Health\SiteReadiness;
use PayViaProxyApi\Hookable;
use PayViaProxyApi\Settings\Settings;

/**
 * Tells the owner what is wrong before a customer finds out. The setup notice can be dismissed per user
 * (until the plugin is activated again); the "hidden" notice cannot, because the store is losing sales.
 */
final class SetupNotice implements Hookable {

	/** Unix time of the last activation (set by the activation hook). */
	public const ACTIVATED_OPTION = 'pvp_activated_at';

	/** Per-user: Unix time the user dismissed the setup notice. */
	public const DISMISSED_USER_META = 'pvp_setup_notice_dismissed_at';

	public const DISMISS_ACTION = 'pvp_dismiss_setup_notice';

	/**
	 * @param Settings      $settings  Typed settings.
	 * @param SiteReadiness $readiness Whether the gateway can work.
	 */
	public function __construct( private Settings $settings, private SiteReadiness $readiness ) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( 'admin_notices', array( $this, 'render' ) );
		add_action( 'admin_post_' . self::DISMISS_ACTION, array( $this, 'dismiss' ) );
	}

	/**
	 * Activation hook (wired in the main plugin file): a new activation shows the setup notice again.
	 */
	public static function activated(): void {
		update_option( self::ACTIVATED_OPTION, time(), false );
	}

	/**
	 * @return string The gateway's settings screen.
	 */
	public static function settings_url(): string {
		return admin_url( 'admin.php?page=wc-settings&tab=checkout&section=proxyapi_pvp_settings' );
	}

	/**
	 * Prints the notice that applies, if any.
	 */
	public function render(): void {
		if ( ! current_user_can( 'manage_woocommerce' ) ) {
			return;
		}
		$problems = $this->readiness->problems();
		if ( $this->settings->is_enabled() ) {
			if ( $problems ) {
				$this->print_notice( 'error', __( 'Lipa na M-Pesa is hidden from shoppers until this is fixed:', 'pay-via-proxyapi' ), $problems, false );
			}
			return;
		}
		if ( ! $this->dismissed() ) {
			$this->print_notice( 'info', __( 'Pay via ProxyAPI is active, but Lipa na M-Pesa is not taking payments yet: add your ProxyAPI key and enable it.', 'pay-via-proxyapi' ), $problems, true );
		}
	}

	/**
	 * admin-post.php handler of the notice's "Dismiss" link.
	 */
	public function dismiss(): void {
		check_admin_referer( self::DISMISS_ACTION );
		if ( ! current_user_can( 'manage_woocommerce' ) ) {
			wp_die( esc_html__( 'You are not allowed to do that.', 'pay-via-proxyapi' ), 403 );
		}
		update_user_meta( get_current_user_id(), self::DISMISSED_USER_META, time() );
		wp_safe_redirect( wp_get_referer() ? wp_get_referer() : admin_url() );
		exit;
	}

	/**
	 * @return bool Whether the current user dismissed the notice since the last activation.
	 */
	private function dismissed(): bool {
		$at = (int) get_user_meta( get_current_user_id(), self::DISMISSED_USER_META, true );
		return $at > 0 && $at >= (int) get_option( self::ACTIVATED_OPTION, 0 );
	}

	/**
	 * @param string             $type        notice-<type> class: info or error.
	 * @param string             $headline    First sentence.
	 * @param ReadinessProblem[] $problems    What is wrong, each with its fix.
	 * @param bool               $dismissible Whether to offer the "Dismiss" link.
	 */
	private function print_notice( string $type, string $headline, array $problems, bool $dismissible ): void {
		printf( '<div class="notice notice-%1$s pvp-setup-notice" data-pvp-notice="%1$s"><p><strong>%2$s</strong></p>', esc_attr( $type ), esc_html( $headline ) );
		if ( $problems ) {
			echo '<ul class="pvp-setup-notice__problems">';
			foreach ( $problems as $problem ) {
				printf( '<li data-pvp-problem="%1$s">%2$s %3$s</li>', esc_attr( $problem->code ), esc_html( $problem->message ), esc_html( $problem->fix ) );
			}
			echo '</ul>';
		}
		printf( '<p><a class="button button-primary" href="%1$s">%2$s</a>', esc_url( self::settings_url() ), esc_html__( 'Open the Lipa na M-Pesa settings', 'pay-via-proxyapi' ) );
		if ( $dismissible ) {
			$dismiss = wp_nonce_url( admin_url( 'admin-post.php?action=' . self::DISMISS_ACTION ), self::DISMISS_ACTION );
			printf( ' <a class="button-link pvp-setup-notice__dismiss" href="%1$s">%2$s</a>', esc_url( $dismiss ), esc_html__( 'Dismiss this notice', 'pay-via-proxyapi' ) );
		}
		echo '</p></div>';
	}
}
