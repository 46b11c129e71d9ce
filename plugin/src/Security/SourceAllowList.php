<?php
/**
 * The optional allow-list of addresses payment callbacks may come from.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Security;

/**
 * Pure PHP. Off when the list is empty (the default: the per-attempt URL token is the real proof). When an
 * admin sets a list, it is enforced strictly: a list with an unreadable entry refuses every callback rather
 * than guessing what was meant, and a source address that cannot be worked out is refused.
 */
final class SourceAllowList {

	/**
	 * @param CidrList      $allowed Networks callbacks may come from.
	 * @param ClientAddress $client  Resolves the caller's address (peer, or trusted proxy header).
	 */
	public function __construct( private CidrList $allowed, private ClientAddress $client ) {
	}

	/**
	 * @return bool Whether the admin configured a list at all.
	 */
	public function is_active(): bool {
		return ! $this->allowed->is_empty() || array() !== $this->allowed->invalid_entries();
	}

	/**
	 * @param string      $peer         REMOTE_ADDR.
	 * @param string|null $header_value Value of the trusted proxy header, if any.
	 * @return string|null Why the caller is refused (safe to log), or null when it may proceed.
	 */
	public function refusal( string $peer, ?string $header_value ): ?string {
		if ( ! $this->is_active() ) {
			return null;
		}
		if ( array() !== $this->allowed->invalid_entries() ) {
			return 'the callback allow-list has entries that are not addresses or networks: ' . implode( ', ', array_slice( $this->allowed->invalid_entries(), 0, 5 ) );
		}
		$address = $this->client->resolve( $peer, $header_value );
		if ( null === $address ) {
			return 'the source address could not be read' . ( '' !== $this->client->header() ? ' from ' . $this->client->header() : '' );
		}
		if ( ! $this->allowed->contains( $address ) ) {
			return sprintf( 'the source address %s is not on the callback allow-list', $address );
		}
		return null;
	}
}
