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

// The script loads in the footer, after the mount point exists.
document
	.querySelectorAll< HTMLElement >( MOUNT_SELECTOR )
	.forEach( ( element ) => {
		const props = readMountPoint( element );
		if ( props !== null ) {
			createRoot( element ).render( <PaymentStatusPanel { ...props } /> );
		}
	} );
