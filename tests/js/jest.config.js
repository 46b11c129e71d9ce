/**
 * Jest configuration for `npm run test:js` (wp-scripts' unit-test preset).
 *
 * Two projects: component and domain tests in jsdom, the simulator's tests in Node.
 * WooCommerce's runtime externals are replaced by the small typed mocks in __mocks__/.
 */
const path = require( 'path' );
const defaultConfig = require( '@wordpress/scripts/config/jest-unit.config' );

const { reporters, ...projectDefaults } = defaultConfig;

const shared = {
	...projectDefaults,
	rootDir: path.resolve( __dirname, '../..' ),
	moduleNameMapper: {
		'^@woocommerce/blocks-registry$':
			'<rootDir>/tests/js/__mocks__/woocommerce-blocks-registry.ts',
		'^@woocommerce/settings$':
			'<rootDir>/tests/js/__mocks__/woocommerce-settings.ts',
		'^@woocommerce/blocks-checkout$':
			'<rootDir>/tests/js/__mocks__/woocommerce-blocks-checkout.tsx',
		'^@pay-via-proxyapi/(.*)$': '<rootDir>/assets-src/$1',
	},
	testPathIgnorePatterns: [
		'/node_modules/',
		'<rootDir>/build/',
		'<rootDir>/vendor/',
	],
};

module.exports = {
	reporters,
	// Component tests type with userEvent; on a loaded 2-core CI machine 5 s is too tight to mean "hung".
	testTimeout: 30_000,
	projects: [
		{
			...shared,
			displayName: 'dom',
			testEnvironment: 'jsdom',
			testMatch: [ '<rootDir>/tests/js/**/*.test.[jt]s?(x)' ],
			testPathIgnorePatterns: [
				...shared.testPathIgnorePatterns,
				'<rootDir>/tests/js/simulator/',
			],
			setupFilesAfterEnv: [ '<rootDir>/tests/js/setup.ts' ],
			testTimeout: 30_000,
		},
		{
			...shared,
			displayName: 'node',
			testEnvironment: 'node',
			testMatch: [ '<rootDir>/tests/js/simulator/**/*.test.[jt]s?(x)' ],
			moduleNameMapper: {
				...shared.moduleNameMapper,
				// Node-style ESM sources import siblings as "./x.js"; resolve them to the .ts file.
				'^(\\.{1,2}/.*)\\.js$': '$1',
			},
		},
	],
};
