/**
 * Webpack configuration: wp-scripts' defaults with our entries and WooCommerce's dependency extraction.
 *
 * Every `@wordpress/*`, `@woocommerce/*` and React import becomes a script dependency in
 * build/<entry>.asset.php (read by PHP `ScriptAsset`) instead of being bundled.
 */
const path = require( 'path' );
const defaultConfig = require( '@wordpress/scripts/config/webpack.config' );
const WooCommerceDependencyExtractionWebpackPlugin = require( '@woocommerce/dependency-extraction-webpack-plugin' );

const source = ( file ) => path.resolve( __dirname, 'assets-src', file );

module.exports = {
	...defaultConfig,
	// One entry per screen; each becomes the script handle `pay-via-proxyapi-<entry>`.
	entry: {
		'checkout-block': source( 'checkout-block/index.tsx' ),
		'payment-status': source( 'payment-status/index.tsx' ),
		'admin-settings': source( 'admin-settings/index.ts' ),
		'daraja-settings': source( 'daraja-settings/index.ts' ),
		'admin-report': source( 'admin-report/index.tsx' ),
		'admin-order-panel': source( 'admin-order-panel/index.tsx' ),
	},
	output: {
		...defaultConfig.output,
		path: path.resolve( __dirname, 'build' ),
	},
	resolve: {
		...defaultConfig.resolve,
		alias: {
			...defaultConfig.resolve.alias,
			// Same alias as tsconfig.json "paths" and the Jest moduleNameMapper.
			'@pay-via-proxyapi': path.resolve( __dirname, 'assets-src' ),
		},
	},
	optimization: {
		...defaultConfig.optimization,
		// wp-scripts splits `style.scss` into `style-<entry>.css` for blocks; we want `<entry>.css`.
		splitChunks: { cacheGroups: { default: false } },
	},
	plugins: [
		...defaultConfig.plugins.filter(
			( plugin ) =>
				plugin.constructor.name !== 'DependencyExtractionWebpackPlugin'
		),
		new WooCommerceDependencyExtractionWebpackPlugin( {
			// WordPress only ships `react-jsx-runtime` from 6.6; bundle the tiny JSX runtime instead so the
			// scripts also run on WordPress 6.5 (it still uses the page's React through the `react` external).
			requestToExternal: ( request ) =>
				request === 'react/jsx-runtime' ? false : undefined,
		} ),
	],
};
