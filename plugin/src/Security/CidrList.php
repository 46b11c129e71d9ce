<?php
/**
 * A list of IP networks (CIDR) and single addresses, IPv4 and IPv6, that an address can be checked against.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Security;

/**
 * Pure PHP (inet_pton only), so the matching rules are unit-tested without WordPress.
 *
 * Entries are "203.0.113.7", "196.201.214.0/24", "2001:db8::/32" or "::1", separated by commas, spaces or
 * new lines. Parsing never guesses: an entry that is not exactly an address or a network is reported by
 * invalid_entries(), so the settings screen can refuse the whole list instead of silently allowing less
 * (or more) than the admin meant.
 */
final class CidrList {

	/**
	 * @var array<int, array{bytes: string, bits: int}> Networks as packed addresses and prefix lengths.
	 */
	private array $networks = array();

	/** @var string[] Entries that are neither an address nor a network. */
	private array $invalid = array();

	/**
	 * @param string $list Entries separated by commas, spaces or new lines.
	 */
	public function __construct( string $list ) {
		foreach ( self::entries( $list ) as $entry ) {
			$network = self::parse( $entry );
			if ( null === $network ) {
				$this->invalid[] = $entry;
			} else {
				$this->networks[] = $network;
			}
		}
	}

	/**
	 * @param string $list Entries separated by commas, spaces or new lines.
	 * @return string[] The non-empty entries, trimmed.
	 */
	public static function entries( string $list ): array {
		return array_values( array_filter( preg_split( '/[\s,;]+/', $list ) ?: array(), static fn ( string $entry ): bool => '' !== $entry ) );
	}

	/**
	 * @return bool Whether the list holds no valid network.
	 */
	public function is_empty(): bool {
		return array() === $this->networks;
	}

	/**
	 * @return string[] Entries that could not be read.
	 */
	public function invalid_entries(): array {
		return $this->invalid;
	}

	/**
	 * @param string $address An IPv4 or IPv6 address (IPv4-mapped IPv6 addresses match IPv4 networks).
	 * @return bool Whether it lies in one of the networks.
	 */
	public function contains( string $address ): bool {
		$packed = self::pack( $address );
		if ( null === $packed ) {
			return false;
		}
		foreach ( $this->networks as $network ) {
			if ( strlen( $network['bytes'] ) === strlen( $packed ) && self::prefix_matches( $packed, $network['bytes'], $network['bits'] ) ) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @param string $entry "address" or "address/bits".
	 * @return array{bytes: string, bits: int}|null
	 */
	private static function parse( string $entry ): ?array {
		$parts = explode( '/', $entry );
		if ( count( $parts ) > 2 ) {
			return null;
		}
		$bytes = self::pack( $parts[0] );
		if ( null === $bytes ) {
			return null;
		}
		$max = strlen( $bytes ) * 8;
		if ( ! isset( $parts[1] ) ) {
			return array(
				'bytes' => $bytes,
				'bits'  => $max,
			);
		}
		if ( 1 !== preg_match( '/^\d{1,3}$/D', $parts[1] ) || (int) $parts[1] > $max ) {
			return null;
		}
		return array(
			'bytes' => $bytes,
			'bits'  => (int) $parts[1],
		);
	}

	/**
	 * @param string $address Address text.
	 * @return string|null 4 or 16 packed bytes; IPv4-mapped IPv6 (::ffff:a.b.c.d) becomes its IPv4 form.
	 */
	private static function pack( string $address ): ?string {
		// inet_pton() accepts only plain addresses; a zone id (fe80::1%eth0) or brackets are not addresses here.
		if ( '' === $address || 1 !== preg_match( '/^[0-9A-Fa-f:.]+$/D', $address ) ) {
			return null;
		}
		$packed = @inet_pton( $address ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- it warns on bad input, which is an answer here.
		if ( false === $packed ) {
			return null;
		}
		if ( 16 === strlen( $packed ) && str_starts_with( $packed, str_repeat( "\0", 10 ) . "\xff\xff" ) ) {
			return substr( $packed, 12 );
		}
		return $packed;
	}

	/**
	 * @param string $address Packed address.
	 * @param string $network Packed network address.
	 * @param int    $bits    Prefix length.
	 * @return bool Whether the first $bits bits are equal.
	 */
	private static function prefix_matches( string $address, string $network, int $bits ): bool {
		$whole = intdiv( $bits, 8 );
		if ( substr( $address, 0, $whole ) !== substr( $network, 0, $whole ) ) {
			return false;
		}
		$rest = $bits % 8;
		if ( 0 === $rest ) {
			return true;
		}
		$mask = ( 0xff << ( 8 - $rest ) ) & 0xff;
		return ( ord( $address[ $whole ] ) & $mask ) === ( ord( $network[ $whole ] ) & $mask );
	}
}
