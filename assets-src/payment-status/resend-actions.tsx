/**
 * External dependencies
 */
import { useEffect, useState } from '@wordpress/element';
import { __, _n, sprintf } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import type { ShopperPaymentStatus } from '../types/pay-via-proxyapi';
import { AnotherNumberForm } from './another-number-form';
import { useSecondsLeft } from './use-seconds-left';

export interface ResendActionsProps {
	status: ShopperPaymentStatus;
	sending: boolean;
	/** Asks for a new prompt (to `phone`, else the last number); resolves to whether it went. */
	onResend: ( phone?: string ) => Promise< boolean >;
	/** Called once a wait is over, to learn from the store whether a resend is allowed now. */
	onWaitOver: () => void;
}

/**
 * @param reason  Why the shopper must wait.
 * @param seconds Seconds left.
 * @return The sentence, translated.
 */
function waitText( reason: string, seconds: number ): string {
	if ( reason === 'too_many' ) {
		const minutes = Math.max( 1, Math.ceil( seconds / 60 ) );
		return sprintf(
			/* translators: %d: minutes. */
			_n(
				'You have asked for several prompts in a short time. You can ask for another in %d minute.',
				'You have asked for several prompts in a short time. You can ask for another in %d minutes.',
				minutes,
				'pay-via-proxyapi'
			),
			minutes
		);
	}
	return sprintf(
		/* translators: %d: seconds. */
		_n(
			'No prompt on your phone? You can ask for a new one in %d second.',
			'No prompt on your phone? You can ask for a new one in %d seconds.',
			seconds,
			'pay-via-proxyapi'
		),
		seconds
	);
}

/**
 * "Resend the prompt" and "Use another number", offered only when the store allows a new prompt;
 * otherwise how long to wait.
 *
 * @param props            The props.
 * @param props.status     The latest status.
 * @param props.sending    Whether a prompt is being requested.
 * @param props.onResend   Asks for a new prompt.
 * @param props.onWaitOver Called once a wait is over.
 */
export function ResendActions( {
	status,
	sending,
	onResend,
	onWaitOver,
}: ResendActionsProps ): JSX.Element | null {
	const { allowed, reason, availableIn } = status.resend;
	const secondsLeft = useSecondsLeft( availableIn, status );
	const [ choosingNumber, setChoosingNumber ] = useState( false );
	const waitIsOver = ! allowed && secondsLeft === 0;

	useEffect( () => {
		if ( waitIsOver ) {
			onWaitOver();
		}
	}, [ waitIsOver, onWaitOver ] );

	if ( reason === 'not_payable' || status.state === 'paid' ) {
		return null;
	}
	if ( ! allowed ) {
		return secondsLeft !== null && secondsLeft > 0 ? (
			<p className="pvp-payment-status__wait">
				{ waitText( reason, secondsLeft ) }
			</p>
		) : null;
	}
	if ( choosingNumber ) {
		return (
			<AnotherNumberForm
				sending={ sending }
				onSubmit={ ( msisdn ) => {
					void onResend( msisdn ).then(
						( sent ) => sent && setChoosingNumber( false )
					);
				} }
				onCancel={ () => setChoosingNumber( false ) }
			/>
		);
	}
	return (
		<div className="pvp-payment-status__buttons">
			<button
				type="button"
				className="button wp-element-button"
				disabled={ sending }
				onClick={ () => void onResend() }
			>
				{ __( 'Resend the prompt', 'pay-via-proxyapi' ) }
			</button>
			<button
				type="button"
				className="button wp-element-button is-secondary"
				disabled={ sending }
				onClick={ () => setChoosingNumber( true ) }
			>
				{ __( 'Use another number', 'pay-via-proxyapi' ) }
			</button>
		</div>
	);
}
