/**
 * Which source files each built script is made of, so a script's JSON translations hold its own strings only.
 * Entries follow the webpack convention of this repository: build/<name>.js from assets-src/<name>/index.ts(x).
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

import ts from 'typescript';

const EXTENSIONS = [ '.ts', '.tsx', '/index.ts', '/index.tsx' ];

/** The import alias of webpack.config.js and tsconfig.json. */
const ALIAS = '@pay-via-proxyapi/';

function resolveImport(
	from: string,
	specifier: string,
	sourceRoot: string
): string | null {
	let base: string;
	if ( specifier.startsWith( ALIAS ) ) {
		base = join( sourceRoot, specifier.slice( ALIAS.length ) );
	} else if ( specifier.startsWith( '.' ) ) {
		base = resolve( dirname( from ), specifier );
	} else {
		return null; // A package: WordPress or WooCommerce provides it at run time.
	}
	const file = [ '', ...EXTENSIONS ]
		.map( ( extension ) => base + extension )
		.find(
			( candidate ) =>
				existsSync( candidate ) && statSync( candidate ).isFile()
		);
	return file && /\.tsx?$/.test( file ) ? file : null;
}

/**
 * @param entry      Absolute path of an entry's index file.
 * @param sourceRoot Absolute path of assets-src.
 * @return Absolute paths of every TypeScript file the entry imports, itself included.
 */
export function entrySources(
	entry: string,
	sourceRoot: string
): Set< string > {
	const seen = new Set< string >();
	const queue = [ entry ];
	while ( queue.length ) {
		const file = queue.pop() as string;
		if ( seen.has( file ) ) {
			continue;
		}
		seen.add( file );
		for ( const imported of ts.preProcessFile(
			readFileSync( file, 'utf8' ),
			true,
			true
		).importedFiles ) {
			const next = resolveImport( file, imported.fileName, sourceRoot );
			if ( next ) {
				queue.push( next );
			}
		}
	}
	return seen;
}

/**
 * @param root Repository root.
 * @return Built script (plugin-relative, e.g. build/checkout-block.js) → repository-relative source files.
 */
export function scriptSources( root: string ): Map< string, Set< string > > {
	const scripts = new Map< string, Set< string > >();
	const buildDir = join( root, 'build' );
	if ( ! existsSync( buildDir ) ) {
		return scripts;
	}
	const sourceRoot = join( root, 'assets-src' );
	for ( const file of readdirSync( buildDir ).filter( ( name ) =>
		name.endsWith( '.js' )
	) ) {
		const name = file.slice( 0, -3 );
		const entry = [ 'index.tsx', 'index.ts' ]
			.map( ( index ) => join( sourceRoot, name, index ) )
			.find( existsSync );
		if ( entry ) {
			const sources = [ ...entrySources( entry, sourceRoot ) ].map(
				( source ) => relative( root, source )
			);
			scripts.set( `build/${ file }`, new Set( sources ) );
		}
	}
	return scripts;
}
