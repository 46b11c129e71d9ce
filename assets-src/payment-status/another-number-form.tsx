/**
 * External dependencies
 */
import { useRef, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';

/**
 * Internal dependencies
 */
import { invalidPhoneMessage } from '../checkout-block/messages';
import { normaliseMpesaPhone } from '../shared/phone';

/** DOM ids: there is one panel per page. */
export const ANOTHER_PHONE_INPUT_ID = 'pvp-payment-status-phone';
const HELP_ID = 'pvp-payment-status-phone-help';
const ERROR_ID = 'pvp-payment-status-phone-error';

export interface AnotherNumberFormProps {
	/** Whether a prompt is being requested (the submit button waits). */
	sending: boolean;
	/** Called with the normalised number (2547XXXXXXXX / 2541XXXXXXXX). */
	onSubmit: ( msisdn: string ) => void;
	onCancel: () => void;
}

/**
 * "Use another number": the same phone rules as the checkout (shared/phone.ts), checked before anything is sent.
 *
 * @param props          The form props.
 * @param props.sending  Whether a prompt is being requested.
 * @param props.onSubmit Called with the normalised number.
 * @param props.onCancel Called to close the form.
 */
export function AnotherNumberForm( {
	sending,
	onSubmit,
	onCancel,
}: AnotherNumberFormProps ): JSX.Element {
	const [ value, setValue ] = useState( '' );
	const [ error, setError ] = useState( '' );
	const input = useRef< HTMLInputElement >( null );

	const submit = ( event: { preventDefault: () => void } ): void => {
		event.preventDefault();
		const msisdn = normaliseMpesaPhone( value );
		if ( msisdn === null ) {
			setError( invalidPhoneMessage() );
			input.current?.focus();
			return;
		}
		setError( '' );
		onSubmit( msisdn );
	};

	return (
		<form
			className="pvp-payment-status__another"
			onSubmit={ submit }
			noValidate
		>
			<label htmlFor={ ANOTHER_PHONE_INPUT_ID }>
				{ __( 'M-Pesa phone number', 'pay-via-proxyapi' ) }
			</label>
			<input
				ref={ input }
				id={ ANOTHER_PHONE_INPUT_ID }
				className="input-text"
				type="tel"
				autoComplete="tel"
				inputMode="tel"
				aria-required="true"
				aria-invalid={ error !== '' ? 'true' : undefined }
				aria-describedby={ error !== '' ? ERROR_ID : HELP_ID }
				value={ value }
				onChange={ ( event ) => {
					setValue( event.target.value );
					setError( '' );
				} }
			/>
			{ error !== '' ? (
				<p
					id={ ERROR_ID }
					className="pvp-payment-status__field-error"
					role="alert"
				>
					{ error }
				</p>
			) : (
				<p id={ HELP_ID } className="pvp-payment-status__help">
					{ __(
						'The number that gets the M-Pesa prompt, e.g. 0712 345 678',
						'pay-via-proxyapi'
					) }
				</p>
			) }
			<div className="pvp-payment-status__buttons">
				<button
					type="submit"
					className="button wp-element-button"
					disabled={ sending }
				>
					{ __( 'Send the prompt', 'pay-via-proxyapi' ) }
				</button>
				<button
					type="button"
					className="button wp-element-button is-secondary"
					onClick={ onCancel }
				>
					{ __( 'Cancel', 'pay-via-proxyapi' ) }
				</button>
			</div>
		</form>
	);
}
