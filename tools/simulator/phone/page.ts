/**
 * Serves the phone page: `GET /` or `/phone` (the HTML), `/phone/phone.css`, and the page's two
 * TypeScript modules, transpiled to JavaScript on first request (no build step for a local tool).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import ts from 'typescript';

import type { Reply } from '../http';

/** Path → file in this folder and its content type. Nothing else is served. */
const FILES: Readonly< Record< string, [ string, string ] > > = {
	'/': [ 'index.html', 'text/html; charset=utf-8' ],
	'/phone': [ 'index.html', 'text/html; charset=utf-8' ],
	'/phone/phone.css': [ 'phone.css', 'text/css; charset=utf-8' ],
	'/phone/app.js': [ 'app.ts', 'text/javascript; charset=utf-8' ],
	'/phone/render.js': [ 'render.ts', 'text/javascript; charset=utf-8' ],
};

/** The page loads only its own files and talks only to the simulator. */
const SECURITY_HEADERS = {
	'Content-Security-Policy':
		"default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
	'X-Content-Type-Options': 'nosniff',
};

const cache = new Map< string, string >();

function load( file: string ): string {
	const cached = cache.get( file );
	if ( cached !== undefined ) {
		return cached;
	}
	const source = readFileSync( join( __dirname, file ), 'utf8' );
	const text = file.endsWith( '.ts' )
		? ts.transpileModule( source, {
				compilerOptions: {
					target: ts.ScriptTarget.ES2020,
					module: ts.ModuleKind.ES2020,
				},
			} ).outputText
		: source;
	cache.set( file, text );
	return text;
}

/**
 * @param method HTTP method.
 * @param path   URL path.
 * @return Whether the path is one of the page's files.
 */
export function isPhonePage( method: string, path: string ): boolean {
	return ( method === 'GET' || method === 'HEAD' ) && path in FILES;
}

/**
 * @param path A path for which `isPhonePage()` is true.
 * @return The file, as a raw reply.
 */
export function phonePage( path: string ): Reply {
	const [ file, contentType ] = FILES[ path ] ?? [
		'index.html',
		'text/html',
	];
	return {
		status: 200,
		body: load( file ),
		raw: true,
		contentType,
		headers: SECURITY_HEADERS,
	};
}
