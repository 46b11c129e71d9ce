<?php
/**
 * Keeps TLS verification on for the plugin's own provider requests, whatever the site's filters say.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Provider;

/**
 * Passing `sslverify => true` is not enough: WordPress lets any plugin switch verification off after the
 * caller chose it (`http_request_args`, `https_ssl_verify`, or cURL options set in `http_api_curl`), and
 * "disable SSL verification" snippets are common. A payment request or an access token sent to a server
 * that only claims to be the provider would give away the key and the payment, so while our request runs,
 * these three points are overruled last (PHP_INT_MAX, added after every site filter).
 *
 * The guards exist only for the duration of our wp_remote_* call and are removed afterwards, so other
 * requests of the site keep whatever the site chose. They are not keyed to the URL: WordPress may rewrite
 * it on the way, and a guard that failed to recognise our request would fail open. HTTP is synchronous, so
 * the only other requests they could meet are ones started from inside a filter during our call, and those
 * are verified too.
 */
final class EnforcedTls {

	/** Runs after every ordinary filter, including ones added at PHP_INT_MAX before our call started. */
	private const LAST = PHP_INT_MAX;

	/** @var string|null The CA bundle WordPress was asked to use, so verification keeps the site's own trust store. */
	private ?string $ca_bundle = null;

	/**
	 * Runs $send with verification forced on, and removes the guards afterwards (also when $send throws).
	 *
	 * @template T
	 * @param callable(): T $send The wp_remote_* call.
	 * @return T What $send returned.
	 */
	public function around( callable $send ): mixed {
		add_filter( 'http_request_args', array( $this, 'request_args' ), self::LAST, 1 );
		add_filter( 'https_ssl_verify', array( $this, 'ssl_verify' ), self::LAST, 1 );
		add_action( 'http_api_curl', array( $this, 'curl' ), self::LAST, 1 );
		try {
			return $send();
		} finally {
			remove_filter( 'http_request_args', array( $this, 'request_args' ), self::LAST );
			remove_filter( 'https_ssl_verify', array( $this, 'ssl_verify' ), self::LAST );
			remove_action( 'http_api_curl', array( $this, 'curl' ), self::LAST );
		}
	}

	/**
	 * http_request_args: `sslverify` back on (it also decides whether the host name is checked).
	 *
	 * @param mixed $args WP_Http arguments.
	 * @return mixed The arguments with verification on.
	 */
	public function request_args( mixed $args ): mixed {
		if ( ! is_array( $args ) ) {
			return $args;
		}
		$args['sslverify'] = true;
		if ( isset( $args['sslcertificates'] ) && is_string( $args['sslcertificates'] ) && '' !== $args['sslcertificates'] ) {
			$this->ca_bundle = $args['sslcertificates'];
		}
		return $args;
	}

	/**
	 * https_ssl_verify: a CA bundle path or true means "verify"; anything else is replaced.
	 *
	 * @param mixed $verify The value so far.
	 * @return bool|string True, or the path of the CA bundle to verify against.
	 */
	public function ssl_verify( mixed $verify ): bool|string {
		if ( true === $verify || ( is_string( $verify ) && '' !== $verify ) ) {
			return $verify;
		}
		return $this->ca_bundle ?? true;
	}

	/**
	 * http_api_curl: a site may have switched peer or host verification off on the handle itself.
	 *
	 * @param mixed $handle The cURL handle.
	 */
	public function curl( mixed $handle ): void {
		if ( $handle instanceof \CurlHandle ) {
			curl_setopt( $handle, CURLOPT_SSL_VERIFYPEER, true );
			curl_setopt( $handle, CURLOPT_SSL_VERIFYHOST, 2 );
		}
	}
}
