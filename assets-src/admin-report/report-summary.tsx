/**
 * The period's figures: paid orders and their KES total, failed, waiting, underpaid, success rate.
 */

/**
 * External dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { NO_VALUE, formatKes } from '../shared/format';
import type { ReportSummary as Summary } from '../types/pay-via-proxyapi';

export interface ReportSummaryProps {
	summary: Summary;
	locale: string;
}

/**
 * @param props         The figures and the display locale.
 * @param props.summary
 * @param props.locale
 */
export function ReportSummary( {
	summary,
	locale,
}: ReportSummaryProps ): JSX.Element {
	const number = new Intl.NumberFormat( locale );
	const rate =
		summary.success_rate === null
			? NO_VALUE
			: new Intl.NumberFormat( locale, {
					style: 'percent',
					maximumFractionDigits: 1,
				} ).format( summary.success_rate );
	const figures: Array< [ string, string ] > = [
		[
			__( 'Paid orders', 'pay-via-proxyapi' ),
			`${ number.format( summary.paid_orders ) } (${ formatKes(
				summary.paid_amount,
				locale
			) })`,
		],
		[
			__( 'Failed orders', 'pay-via-proxyapi' ),
			number.format( summary.failed_orders ),
		],
		[
			__( 'Unpaid, waiting for a result', 'pay-via-proxyapi' ),
			number.format( summary.awaiting_orders ),
		],
		[
			__( 'Underpaid, on hold', 'pay-via-proxyapi' ),
			number.format( summary.underpaid_orders ),
		],
		[ __( 'Success rate', 'pay-via-proxyapi' ), rate ],
	];
	return (
		<div className="pvp-report-summary">
			<dl className="pvp-report-summary__figures">
				{ figures.map( ( [ term, value ] ) => (
					<div className="pvp-report-summary__figure" key={ term }>
						<dt>{ term }</dt>
						<dd>{ value }</dd>
					</div>
				) ) }
			</dl>
			<p className="description">
				{ __(
					'Orders are counted once each, by the date of their payment attempts: an order paid on a second try is one paid order. The success rate is paid orders out of orders that have a result.',
					'pay-via-proxyapi'
				) }
			</p>
		</div>
	);
}
