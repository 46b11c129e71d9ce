/**
 * ESLint flat config: wp-scripts' defaults plus WordPress's i18n rules, with our text domain enforced
 * so that every `__()` call lands in the plugin's translation file.
 */
const defaultConfig = require( '@wordpress/scripts/config/eslint.config.cjs' );

module.exports = [
	// Generated output and test artifacts (traces hold third-party scripts) are not ours to lint.
	{
		ignores: [
			'artifacts/**',
			'build/**',
			'dist/**',
			'vendor/**',
			'plugin/build/**',
		],
	},
	...defaultConfig,
	{
		// The `@wordpress` plugin is registered by the default config; these are its i18n rules.
		rules: {
			'@wordpress/valid-sprintf': 'error',
			'@wordpress/i18n-translator-comments': 'error',
			'@wordpress/i18n-text-domain': [
				'error',
				{ allowedTextDomain: 'pay-via-proxyapi' },
			],
			'@wordpress/i18n-no-collapsible-whitespace': 'error',
			'@wordpress/i18n-no-placeholders-only': 'error',
			'@wordpress/i18n-no-variables': 'error',
			'@wordpress/i18n-ellipsis': 'error',
			'@wordpress/i18n-no-flanking-whitespace': 'error',
			'@wordpress/i18n-hyphenated-range': 'error',
		},
	},
	{
		rules: {
			// Jest reads a per-file `@jest-environment` docblock; it is not a JSDoc typo.
			'jsdoc/check-tag-names': [
				'error',
				{ definedTags: [ 'jest-environment' ] },
			],
		},
	},
];
