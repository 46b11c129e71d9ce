/**
 * External dependencies
 */
import { registerPaymentMethod } from '@woocommerce/blocks-registry';

/**
 * Internal dependencies
 */
import { createPaymentMethod } from './payment-method';
import { getPvpData } from './settings';
import './style.scss';

registerPaymentMethod( createPaymentMethod( getPvpData() ) );
