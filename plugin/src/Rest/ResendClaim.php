<?php
/**
 * Lets one resend per order run at a time.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Rest;

/**
 * Two quick clicks must not both pass ResendPolicy before either attempt is written. A database lock taken
 * without waiting makes the second one give up at once. It is not the order's settlement lock (OrderLock):
 * holding that through the provider request would make callbacks for the same order wait. The server frees
 * it if PHP dies, so a crash never blocks resends.
 */
final class ResendClaim {

	/**
	 * @param \wpdb $wpdb WordPress database connection.
	 */
	public function __construct( private \wpdb $wpdb ) {
	}

	/**
	 * @param int $order_id Order.
	 * @return bool Whether this request may resend now (false: another one is at it).
	 */
	public function acquire( int $order_id ): bool {
		return '1' === (string) $this->wpdb->get_var( $this->wpdb->prepare( 'SELECT GET_LOCK(%s, 0)', $this->name( $order_id ) ) );
	}

	/**
	 * @param int $order_id Order.
	 */
	public function release( int $order_id ): void {
		$this->wpdb->query( $this->wpdb->prepare( 'SELECT RELEASE_LOCK(%s)', $this->name( $order_id ) ) );
	}

	/**
	 * Lock names are server-wide, so they carry this site's database and table prefix.
	 *
	 * @param int $order_id Order.
	 * @return string At most 64 characters, as the server requires.
	 */
	private function name( int $order_id ): string {
		$database = defined( 'DB_NAME' ) ? (string) constant( 'DB_NAME' ) : '';
		return 'pvp_' . substr( md5( $database . '|' . $this->wpdb->prefix ), 0, 12 ) . '_resend_' . $order_id;
	}
}
