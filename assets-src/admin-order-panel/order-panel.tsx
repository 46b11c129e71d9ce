/**
 * The order screen's M-Pesa panel: receipt, payer, amount paid against the total, the check button, history.
 */

/**
 * External dependencies
 */
import { Button, Notice } from '@wordpress/components';
import { useEffect, useRef } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { NO_VALUE, formatKes, formatMpesaTime } from '../shared/format';
import type { AdminFormatting, OrderPayment } from '../types/pay-via-proxyapi';
import { AttemptHistory } from './attempt-history';
import { FactList } from './fact-list';
import { useOrderPayment } from './use-order-payment';

export interface OrderPanelProps {
	/** The data inlined with the page. */
	initial: OrderPayment;
	formatting: AdminFormatting;
}

/**
 * @param props            The order's payment data and how to format.
 * @param props.initial
 * @param props.formatting
 */
export function OrderPanel( {
	initial,
	formatting,
}: OrderPanelProps ): JSX.Element {
	const { payment, checking, message, checkStatus } =
		useOrderPayment( initial );
	const { locale } = formatting;
	const attemptsHeading = useRef< HTMLHeadingElement >( null );
	const hadButton = useRef( payment.can_reconcile );
	useEffect( () => {
		// A check that leaves nothing to check removes the button, and the keyboard focus it had goes to the
		// page itself; it comes back to the history the check has just updated.
		const heading = attemptsHeading.current;
		const focused = heading?.ownerDocument.activeElement;
		if (
			hadButton.current &&
			! payment.can_reconcile &&
			heading &&
			( ! focused || focused === heading.ownerDocument.body )
		) {
			heading.focus();
		}
		hadButton.current = payment.can_reconcile;
	}, [ payment.can_reconcile ] );
	const payer = [ payment.payer.name, payment.payer.phone ]
		.filter( ( part ) => part !== '' )
		.join( ', ' );
	const facts: Array< [ string, string ] > = [
		[
			__( 'M-Pesa receipt', 'pay-via-proxyapi' ),
			payment.receipt || NO_VALUE,
		],
		[
			__( 'Paid', 'pay-via-proxyapi' ),
			sprintf(
				/* translators: 1: amount paid, 2: amount due (order total rounded up to whole shillings). */
				__( '%1$s of %2$s', 'pay-via-proxyapi' ),
				formatKes( payment.amount_paid, locale ),
				formatKes( payment.total_due, locale )
			),
		],
		[ __( 'Payer', 'pay-via-proxyapi' ), payer || NO_VALUE ],
		[
			__( 'Paid at (M-Pesa time)', 'pay-via-proxyapi' ),
			formatMpesaTime( payment.payer.transaction_time, formatting ),
		],
		[ __( 'Order status', 'pay-via-proxyapi' ), payment.status_label ],
	];

	return (
		<div className="pvp-order-panel__content">
			<FactList facts={ facts } className="pvp-order-panel__facts" />
			{ payment.legacy && (
				<p className="description">
					{ __(
						'Started with Pay via ProxyAPI 2.2.7, which kept only the last request: the history below is rebuilt from it.',
						'pay-via-proxyapi'
					) }
				</p>
			) }
			{ payment.can_reconcile && (
				// aria-disabled, not disabled, while the check runs: a disabled button would drop the keyboard
				// focus; a second press is ignored by checkStatus itself.
				<Button
					variant="secondary"
					onClick={ checkStatus }
					isBusy={ checking }
					aria-disabled={ checking }
				>
					{ __( 'Check status with M-Pesa now', 'pay-via-proxyapi' ) }
				</Button>
			) }
			<div
				role="status"
				aria-live="polite"
				className="pvp-order-panel__message"
			>
				{ message !== null && (
					// This region announces the message; the notice must not speak it a second time.
					<Notice
						status={ message.status }
						isDismissible={ false }
						spokenMessage={ null }
					>
						{ message.text }
					</Notice>
				) }
			</div>
			<h3 ref={ attemptsHeading } tabIndex={ -1 }>
				{ __( 'Payment attempts', 'pay-via-proxyapi' ) }
			</h3>
			<AttemptHistory
				attempts={ payment.attempts }
				formatting={ formatting }
			/>
		</div>
	);
}
