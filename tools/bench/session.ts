/**
 * A logged-in administrator for the bench's admin-only routes and the report route: WordPress cookie
 * authentication plus the REST nonce, as the admin screens themselves call the REST API.
 */
import { expectStatus, timed, type RequestOptions, type Sample } from './http';

/**
 * name=value pairs from Set-Cookie headers (attributes dropped; the bench store is one host).
 * @param headers
 */
function cookiesOf( headers: Headers ): Map< string, string > {
	const jar = new Map< string, string >();
	for ( const line of headers.getSetCookie() ) {
		const pair = line.split( ';', 1 )[ 0 ] ?? '';
		const at = pair.indexOf( '=' );
		if ( at > 0 ) {
			jar.set( pair.slice( 0, at ), pair.slice( at + 1 ) );
		}
	}
	return jar;
}

export class AdminSession {
	private constructor(
		private readonly baseUrl: string,
		private readonly cookie: string,
		private readonly nonce: string
	) {}

	/**
	 * @param baseUrl  The store's URL.
	 * @param user     Login.
	 * @param password Password.
	 * @return A session whose requests carry the login cookies and a REST nonce.
	 */
	static async login(
		baseUrl: string,
		user: string,
		password: string
	): Promise< AdminSession > {
		const form = new URLSearchParams( {
			log: user,
			pwd: password,
			'wp-submit': 'Log In',
			testcookie: '1',
		} );
		const response = await fetch( `${ baseUrl }/wp-login.php`, {
			method: 'POST',
			headers: {
				'Content-Type': 'application/x-www-form-urlencoded',
				Cookie: 'wordpress_test_cookie=WP%20Cookie%20check',
			},
			body: form.toString(),
			redirect: 'manual',
		} );
		await response.arrayBuffer();
		const jar = cookiesOf( response.headers );
		if (
			! [ ...jar.keys() ].some( ( name ) =>
				name.startsWith( 'wordpress_logged_in_' )
			)
		) {
			throw new Error(
				`Could not log in as ${ user } (HTTP ${ response.status })`
			);
		}
		const cookie = [ ...jar ]
			.map( ( [ name, value ] ) => `${ name }=${ value }` )
			.join( '; ' );
		const nonce = await timed(
			`${ baseUrl }/wp-admin/admin-ajax.php?action=rest-nonce`,
			{ headers: { Cookie: cookie } }
		);
		expectStatus( nonce, 'the REST nonce' );
		return new AdminSession( baseUrl, cookie, nonce.text.trim() );
	}

	/**
	 * @param path    Path under the store, e.g. /wp-json/pvp-bench/v1/orders.
	 * @param options Method and JSON body.
	 * @return The timed answer.
	 */
	request( path: string, options: RequestOptions = {} ): Promise< Sample > {
		return timed( `${ this.baseUrl }${ path }`, {
			...options,
			headers: {
				...options.headers,
				Cookie: this.cookie,
				'X-WP-Nonce': this.nonce,
			},
		} );
	}
}
