/**
 * @jest-environment node
 *
 * The string extractors of tools/i18n: PHP (tokenizer) and TypeScript (compiler API).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { extractTs } from '../../../tools/i18n/extract-ts';

const ROOT = join( __dirname, '..', '..', '..' );
const EXTRACT_PHP = join( ROOT, 'tools', 'i18n', 'extract-php.php' );

function tempFile( name: string, content: string ): string {
	const dir = mkdtempSync( join( tmpdir(), 'pvp-i18n-' ) );
	writeFileSync( join( dir, name ), content );
	return dir;
}

describe( 'extract-php.php', () => {
	const PHP = `<?php
/* translators: %s: the store's currency code. */
$a = sprintf( __( 'Currency %s is not KES.', 'pay-via-proxyapi' ), $c );
esc_html_e( 'It\\'s "quoted"', 'pay-via-proxyapi' );
$b = __( 'No comment here', 'pay-via-proxyapi' );
$c = _x( 'Pay', 'button label', 'pay-via-proxyapi' );
// translators: %d: number of checks.
$d = sprintf( _n( '%d check', '%d checks', $n, 'pay-via-proxyapi' ), $n );
$e = $object->__( 'not the WordPress function', 'x' );
function __unused() {}
`;

	it( 'reads every gettext form with its context, plural and translator comment', () => {
		const dir = tempFile( 'sample.php', PHP );
		const entries = JSON.parse(
			execFileSync(
				'php',
				[ EXTRACT_PHP, 'pay-via-proxyapi', dir, dir ],
				{
					encoding: 'utf8',
				}
			)
		);
		expect( entries ).toEqual( [
			{
				references: [ 'sample.php:3' ],
				msgid: 'Currency %s is not KES.',
				comments: "translators: %s: the store's currency code.",
			},
			{
				references: [ 'sample.php:4' ],
				msgid: 'It\'s "quoted"',
				comments: '',
			},
			{
				references: [ 'sample.php:5' ],
				msgid: 'No comment here',
				comments: '',
			},
			{
				references: [ 'sample.php:6' ],
				msgid: 'Pay',
				msgctxt: 'button label',
				comments: '',
			},
			{
				references: [ 'sample.php:8' ],
				msgid: '%d check',
				msgid_plural: '%d checks',
				comments: 'translators: %d: number of checks.',
			},
		] );
	} );

	it( 'fails on another text domain and on a text that is not a literal', () => {
		const dir = tempFile(
			'bad.php',
			"<?php\n__( 'Wrong', 'woocommerce' );\n__( $text, 'pay-via-proxyapi' );\n"
		);
		const run = spawnSync(
			'php',
			[ EXTRACT_PHP, 'pay-via-proxyapi', dir, dir ],
			{
				encoding: 'utf8',
			}
		);
		expect( run.status ).toBe( 1 );
		expect( run.stderr ).toContain(
			"bad.php:2: __() uses the text domain 'woocommerce'"
		);
		expect( run.stderr ).toContain(
			'bad.php:3: __() needs a literal msgid'
		);
	} );
} );

describe( 'extractTs', () => {
	it( 'reads __, _x and _n calls with translator comments, in JSX too', () => {
		const dir = tempFile(
			'sample.tsx',
			`import { __, _n, _x } from '@wordpress/i18n';
export const A = () => (
	<input
		// translators: shown above the phone field.
		aria-label={ __( 'Phone', 'pay-via-proxyapi' ) }
	/>
);
/* translators: %d: number of prompts. */
export const b = ( n: number ) => _n( '%d prompt', '%d prompts', n, 'pay-via-proxyapi' );
export const c = _x( 'Pay', 'button', 'pay-via-proxyapi' );
export const d = String( 1 ).toString();
`
		);
		const { entries, errors } = extractTs(
			[ join( dir, 'sample.tsx' ) ],
			dir,
			'pay-via-proxyapi'
		);
		expect( errors ).toEqual( [] );
		expect( entries ).toEqual( [
			{
				msgid: 'Phone',
				references: [ 'sample.tsx:5' ],
				comments: 'translators: shown above the phone field.',
			},
			{
				msgid: '%d prompt',
				msgid_plural: '%d prompts',
				references: [ 'sample.tsx:9' ],
				comments: 'translators: %d: number of prompts.',
			},
			{
				msgid: 'Pay',
				msgctxt: 'button',
				references: [ 'sample.tsx:10' ],
				comments: '',
			},
		] );
	} );

	it( 'reports another domain and variable texts', () => {
		const dir = tempFile(
			'bad.ts',
			"__( 'x', 'woocommerce' );\n__( text, 'pay-via-proxyapi' );\n"
		);
		expect(
			extractTs( [ join( dir, 'bad.ts' ) ], dir, 'pay-via-proxyapi' )
				.errors
		).toEqual( [
			"bad.ts:1: text domain 'woocommerce', not 'pay-via-proxyapi'",
			'bad.ts:2: __() needs a literal msgid',
		] );
	} );

	it( 'finds no problem in the plugin sources', () => {
		const run = spawnSync(
			'php',
			[
				EXTRACT_PHP,
				'pay-via-proxyapi',
				join( ROOT, 'plugin' ),
				join( ROOT, 'plugin', 'src' ),
			],
			{ encoding: 'utf8' }
		);
		expect( run.stderr ).toBe( '' );
		expect( run.status ).toBe( 0 );
	} );
} );
