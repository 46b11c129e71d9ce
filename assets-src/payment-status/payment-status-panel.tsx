/**
 * External dependencies
 */
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ShopperPaymentStatus } from '../types/pay-via-proxyapi';
import { ResendActions } from './resend-actions';
import { statusText } from './status-text';
import { usePaymentStatus } from './use-payment-status';

export interface PaymentStatusPanelProps {
	orderId: number;
	orderKey: string;
	/** The status the page was rendered with (null: fetch it first). */
	initial: ShopperPaymentStatus | null;
	/** Offer "Resend the prompt" / "Use another number" (not on order-pay, whose form is the retry). */
	allowResend: boolean;
}

/**
 * The live status of this order's M-Pesa payment. The state and its explanation sit in a polite live
 * region, so screen readers hear each change without losing their place; errors are alerts.
 *
 * @param props             The panel props.
 * @param props.orderId     The order.
 * @param props.orderKey    Its key.
 * @param props.initial     The first status, if the page had one.
 * @param props.allowResend Whether to offer a new prompt.
 */
export function PaymentStatusPanel( {
	orderId,
	orderKey,
	initial,
	allowResend,
}: PaymentStatusPanelProps ): JSX.Element {
	const { status, error, sending, resend, refresh } = usePaymentStatus(
		orderId,
		orderKey,
		initial
	);
	const text = status !== null ? statusText( status ) : null;

	return (
		<section
			className={ `pvp-payment-status__panel is-${
				status?.state ?? 'loading'
			}` }
			aria-labelledby="pvp-payment-status-title"
		>
			<h2
				id="pvp-payment-status-title"
				className="pvp-payment-status__title"
			>
				{ __( 'M-Pesa payment', 'pay-via-proxyapi' ) }
			</h2>
			<div
				className="pvp-payment-status__live"
				role="status"
				aria-live="polite"
				aria-atomic="true"
			>
				{ text !== null ? (
					<>
						<p className="pvp-payment-status__heading">
							{ text.heading }
						</p>
						<p className="pvp-payment-status__detail">
							{ text.detail }
						</p>
					</>
				) : (
					<p className="pvp-payment-status__heading">
						{ __(
							'Checking your M-Pesa payment…',
							'pay-via-proxyapi'
						) }
					</p>
				) }
			</div>
			{ error !== '' && (
				<p className="pvp-payment-status__error" role="alert">
					{ error }
				</p>
			) }
			{ allowResend && status !== null && (
				<ResendActions
					status={ status }
					sending={ sending }
					onResend={ resend }
					onWaitOver={ refresh }
				/>
			) }
		</section>
	);
}
