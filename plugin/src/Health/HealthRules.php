<?php
/**
 * What each Site Health test concludes from the facts it gathered.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Health;

/**
 * Pure decisions (no WordPress), one method per test, so every verdict and its fix is unit-tested.
 */
final class HealthRules {

	/** Attempts still waiting for M-Pesa after this long should have been reconciled. */
	public const UNRECONCILED_AFTER = 15 * 60;

	/** Past this, an unreconciled attempt is a payment the store may never learn about. */
	public const UNRECONCILED_CRITICAL_AFTER = 24 * 60 * 60;

	/**
	 * @param Readiness $readiness The site's readiness.
	 * @param string    $site_url  Home URL.
	 * @return HealthResult
	 */
	public static function https( Readiness $readiness, string $site_url ): HealthResult {
		if ( str_starts_with( strtolower( $site_url ), 'https://' ) ) {
			return new HealthResult( HealthResult::GOOD, __( 'M-Pesa callbacks use HTTPS', 'pay-via-proxyapi' ), __( 'The site address uses HTTPS, so ProxyAPI\'s payment results reach the store encrypted.', 'pay-via-proxyapi' ) );
		}
		if ( $readiness->callbacks_can_be_secure() ) {
			return new HealthResult( HealthResult::RECOMMENDED, __( 'M-Pesa callbacks use plain HTTP (allowed on this local or development site)', 'pay-via-proxyapi' ), __( 'Plain HTTP is accepted only because WP_ENVIRONMENT_TYPE is local or development. A live store needs HTTPS.', 'pay-via-proxyapi' ), __( 'Before going live, serve the site over HTTPS.', 'pay-via-proxyapi' ) );
		}
		$problem = ReadinessProblem::https_missing( 'production' );
		return new HealthResult( HealthResult::CRITICAL, __( 'M-Pesa is switched off: the site does not use HTTPS', 'pay-via-proxyapi' ), $problem->message, $problem->fix );
	}

	/**
	 * @param bool $key_set     Whether a key is configured.
	 * @param bool $external    Whether it comes from PVP_API_KEY.
	 * @param bool $well_formed Whether it has the shape ProxyAPI issues (10 digits, hyphen, 20 characters).
	 * @return HealthResult
	 */
	public static function credentials( bool $key_set, bool $external, bool $well_formed ): HealthResult {
		if ( ! $key_set ) {
			$problem = ReadinessProblem::api_key_missing();
			return new HealthResult( HealthResult::CRITICAL, __( 'No ProxyAPI key is set', 'pay-via-proxyapi' ), __( 'Without the key the store cannot ask ProxyAPI for payments, so Lipa na M-Pesa is hidden from shoppers.', 'pay-via-proxyapi' ), $problem->fix );
		}
		if ( ! $well_formed ) {
			return new HealthResult( HealthResult::RECOMMENDED, __( 'The ProxyAPI key does not look like a ProxyAPI key', 'pay-via-proxyapi' ), __( 'ProxyAPI keys are 10 digits, a hyphen and 20 letters or digits. Payments will be refused if the key is wrong.', 'pay-via-proxyapi' ), __( 'Copy the key again from the ProxyAPI portal, then use "Verify API key" on the settings screen.', 'pay-via-proxyapi' ) );
		}
		$where = $external ? __( 'It is set in wp-config.php or the server environment (PVP_API_KEY), the safest place.', 'pay-via-proxyapi' ) : __( 'It is saved in the settings. Defining PVP_API_KEY in wp-config.php keeps it out of the database.', 'pay-via-proxyapi' );
		return new HealthResult( HealthResult::GOOD, __( 'A ProxyAPI key is set', 'pay-via-proxyapi' ), $where . ' ' . __( '"Verify API key" on the settings screen checks it with ProxyAPI.', 'pay-via-proxyapi' ) );
	}

	/**
	 * @param bool $complete Whether Daraja's consumer key and secret, shortcode and passkey are all set.
	 * @return HealthResult
	 */
	public static function daraja_credentials( bool $complete ): HealthResult {
		if ( ! $complete ) {
			$problem = ReadinessProblem::daraja_credentials_missing();
			return new HealthResult( HealthResult::CRITICAL, __( 'Daraja direct is missing credentials', 'pay-via-proxyapi' ), $problem->message . ' ' . __( 'Until they are set, Lipa na M-Pesa is hidden from shoppers.', 'pay-via-proxyapi' ), $problem->fix );
		}
		return new HealthResult( HealthResult::GOOD, __( 'Daraja direct credentials are set', 'pay-via-proxyapi' ), __( '"Test connection" on the settings screen checks them with Safaricom.', 'pay-via-proxyapi' ) );
	}

	/**
	 * @param bool   $blocked Whether WordPress refuses requests to the provider (WP_HTTP_BLOCK_EXTERNAL).
	 * @param string $host    The provider's host.
	 * @param string $service The provider's name, "ProxyAPI" or "Safaricom Daraja".
	 * @return HealthResult
	 */
	public static function outgoing_http( bool $blocked, string $host, string $service = 'ProxyAPI' ): HealthResult {
		if ( $blocked ) {
			return new HealthResult(
				HealthResult::CRITICAL,
				/* translators: %s: the payment provider, "ProxyAPI" or "Safaricom Daraja". */
				sprintf( __( 'WordPress blocks requests to %s', 'pay-via-proxyapi' ), $service ),
				/* translators: %s: the provider's host name. */
				sprintf( __( 'WP_HTTP_BLOCK_EXTERNAL is on and %s is not in WP_ACCESSIBLE_HOSTS, so no M-Pesa prompt can be sent and no payment checked.', 'pay-via-proxyapi' ), $host ),
				/* translators: %s: the provider's host name. */
				sprintf( __( 'Add %s to WP_ACCESSIBLE_HOSTS in wp-config.php (or remove WP_HTTP_BLOCK_EXTERNAL).', 'pay-via-proxyapi' ), $host )
			);
		}
		return new HealthResult(
			HealthResult::GOOD,
			/* translators: %s: the payment provider, "ProxyAPI" or "Safaricom Daraja". */
			sprintf( __( 'WordPress may send requests to %s', 'pay-via-proxyapi' ), $service ),
			/* translators: %s: the provider's host name. */
			sprintf( __( 'Requests to %s are not blocked by WP_HTTP_BLOCK_EXTERNAL.', 'pay-via-proxyapi' ), $host )
		);
	}

	/**
	 * @param bool $available   Whether Action Scheduler is loaded.
	 * @param int  $ours_late   Our pending jobs more than 15 minutes past due.
	 * @param int  $others_late Other pending jobs more than an hour past due.
	 * @return HealthResult
	 */
	public static function scheduler( bool $available, int $ours_late, int $others_late ): HealthResult {
		$fix = __( 'Make sure WP-Cron runs: if DISABLE_WP_CRON is set, call wp-cron.php from a real cron job every minute; then look at WooCommerce › Status › Scheduled Actions for failed jobs.', 'pay-via-proxyapi' );
		if ( ! $available ) {
			return new HealthResult( HealthResult::CRITICAL, __( 'Action Scheduler is not available', 'pay-via-proxyapi' ), __( 'Payments without a callback are checked with ProxyAPI by scheduled jobs; without Action Scheduler they never are.', 'pay-via-proxyapi' ), __( 'Update WooCommerce, which includes Action Scheduler.', 'pay-via-proxyapi' ) );
		}
		if ( $ours_late > 0 ) {
			return new HealthResult(
				HealthResult::CRITICAL,
				__( 'M-Pesa payment checks are not running', 'pay-via-proxyapi' ),
				/* translators: %d: number of late jobs. */
				sprintf( _n( '%d payment check is more than 15 minutes late, so payments without a callback stay unpaid.', '%d payment checks are more than 15 minutes late, so payments without a callback stay unpaid.', $ours_late, 'pay-via-proxyapi' ), $ours_late ),
				$fix
			);
		}
		if ( $others_late > 0 ) {
			return new HealthResult(
				HealthResult::RECOMMENDED,
				__( 'Scheduled jobs are running late', 'pay-via-proxyapi' ),
				/* translators: %d: number of late jobs. */
				sprintf( _n( '%d scheduled job is more than an hour late; M-Pesa payment checks would be late too.', '%d scheduled jobs are more than an hour late; M-Pesa payment checks would be late too.', $others_late, 'pay-via-proxyapi' ), $others_late ),
				$fix
			);
		}
		return new HealthResult( HealthResult::GOOD, __( 'Scheduled M-Pesa payment checks run on time', 'pay-via-proxyapi' ), __( 'No scheduled job is past due, so payments without a callback get checked with ProxyAPI.', 'pay-via-proxyapi' ) );
	}

	/**
	 * @param int|null $oldest_age Seconds since the oldest attempt still waiting for M-Pesa started (null: none).
	 * @param int      $count      Attempts waiting longer than UNRECONCILED_AFTER.
	 * @return HealthResult
	 */
	public static function unreconciled( ?int $oldest_age, int $count ): HealthResult {
		if ( null === $oldest_age || $oldest_age < self::UNRECONCILED_AFTER ) {
			return new HealthResult( HealthResult::GOOD, __( 'No M-Pesa payment is waiting too long', 'pay-via-proxyapi' ), __( 'Every M-Pesa payment older than 15 minutes has a final result.', 'pay-via-proxyapi' ) );
		}
		$status = $oldest_age >= self::UNRECONCILED_CRITICAL_AFTER ? HealthResult::CRITICAL : HealthResult::RECOMMENDED;
		return new HealthResult(
			$status,
			/* translators: %s: how long ago, e.g. "3 hours". */
			sprintf( __( 'An M-Pesa payment has waited %s for its result', 'pay-via-proxyapi' ), self::duration( $oldest_age ) ),
			/* translators: %d: number of payments. */
			sprintf( _n( '%d pending order has an M-Pesa payment with no result after 15 minutes: neither a callback nor a check with ProxyAPI settled it.', '%d pending orders have M-Pesa payments with no result after 15 minutes: neither a callback nor a check with ProxyAPI settled them.', $count, 'pay-via-proxyapi' ), $count ),
			__( 'Check that callbacks reach the store and that scheduled jobs run (the tests above), then compare the orders with the ProxyAPI portal.', 'pay-via-proxyapi' )
		);
	}

	/**
	 * @param int|null $status HTTP status of the loopback request (null: no answer).
	 * @param string   $code   The WP_Error code in the answer's body, if any.
	 * @param string   $error  Transport error message.
	 * @return HealthResult
	 */
	public static function callback_route( ?int $status, string $code, string $error ): HealthResult {
		if ( 403 === $status && 'pvp_callback_forbidden' === $code ) {
			return new HealthResult( HealthResult::GOOD, __( 'The M-Pesa callback address answers', 'pay-via-proxyapi' ), __( 'A test callback with a wrong token was refused by this plugin, as it should be: the REST API and permalinks work, and the route is reachable.', 'pay-via-proxyapi' ) );
		}
		$label = __( 'The M-Pesa callback address does not answer', 'pay-via-proxyapi' );
		if ( null === $status ) {
			/* translators: %s: the error message of the HTTP request. */
			return new HealthResult( HealthResult::CRITICAL, $label, sprintf( __( 'The site could not reach its own callback address: %s', 'pay-via-proxyapi' ), $error ), __( 'Check that the server can reach its own address (firewall, DNS, loopback requests).', 'pay-via-proxyapi' ) );
		}
		$fix = 404 === $status
			? __( 'Save Settings › Permalinks once, and make sure no security plugin disables the REST API (/wp-json/).', 'pay-via-proxyapi' )
			: __( 'A firewall, security plugin or maintenance mode may be answering instead of WordPress: allow POST requests to /wp-json/pay-via-proxyapi/v1/callbacks/.', 'pay-via-proxyapi' );
		/* translators: %d: HTTP status code. */
		return new HealthResult( HealthResult::CRITICAL, $label, sprintf( __( 'A test callback got HTTP %d instead of this plugin\'s refusal, so ProxyAPI\'s payment results would not arrive.', 'pay-via-proxyapi' ), $status ), $fix );
	}

	/**
	 * @param int $seconds A duration.
	 * @return string E.g. "3 hours", rounded down to the largest unit.
	 */
	private static function duration( int $seconds ): string {
		if ( $seconds >= 86400 ) {
			$days = intdiv( $seconds, 86400 );
			/* translators: %d: number of days. */
			return sprintf( _n( '%d day', '%d days', $days, 'pay-via-proxyapi' ), $days );
		}
		if ( $seconds >= 3600 ) {
			$hours = intdiv( $seconds, 3600 );
			/* translators: %d: number of hours. */
			return sprintf( _n( '%d hour', '%d hours', $hours, 'pay-via-proxyapi' ), $hours );
		}
		$minutes = intdiv( $seconds, 60 );
		/* translators: %d: number of minutes. */
		return sprintf( _n( '%d minute', '%d minutes', $minutes, 'pay-via-proxyapi' ), $minutes );
	}
}
