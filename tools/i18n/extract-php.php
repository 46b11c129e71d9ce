<?php
/**
 * Lists the translatable strings of PHP files as JSON, for tools/i18n/make-pot.ts.
 *
 *   php tools/i18n/extract-php.php <text-domain> <base-dir> <file-or-dir>...
 *
 * Reads WordPress's gettext calls with PHP's own tokenizer: __, _e, _x, _ex, _n, _nx, _n_noop, _nx_noop and
 * the esc_html / esc_attr variants, with the "translators:" comment written before the call. A call whose
 * text or domain is not a literal, or whose domain is another one, is an error (exit 1): its string would
 * never reach the translation file.
 *
 * @package PayViaProxyApi\Tools
 */

declare( strict_types=1 );

/** Function => the meaning of its leading arguments (domain last). */
const PVP_I18N_FUNCTIONS = array(
	'__'                   => array( 'msgid', 'domain' ),
	'_e'                   => array( 'msgid', 'domain' ),
	'esc_html__'           => array( 'msgid', 'domain' ),
	'esc_html_e'           => array( 'msgid', 'domain' ),
	'esc_attr__'           => array( 'msgid', 'domain' ),
	'esc_attr_e'           => array( 'msgid', 'domain' ),
	'_x'                   => array( 'msgid', 'msgctxt', 'domain' ),
	'_ex'                  => array( 'msgid', 'msgctxt', 'domain' ),
	'esc_html_x'           => array( 'msgid', 'msgctxt', 'domain' ),
	'esc_attr_x'           => array( 'msgid', 'msgctxt', 'domain' ),
	'_n'                   => array( 'msgid', 'msgid_plural', null, 'domain' ),
	'_nx'                  => array( 'msgid', 'msgid_plural', null, 'msgctxt', 'domain' ),
	'_n_noop'              => array( 'msgid', 'msgid_plural', 'domain' ),
	'_nx_noop'             => array( 'msgid', 'msgid_plural', 'msgctxt', 'domain' ),
);

/**
 * @param string $dir A directory.
 * @return string[] Its PHP files, sorted.
 */
function pvp_i18n_php_files( string $dir ): array {
	$files = array();
	$it    = new RecursiveIteratorIterator( new RecursiveDirectoryIterator( $dir, FilesystemIterator::SKIP_DOTS ) );
	foreach ( $it as $file ) {
		if ( $file->isFile() && str_ends_with( $file->getFilename(), '.php' ) && ! str_ends_with( $file->getFilename(), '.l10n.php' ) ) {
			$files[] = $file->getPathname();
		}
	}
	sort( $files );
	return $files;
}

/**
 * @param array<int, mixed> $tokens Tokens.
 * @param int               $i      Index of the opening parenthesis.
 * @return array{0: array<int, string|null>, 1: int} Each argument as its literal value (null when not a single
 *                                                   string literal), and the index of the closing parenthesis.
 */
function pvp_i18n_arguments( array $tokens, int $i ): array {
	$args    = array();
	$current = array();
	$depth   = 0;
	for ( $n = count( $tokens ); $i < $n; $i++ ) {
		$t    = $tokens[ $i ];
		$text = is_array( $t ) ? $t[1] : $t;
		if ( in_array( $text, array( '(', '[', '{' ), true ) ) {
			if ( ++$depth === 1 ) {
				continue;
			}
		} elseif ( in_array( $text, array( ')', ']', '}' ), true ) ) {
			if ( --$depth === 0 ) {
				$args[] = $current;
				break;
			}
		} elseif ( ',' === $text && 1 === $depth ) {
			$args[]  = $current;
			$current = array();
			continue;
		}
		if ( ! is_array( $t ) || ! in_array( $t[0], array( T_WHITESPACE, T_COMMENT, T_DOC_COMMENT ), true ) ) {
			$current[] = $t;
		}
	}
	$values = array_map(
		static function ( array $parts ): ?string {
			if ( 1 === count( $parts ) && is_array( $parts[0] ) && T_CONSTANT_ENCAPSED_STRING === $parts[0][0] ) {
				// A single literal: let PHP itself decode its quotes and escapes.
				return (string) eval( 'return ' . $parts[0][1] . ';' ); // phpcs:ignore Squiz.PHP.Eval.Discouraged -- a string literal token only.
			}
			return null;
		},
		$args
	);
	return array( $values, $i );
}

/**
 * @param array<int, mixed> $tokens Tokens.
 * @param int               $i      Index of the function name.
 * @param int               $line   Its line.
 * @return string The "translators:" comment ending on the line above the call or on its line, unless another
 *                gettext call stands between them (as WP-CLI's make-pot decides).
 */
function pvp_i18n_comment( array $tokens, int $i, int $line ): string {
	for ( $j = $i - 1; $j >= 0; $j-- ) {
		$t = $tokens[ $j ];
		if ( ! is_array( $t ) ) {
			continue;
		}
		if ( T_STRING === $t[0] && isset( PVP_I18N_FUNCTIONS[ $t[1] ] ) ) {
			return ''; // A comment above an earlier call belongs to that call.
		}
		if ( in_array( $t[0], array( T_COMMENT, T_DOC_COMMENT ), true ) ) {
			$ends = $t[2] + substr_count( rtrim( $t[1] ), "\n" );
			if ( $ends < $line - 1 || false === stripos( $t[1], 'translators:' ) ) {
				return '';
			}
			$text = preg_replace( '#^\s*(/\*+|//)\s*|\s*\*+/\s*$#', '', $t[1] );
			return trim( (string) preg_replace( '/\s*\n\s*\*?\s*/', ' ', (string) $text ) );
		}
	}
	return '';
}

/**
 * @param string $domain The text domain.
 * @param string $base   Paths are reported relative to this.
 * @param string $file   A PHP file.
 * @return array{entries: array<int, array<string, mixed>>, errors: string[]}
 */
function pvp_i18n_extract( string $domain, string $base, string $file ): array {
	$tokens   = token_get_all( (string) file_get_contents( $file ) );
	$relative = ltrim( substr( $file, strlen( rtrim( $base, '/' ) ) ), '/' );
	$entries  = array();
	$errors   = array();
	foreach ( $tokens as $i => $t ) {
		if ( ! is_array( $t ) || T_STRING !== $t[0] || ! isset( PVP_I18N_FUNCTIONS[ $t[1] ] ) ) {
			continue;
		}
		$prev = $tokens[ $i - 1 ] ?? null;
		if ( is_array( $prev ) && in_array( $prev[0], array( T_FUNCTION, T_OBJECT_OPERATOR, T_DOUBLE_COLON, T_NEW ), true ) ) {
			continue; // A declaration or a method of the same name, not the WordPress function.
		}
		$open = $i + 1;
		while ( isset( $tokens[ $open ] ) && is_array( $tokens[ $open ] ) && T_WHITESPACE === $tokens[ $open ][0] ) {
			++$open;
		}
		if ( '(' !== ( $tokens[ $open ] ?? null ) ) {
			continue;
		}
		list( $values ) = pvp_i18n_arguments( $tokens, $open );
		$where          = "{$relative}:{$t[2]}";
		$entry          = array( 'references' => array( $where ) );
		foreach ( PVP_I18N_FUNCTIONS[ $t[1] ] as $index => $role ) {
			if ( null === $role ) {
				continue;
			}
			$value = $values[ $index ] ?? null;
			if ( null === $value || '' === $value ) {
				$errors[] = "{$where}: {$t[1]}() needs a literal {$role}";
				continue 2;
			}
			$entry[ $role ] = $value;
		}
		if ( $entry['domain'] !== $domain ) {
			$errors[] = "{$where}: {$t[1]}() uses the text domain '{$entry['domain']}', not '{$domain}'";
			continue;
		}
		unset( $entry['domain'] );
		$entry['comments'] = pvp_i18n_comment( $tokens, $i, $t[2] );
		$entries[]         = $entry;
	}
	return array(
		'entries' => $entries,
		'errors'  => $errors,
	);
}

if ( PHP_SAPI === 'cli' && realpath( $argv[0] ) === __FILE__ ) {
	if ( $argc < 4 ) {
		fwrite( STDERR, "usage: php extract-php.php <text-domain> <base-dir> <file-or-dir>...\n" );
		exit( 2 );
	}
	$pvp_entries = array();
	$pvp_errors  = array();
	foreach ( array_slice( $argv, 3 ) as $pvp_path ) {
		foreach ( is_dir( $pvp_path ) ? pvp_i18n_php_files( $pvp_path ) : array( $pvp_path ) as $pvp_file ) {
			$pvp_found   = pvp_i18n_extract( $argv[1], $argv[2], $pvp_file );
			$pvp_entries = array_merge( $pvp_entries, $pvp_found['entries'] );
			$pvp_errors  = array_merge( $pvp_errors, $pvp_found['errors'] );
		}
	}
	echo json_encode( $pvp_entries, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE | JSON_PRETTY_PRINT ), "\n";
	foreach ( $pvp_errors as $pvp_error ) {
		fwrite( STDERR, "i18n: {$pvp_error}\n" );
	}
	exit( $pvp_errors ? 1 : 0 );
}
