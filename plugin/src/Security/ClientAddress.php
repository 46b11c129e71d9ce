<?php
/**
 * Works out which address a request really came from, behind zero or more reverse proxies.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Security;

/**
 * Pure PHP. Without a trusted header the answer is the TCP peer (REMOTE_ADDR), full stop: any header can be
 * forged by the caller. With a header the admin named (e.g. X-Forwarded-For), the chain "header entries,
 * then the peer" is read from the right and the first address that is not one of our own proxies is the
 * client; everything to the left of it was written by the caller and is ignored.
 *
 * So a forged header helps nobody: if the peer itself is not a trusted proxy, the peer is the answer; and a
 * caller can only prepend entries, which are to the left of the address our proxy appended.
 */
final class ClientAddress {

	/** Loopback, private and link-local networks: where a site's own reverse proxies normally live. */
	public const PRIVATE_NETWORKS = '127.0.0.0/8 10.0.0.0/8 172.16.0.0/12 192.168.0.0/16 169.254.0.0/16 ::1/128 fc00::/7 fe80::/10';

	/**
	 * @param string   $header  Name of the header the admin trusts ('' = none: use the peer address only).
	 * @param CidrList $proxies The site's own proxies (PRIVATE_NETWORKS plus any the admin lists).
	 */
	public function __construct( private string $header, private CidrList $proxies ) {
	}

	/**
	 * @return string The trusted header's name, '' when none.
	 */
	public function header(): string {
		return $this->header;
	}

	/**
	 * @param string      $peer         REMOTE_ADDR.
	 * @param string|null $header_value The trusted header's value as received, null when absent.
	 * @return string|null The client's address, or null when it cannot be known (garbage in the chain).
	 */
	public function resolve( string $peer, ?string $header_value ): ?string {
		$peer = trim( $peer );
		if ( '' === $this->header || null === $header_value || '' === trim( $header_value ) ) {
			return self::is_address( $peer ) ? $peer : null;
		}
		$chain = array_merge( self::header_entries( $header_value ), array( $peer ) );
		for ( $i = count( $chain ) - 1; $i >= 0; $i-- ) {
			if ( ! self::is_address( $chain[ $i ] ) ) {
				return null;
			}
			if ( ! $this->proxies->contains( $chain[ $i ] ) ) {
				return $chain[ $i ];
			}
		}
		// Every hop is one of ours: the request started inside the site's own network.
		return $chain[0];
	}

	/**
	 * Reads X-Forwarded-For style lists ("a, b") and RFC 7239 Forwarded ("for=a;proto=https, for=\"[b]:80\"").
	 *
	 * @param string $value Header value.
	 * @return string[] Addresses, left to right, without ports or brackets ('' for an unreadable element).
	 */
	private static function header_entries( string $value ): array {
		$entries = array();
		foreach ( explode( ',', $value ) as $element ) {
			$element = trim( $element );
			if ( 1 === preg_match( '/(?:^|;)\s*for=("?)([^";]*)\1/i', $element, $match ) ) {
				$element = $match[2];
			}
			$entries[] = self::strip_port( trim( $element ) );
		}
		return $entries;
	}

	/**
	 * @param string $entry "1.2.3.4", "1.2.3.4:80", "[2001:db8::1]:80", "2001:db8::1".
	 * @return string The address alone.
	 */
	private static function strip_port( string $entry ): string {
		if ( 1 === preg_match( '/^\[([^\]]+)\](?::\d+)?$/D', $entry, $match ) ) {
			return $match[1];
		}
		if ( 1 === preg_match( '/^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/D', $entry, $match ) ) {
			return $match[1];
		}
		return $entry;
	}

	/**
	 * @param string $text Candidate.
	 * @return bool Whether it is a plain IPv4 or IPv6 address.
	 */
	private static function is_address( string $text ): bool {
		return false !== filter_var( $text, FILTER_VALIDATE_IP );
	}
}
