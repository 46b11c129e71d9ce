<?php
/**
 * When the merchant's ProxyAPI PVP account falls due, as ProxyAPI last reported it.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Settings;

/**
 * The one owner of the option `pvp_account_due_date` (Unix time, not autoloaded: only admin screens read it).
 * pvpCallbacks carry DueDate; Pay via ProxyAPI 2.2.7 kept it in a file, which the upgrade migrates here.
 */
final class AccountDueDate {

	public const OPTION = 'pvp_account_due_date';

	/** Earliest believable due date (2017-07-14), so a zero or a garbled number is never stored. */
	private const EARLIEST = 1500000000;

	/** Furthest ahead a due date may lie: a subscription is not paid years in advance. */
	private const MAX_AHEAD_SECONDS = 3 * 366 * 86400;

	/**
	 * @return int|null The stored due date, or null when none is known.
	 */
	public function get(): ?int {
		$value = get_option( self::OPTION, null );
		return is_numeric( $value ) && (int) $value > 0 ? (int) $value : null;
	}

	/**
	 * Keeps the latest date: a replayed older callback never moves it back.
	 *
	 * @param int $due_date Unix time from ProxyAPI.
	 * @param int $now      Unix time.
	 * @return bool Whether the stored date changed.
	 */
	public function record( int $due_date, int $now ): bool {
		if ( ! self::is_plausible( $due_date, $now ) ) {
			return false;
		}
		$current = $this->get();
		if ( null !== $current && $current >= $due_date ) {
			return false;
		}
		if ( null === $current ) {
			// add_option() is the only call that sets autoload off for a new option on every WordPress we support.
			return add_option( self::OPTION, $due_date, '', false ) || update_option( self::OPTION, $due_date, false );
		}
		return update_option( self::OPTION, $due_date, false );
	}

	/**
	 * @param int $due_date Unix time.
	 * @param int $now      Unix time.
	 * @return bool Whether it can be a real due date.
	 */
	public static function is_plausible( int $due_date, int $now ): bool {
		return $due_date >= self::EARLIEST && $due_date <= $now + self::MAX_AHEAD_SECONDS;
	}
}
