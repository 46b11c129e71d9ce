/**
 * Translatable strings of the TypeScript sources (assets-src), read with the TypeScript compiler's parser:
 * `__`, `_x`, `_n`, `_nx` from `@wordpress/i18n`, with the `translators:` comment written before the call.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

import ts from 'typescript';

import type { Entry } from './pot';

/** Function → the meaning of its arguments (null: not a string; domain last). */
const FUNCTIONS: Readonly<
	Record< string, Array< keyof Entry | 'domain' | null > >
> = {
	__: [ 'msgid', 'domain' ],
	_x: [ 'msgid', 'msgctxt', 'domain' ],
	_n: [ 'msgid', 'msgid_plural', null, 'domain' ],
	_nx: [ 'msgid', 'msgid_plural', null, 'msgctxt', 'domain' ],
};

export interface Extracted {
	entries: Entry[];
	errors: string[];
}

function calleeName( call: ts.CallExpression ): string {
	const callee = call.expression;
	if ( ts.isIdentifier( callee ) ) {
		return callee.text;
	}
	return ts.isPropertyAccessExpression( callee ) ? callee.name.text : '';
}

function literal( node: ts.Expression | undefined ): string | null {
	return node &&
		( ts.isStringLiteral( node ) ||
			ts.isNoSubstitutionTemplateLiteral( node ) )
		? node.text
		: null;
}

/**
 * The `translators:` comment before the call, or before the statement, JSX attribute or property it is in
 * (the closest wins), as WordPress's own extractors read it.
 *
 * @param source The file.
 * @param call   The gettext call.
 * @return The comment text, or ''.
 */
function translatorComment(
	source: ts.SourceFile,
	call: ts.CallExpression
): string {
	const text = source.getFullText();
	let node: ts.Node | undefined = call;
	while ( node ) {
		const found = (
			ts.getLeadingCommentRanges( text, node.getFullStart() ) ?? []
		)
			.map( ( range ) => text.slice( range.pos, range.end ) )
			.reverse()
			.find( ( comment ) => /translators:/i.test( comment ) );
		if ( found ) {
			return found
				.replace( /^\/\*+|\*+\/$|^\/\//g, '' )
				.replace( /\s*\n\s*\*?\s*/g, ' ' )
				.trim();
		}
		const stop: boolean =
			ts.isStatement( node ) ||
			ts.isJsxAttribute( node ) ||
			ts.isPropertyAssignment( node );
		node = stop ? undefined : node.parent;
	}
	return '';
}

/**
 * @param files   TypeScript files.
 * @param baseDir References are relative to this.
 * @param domain  The text domain every call must use.
 * @return The strings, and the calls that cannot be extracted.
 */
export function extractTs(
	files: string[],
	baseDir: string,
	domain: string
): Extracted {
	const entries: Entry[] = [];
	const errors: string[] = [];
	for ( const file of files ) {
		const source = ts.createSourceFile(
			file,
			readFileSync( file, 'utf8' ),
			ts.ScriptTarget.Latest,
			true,
			file.endsWith( 'x' ) ? ts.ScriptKind.TSX : ts.ScriptKind.TS
		);
		const visit = ( node: ts.Node ): void => {
			if ( ts.isCallExpression( node ) ) {
				const name = calleeName( node );
				// Own keys only: a call such as `x.toString()` must not find Object's prototype.
				const roles = Object.hasOwn( FUNCTIONS, name )
					? FUNCTIONS[ name ]
					: undefined;
				if ( roles ) {
					const line =
						source.getLineAndCharacterOfPosition(
							node.getStart( source )
						).line + 1;
					const where = `${ relative( baseDir, file ) }:${ line }`;
					const entry: Entry = {
						msgid: '',
						references: [ where ],
						comments: translatorComment( source, node ),
					};
					let usable = true;
					roles.forEach( ( role, index ) => {
						if ( role === null ) {
							return;
						}
						const value = literal( node.arguments[ index ] );
						if ( value === null || value === '' ) {
							errors.push(
								`${ where }: ${ calleeName( node ) }() needs a literal ${ role }`
							);
							usable = false;
						} else if ( role === 'domain' ) {
							if ( value !== domain ) {
								errors.push(
									`${ where }: text domain '${ value }', not '${ domain }'`
								);
								usable = false;
							}
						} else if (
							role !== 'references' &&
							role !== 'comments'
						) {
							entry[ role ] = value;
						}
					} );
					if ( usable ) {
						entries.push( entry );
					}
				}
			}
			ts.forEachChild( node, visit );
		};
		visit( source );
	}
	return { entries, errors };
}
