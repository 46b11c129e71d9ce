/**
 * @jest-environment node
 *
 * The .pot, .mo and script JSON files of tools/i18n, and a whole run on a small plugin.
 */
import { createHash } from 'node:crypto';
import {
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildTranslations } from '../../../tools/i18n/main';
import {
	jedFileName,
	mergeEntries,
	parsePo,
	toJed,
	toMo,
	toPot,
} from '../../../tools/i18n/pot';
import { entrySources } from '../../../tools/i18n/sources';

const ROOT = join( __dirname, '..', '..', '..' );

const PO = `msgid ""
msgstr ""
"Language: sw_KE\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

#: assets-src/checkout-block/content.tsx:71
msgid "M-Pesa phone number"
msgstr "Nambari ya simu ya M-Pesa"

#: src/Gateway/Gateway.php:40
msgid "Lipa na M-Pesa (Pay via ProxyAPI)"
msgstr "Lipa kwa M-Pesa (ProxyAPI)"

#: assets-src/checkout-block/content.tsx:80
msgid "Untranslated"
msgstr ""
`;

describe( 'the .pot file', () => {
	it( 'merges duplicates and escapes quotes, backslashes and new lines', () => {
		const entries = mergeEntries( [
			{ msgid: 'Say "hi"\\n', references: [ 'a.php:1' ], comments: '' },
			{
				msgid: 'Say "hi"\\n',
				references: [ 'b.ts:2' ],
				comments: 'translators: x',
			},
			{
				msgid: 'Pay',
				msgctxt: 'button',
				references: [ 'c.ts:3' ],
				comments: '',
			},
			{ msgid: 'Pay', references: [ 'd.ts:4' ], comments: '' },
		] );
		expect( entries ).toHaveLength( 3 );
		const pot = toPot( entries, 'Test 1.0' );
		expect( pot ).toContain(
			'#. translators: x\n#: a.php:1 b.ts:2\nmsgid "Say \\"hi\\"\\\\n"\nmsgstr ""'
		);
		expect( pot ).toContain( 'msgctxt "button"\nmsgid "Pay"' );
		expect( pot ).toContain( '"Project-Id-Version: Test 1.0\\n"' );
		expect( parsePo( pot, 'xx' ).messages.size ).toBe( 0 );
	} );
} );

describe( 'translations from a .po file', () => {
	it( 'puts a script\u2019s own translated strings in its JSON, named as WordPress looks for it', () => {
		const translations = parsePo( PO, 'sw_KE' );
		const jed = toJed(
			translations,
			new Set( [ 'assets-src/checkout-block/content.tsx' ] )
		);
		expect( jed ).toEqual( {
			domain: 'messages',
			generator: 'pay-via-proxyapi tools/i18n',
			locale_data: {
				messages: {
					'': {
						domain: 'messages',
						lang: 'sw_KE',
						'plural-forms': 'nplurals=2; plural=(n != 1);',
					},
					'M-Pesa phone number': [ 'Nambari ya simu ya M-Pesa' ],
				},
			},
		} );
		expect(
			toJed( translations, new Set( [ 'assets-src/other.ts' ] ) )
		).toBeNull();
		expect(
			jedFileName(
				'pay-via-proxyapi',
				'sw_KE',
				'build/checkout-block.js'
			)
		).toBe(
			`pay-via-proxyapi-sw_KE-${ createHash( 'md5' )
				.update( 'build/checkout-block.js' )
				.digest( 'hex' ) }.json`
		);
	} );

	it( 'compiles a .mo file with the translations', () => {
		const mo = toMo( PO );
		expect( mo.readUInt32LE( 0 ) ).toBe( 0x950412de );
		expect(
			mo.includes( Buffer.from( 'Lipa kwa M-Pesa (ProxyAPI)' ) )
		).toBe( true );
	} );
} );

describe( 'script sources', () => {
	it( 'follows relative and aliased imports from an entry', () => {
		const sources = entrySources(
			join( ROOT, 'assets-src', 'checkout-block', 'index.tsx' ),
			join( ROOT, 'assets-src' )
		);
		expect( sources ).toContain(
			join( ROOT, 'assets-src', 'checkout-block', 'content.tsx' )
		);
		expect( sources ).toContain(
			join( ROOT, 'assets-src', 'shared', 'phone.ts' )
		);
	} );
} );

describe( 'buildTranslations', () => {
	it( 'writes the .pot, and the .mo and script JSON of each .po', () => {
		const root = mkdtempSync( join( tmpdir(), 'pvp-i18n-root-' ) );
		mkdirSync( join( root, 'plugin', 'src' ), { recursive: true } );
		mkdirSync( join( root, 'plugin', 'languages' ) );
		mkdirSync( join( root, 'assets-src', 'checkout-block' ), {
			recursive: true,
		} );
		mkdirSync( join( root, 'build' ) );
		writeFileSync(
			join( root, 'plugin', 'pay-via-proxyapi.php' ),
			"<?php\n/**\n * Plugin Name: Test plugin\n * Version: 9.9\n */\n__( 'From PHP', 'pay-via-proxyapi' );\n"
		);
		writeFileSync(
			join( root, 'assets-src', 'checkout-block', 'index.tsx' ),
			"import { label } from './label';\nexport default label;\n"
		);
		writeFileSync(
			join( root, 'assets-src', 'checkout-block', 'label.ts' ),
			"import { __ } from '@wordpress/i18n';\nexport const label = __( 'From TS', 'pay-via-proxyapi' );\n"
		);
		writeFileSync( join( root, 'build', 'checkout-block.js' ), '' );
		writeFileSync(
			join( root, 'plugin', 'languages', 'pay-via-proxyapi-sw_KE.po' ),
			'msgid ""\nmsgstr ""\n"Language: sw_KE\\n"\n\n#: assets-src/checkout-block/label.ts:2\nmsgid "From TS"\nmsgstr "Kutoka TS"\n'
		);
		const written = buildTranslations( root );
		const json = jedFileName(
			'pay-via-proxyapi',
			'sw_KE',
			'build/checkout-block.js'
		);
		expect( written ).toEqual( [
			'plugin/languages/pay-via-proxyapi.pot',
			'plugin/languages/pay-via-proxyapi-sw_KE.mo',
			`plugin/languages/${ json }`,
		] );
		const pot = readFileSync(
			join( root, written[ 0 ] as string ),
			'utf8'
		);
		expect( pot ).toContain( 'msgid "Test plugin"' );
		expect( pot ).toContain(
			'#: pay-via-proxyapi.php:6\nmsgid "From PHP"'
		);
		expect( pot ).toContain(
			'#: assets-src/checkout-block/label.ts:2\nmsgid "From TS"'
		);
		expect(
			readdirSync( join( root, 'plugin', 'languages' ) )
		).toHaveLength( 4 );
		expect(
			JSON.parse(
				readFileSync(
					join( root, 'plugin', 'languages', json ),
					'utf8'
				)
			).locale_data.messages[ 'From TS' ]
		).toEqual( [ 'Kutoka TS' ] );
	} );
} );
