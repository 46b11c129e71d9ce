/**
 * Entry of the gateway's settings screen: wires the "Verify API key" button and nothing else.
 */
/**
 * Internal dependencies
 */
import { attachVerifyButton } from './verify-key';
import './style.scss';

attachVerifyButton( document );
