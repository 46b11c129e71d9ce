/**
 * Entry of the Daraja part of the gateway's settings screen: wires "Test connection" and nothing else.
 */
/**
 * Internal dependencies
 */
import { attachTestConnection } from './test-connection';

attachTestConnection( document );
