<?php
/**
 * Constants the plugin's main file defines, declared for static analysis of files that use them.
 *
 * @package PayViaProxyApi
 */

const PVP_PLUGIN_VERSION = '0.0.0';
const PVP_PLUGIN_FILE    = __FILE__;
