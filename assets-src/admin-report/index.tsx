/**
 * Entry of the admin-report script: mounts the M-Pesa report into the tab's root element.
 */

/**
 * External dependencies
 */
import { createRoot } from '@wordpress/element';

/**
 * Internal dependencies
 */
import { ReportPage } from './report-page';
import { readReportData } from './screen-data';
import './style.scss';

const data = readReportData(
	( window as unknown as { pvpReportData?: unknown } ).pvpReportData
);
const root = document.getElementById( data.rootId );
if ( root ) {
	createRoot( root ).render( <ReportPage data={ data } /> );
}
