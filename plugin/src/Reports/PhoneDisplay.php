<?php
/**
 * How a stored phone number is shown to shop staff: in full, or with its middle digits hidden.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Reports;

/**
 * Pure: the store's display setting decides, and masking happens on the server, so a masked number never
 * reaches the browser in full. Numbers Safaricom already masked (e.g. 0712***678) stay as received.
 */
final class PhoneDisplay {

	/** Digits shown at each end of a masked number: 2547****5678, as in the plugin's order notes. */
	private const VISIBLE_HEAD = 4;
	private const VISIBLE_TAIL = 4;

	/**
	 * @param bool $full Whether the store shows phone numbers in full (option pvp_show_full_phone).
	 */
	public function __construct( private bool $full ) {
	}

	/**
	 * @return bool Whether numbers are shown in full.
	 */
	public function is_full(): bool {
		return $this->full;
	}

	/**
	 * @param string $stored The number as stored (normalised MSISDN, or what M-Pesa sent).
	 * @return string What staff may see.
	 */
	public function show( string $stored ): string {
		if ( $this->full ) {
			return $stored;
		}
		$length = strlen( $stored );
		if ( $length <= self::VISIBLE_HEAD + self::VISIBLE_TAIL ) {
			// Too short to keep both ends: hide every digit but the last two.
			return (string) preg_replace( '/\d(?=\d{2})/', '*', $stored );
		}
		$middle = substr( $stored, self::VISIBLE_HEAD, $length - self::VISIBLE_HEAD - self::VISIBLE_TAIL );
		return substr( $stored, 0, self::VISIBLE_HEAD ) . (string) preg_replace( '/\d/', '*', $middle ) . substr( $stored, -self::VISIBLE_TAIL );
	}
}
