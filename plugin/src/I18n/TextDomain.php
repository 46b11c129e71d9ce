<?php
/**
 * Loads the plugin's translations from its own languages/ folder.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\I18n;

use PayViaProxyApi\Context;
use PayViaProxyApi\Hookable;

/**
 * WordPress loads language packs from wp-content/languages/plugins/ by itself; translations shipped inside
 * the plugin (languages/pay-via-proxyapi-<locale>.mo or .l10n.php) need this call. Language packs still win.
 */
final class TextDomain implements Hookable {

	public const DOMAIN = 'pay-via-proxyapi';

	/**
	 * @param Context $context Plugin paths.
	 */
	public function __construct( private Context $context ) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( 'init', array( $this, 'load' ), 0 );
	}

	/**
	 * Registers the languages/ folder for the text domain.
	 */
	public function load(): void {
		load_plugin_textdomain( self::DOMAIN, false, dirname( plugin_basename( $this->context->main_file() ) ) . '/languages' );
	}
}
