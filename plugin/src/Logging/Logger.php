<?php
/**
 * Writes the plugin's log through WooCommerce's logger, with secrets and phone numbers removed.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Logging;

/**
 * Every log line passes through redact(), so no caller can leak a key, token or full phone number.
 */
final class Logger {

	public const SOURCE = 'pay-via-proxyapi';

	/**
	 * @param \Closure|null $secrets Returns the credentials in use (string[]), hidden from every line whatever
	 *                               their shape; read when a line is written, so a changed key is covered too.
	 */
	public function __construct( private ?\Closure $secrets = null ) {
	}

	/**
	 * @param string               $message What happened.
	 * @param array<string, mixed> $context Facts; secrets are removed.
	 */
	public function info( string $message, array $context = array() ): void {
		$this->log( 'info', $message, $context );
	}

	/**
	 * @param string               $message What went wrong.
	 * @param array<string, mixed> $context Facts; secrets are removed.
	 */
	public function warning( string $message, array $context = array() ): void {
		$this->log( 'warning', $message, $context );
	}

	/**
	 * @param string               $message What went wrong.
	 * @param array<string, mixed> $context Facts; secrets are removed.
	 */
	public function error( string $message, array $context = array() ): void {
		$this->log( 'error', $message, $context );
	}

	/**
	 * @param string               $level   WC_Log_Levels level.
	 * @param string               $message Message.
	 * @param array<string, mixed> $context Context.
	 */
	private function log( string $level, string $message, array $context ): void {
		if ( ! function_exists( 'wc_get_logger' ) ) {
			return;
		}
		$secrets = null !== $this->secrets ? array_filter( (array) ( $this->secrets )(), 'is_string' ) : array();
		$line    = Redactor::text( $message, $secrets );
		if ( $context ) {
			$line .= ' ' . wp_json_encode( Redactor::context( $context, $secrets ) );
		}
		wc_get_logger()->log( $level, $line, array( 'source' => self::SOURCE ) );
	}
}
