<?php
/**
 * Pay via ProxyAPI 2.2.7's `pvpsettings.txt`: a JSON file in its plugin directory holding the account due date.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Legacy;

/**
 * Finding and reading the file, kept apart from WordPress so both are unit-tested.
 */
final class LegacySettingsFile {

	public const NAME = 'pvpsettings.txt';

	/** 2.2.7's main file: a directory holding it is a 2.2.7 install, whatever it was renamed to. */
	public const LEGACY_MAIN_FILE = 'proxyapi-pvp.php';

	/** The file holds one small JSON object; anything bigger is not it. */
	private const MAX_BYTES = 4096;

	/**
	 * @param string $plugins_dir WordPress's plugin directory.
	 * @return string[] Paths of the settings files of 2.2.7 installs found there.
	 */
	public static function find( string $plugins_dir ): array {
		$found = array();
		foreach ( glob( rtrim( $plugins_dir, '/' ) . '/*/' . self::NAME ) ?: array() as $path ) {
			if ( is_file( dirname( $path ) . '/' . self::LEGACY_MAIN_FILE ) && is_readable( $path ) ) {
				$found[] = $path;
			}
		}
		return $found;
	}

	/**
	 * @param string $path A file find() returned.
	 * @return int|null The due date it holds.
	 */
	public static function read_due_date( string $path ): ?int {
		$contents = file_get_contents( $path, false, null, 0, self::MAX_BYTES + 1 );
		return is_string( $contents ) && strlen( $contents ) <= self::MAX_BYTES ? self::due_date( $contents ) : null;
	}

	/**
	 * @param string $contents The file's text, e.g. {"dueDate":1769904000}.
	 * @return int|null The due date (Unix time), or null when absent or unreadable.
	 */
	public static function due_date( string $contents ): ?int {
		$data = json_decode( $contents, true, 4 );
		$due  = is_array( $data ) ? ( $data['dueDate'] ?? null ) : null;
		return is_numeric( $due ) && (int) $due > 0 ? (int) $due : null;
	}
}
