<?php
/**
 * Constants the plugin's main file defines, declared for static analysis of files that use them.
 *
 * @package PayViaProxyApi
 */

const PVP_PLUGIN_VERSION = '0.0.0';
const PVP_PLUGIN_FILE    = __FILE__;

// WordPress's own runtime constants that code may read (the stubs declare functions and classes only).
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', '/' );
}
