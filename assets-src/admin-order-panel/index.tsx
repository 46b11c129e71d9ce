/**
 * Entry of the admin-order-panel script: mounts the M-Pesa panel into the order screen's meta box.
 */

/**
 * External dependencies
 */
import { createRoot } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { OrderPanel } from './order-panel';
import { readOrderPanelData } from './screen-data';
import './style.scss';

const data = readOrderPanelData(
	( window as unknown as { pvpOrderPanelData?: unknown } ).pvpOrderPanelData
);
const root = document.getElementById( data.rootId );
if ( root ) {
	createRoot( root ).render(
		<OrderPanel initial={ data.payment } formatting={ data } />
	);
}
