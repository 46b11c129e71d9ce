/**
 * Log-line helpers. Log lines never carry API keys or callback URL paths (they hold the
 * per-order callback token), only masked keys and hosts.
 */

/**
 * Masks a secret, keeping two characters at each end so lines can still be told apart.
 *
 * @param secret The value to hide.
 * @return e.g. `15…St`; `***` for short or non-string values.
 */
export function maskSecret( secret: unknown ): string {
	if ( typeof secret !== 'string' || secret.length < 12 ) {
		return '***';
	}
	return `${ secret.slice( 0, 2 ) }…${ secret.slice( -2 ) }`;
}

/**
 * The host part of a URL, for logging where a callback went without its token.
 *
 * @param url A URL.
 * @return `host:port`, or `?` when it does not parse.
 */
export function hostOf( url: string ): string {
	try {
		return new URL( url ).host;
	} catch {
		return '?';
	}
}

/**
 * One log line: time, then the parts separated by spaces.
 *
 * @param parts Words of the line (empty ones are dropped).
 * @return The line.
 */
export function logLine(
	...parts: Array< string | number | null | undefined >
): string {
	const words = parts.filter(
		( part ) => part !== null && part !== undefined && part !== ''
	);
	return [ new Date().toISOString(), ...words ].join( ' ' );
}
