/**
 * Mounts the live M-Pesa status panel where PHP printed its mount point (order-received, order-pay).
 */

/**
 * External dependencies
 */
import { createRoot } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { MOUNT_SELECTOR, readMountPoint } from './mount-point';
import { PaymentStatusPanel } from './payment-status-panel';
import './style.scss';

function mountAll(): void {
	document
		.querySelectorAll< HTMLElement >( MOUNT_SELECTOR )
		.forEach( ( element ) => {
			const props = readMountPoint( element );
			if ( props !== null ) {
				createRoot( element ).render(
					<PaymentStatusPanel { ...props } />
				);
			}
		} );
}

// Once the whole page has loaded, so listeners that scripts after this one add with @wordpress/hooks hear
// the first status too.
if ( document.readyState === 'loading' ) {
	document.addEventListener( 'DOMContentLoaded', mountAll );
} else {
	mountAll();
}
