/**
 * `npm run i18n` (run by `npm run build`): writes plugin/languages/pay-via-proxyapi.pot from the PHP and
 * TypeScript sources, then compiles every plugin/languages/pay-via-proxyapi-<locale>.po into the .mo file
 * PHP loads and one JSON file per built script. Exits 1 when a gettext call cannot be extracted (a variable
 * text, or another text domain), so such strings never go unnoticed.
 *
 *   tsx tools/i18n/main.ts [repository root]
 */
import { execFileSync } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';

import { extractTs } from './extract-ts';
import { headerEntries } from './header';
import {
	jedFileName,
	mergeEntries,
	parsePo,
	toJed,
	toMo,
	toPot,
	type Entry,
} from './pot';
import { scriptSources } from './sources';

const DOMAIN = 'pay-via-proxyapi';
const MAIN_FILE = 'pay-via-proxyapi.php';

function typescriptFiles( dir: string ): string[] {
	return readdirSync( dir, { recursive: true, encoding: 'utf8' } )
		.filter(
			( file ) => /\.tsx?$/.test( file ) && ! file.endsWith( '.d.ts' )
		)
		.map( ( file ) => join( dir, file ) )
		.sort();
}

function phpEntries( plugin: string ): Entry[] {
	const targets = [ MAIN_FILE, 'src', 'uninstall.php' ]
		.map( ( target ) => join( plugin, target ) )
		.filter( existsSync );
	const output = execFileSync(
		'php',
		[ join( __dirname, 'extract-php.php' ), DOMAIN, plugin, ...targets ],
		{
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024,
			stdio: [ 'ignore', 'pipe', 'inherit' ],
		}
	);
	return JSON.parse( output ) as Entry[];
}

/**
 * @param root Repository root.
 * @return What was written, for the log.
 */
export function buildTranslations( root: string ): string[] {
	const plugin = join( root, 'plugin' );
	const languages = join( plugin, 'languages' );
	const mainFile = readFileSync( join( plugin, MAIN_FILE ), 'utf8' );
	const ts = extractTs(
		typescriptFiles( join( root, 'assets-src' ) ),
		root,
		DOMAIN
	);
	if ( ts.errors.length ) {
		throw new Error( ts.errors.join( '\n' ) );
	}
	const entries = mergeEntries( [
		...headerEntries( mainFile, MAIN_FILE ),
		...phpEntries( plugin ),
		...ts.entries,
	] );
	const version = /^\s*\*\s*Version:\s*(\S+)/m.exec( mainFile )?.[ 1 ] ?? '';
	mkdirSync( languages, { recursive: true } );
	const written = [ join( languages, `${ DOMAIN }.pot` ) ];
	writeFileSync(
		written[ 0 ] as string,
		toPot( entries, `Pay via ProxyAPI for WooCommerce ${ version }` )
	);

	const scripts = scriptSources( root );
	for ( const file of readdirSync( languages ) ) {
		const locale = new RegExp( `^${ DOMAIN }-(.+)\\.po$` ).exec(
			file
		)?.[ 1 ];
		if ( ! locale ) {
			continue;
		}
		const po = readFileSync( join( languages, file ) );
		const mo = join( languages, `${ DOMAIN }-${ locale }.mo` );
		writeFileSync( mo, toMo( po ) );
		written.push( mo );
		const translations = parsePo( po, locale );
		for ( const [ script, sources ] of scripts ) {
			const jed = toJed( translations, sources );
			if ( jed ) {
				const json = join(
					languages,
					jedFileName( DOMAIN, locale, script )
				);
				writeFileSync( json, JSON.stringify( jed ) );
				written.push( json );
			}
		}
	}
	return written.map( ( file ) => relative( root, file ) );
}

if ( require.main === module ) {
	try {
		const root = process.argv[ 2 ] ?? join( __dirname, '..', '..' );
		for ( const file of buildTranslations( root ) ) {
			process.stdout.write( `i18n: wrote ${ file }\n` );
		}
	} catch ( error ) {
		process.stderr.write( `i18n: ${ ( error as Error ).message }\n` );
		process.exit( 1 );
	}
}
