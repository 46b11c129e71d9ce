/**
 * External dependencies
 */
import { useCallback, useState } from '@wordpress/element';
import { __ } from '@wordpress/i18n';
import { decodeEntities } from '@wordpress/html-entities';
import { ValidatedTextInput } from '@woocommerce/blocks-checkout';
import type { PaymentMethodProps } from '@woocommerce/blocks-registry';

/**
 * Internal dependencies
 */
import { PHONE_HELP_ID, PHONE_INPUT_ID } from '../shared/constants';
import { normaliseMpesaPhone } from '../shared/phone';
import { invalidPhoneMessage } from './messages';
import { usePaymentSetup } from './use-payment-setup';

export interface ContentProps extends PaymentMethodProps {
	/** Plain-text description from the server. */
	description: string;
}

/**
 * Validation hook for `ValidatedTextInput`: a false return stores the message in `wc/store/validation`,
 * which blocks "Place order" and shows the message under the field.
 *
 * @param input The phone input element.
 * @return Whether the number is usable.
 */
function validatePhoneInput( input: HTMLInputElement ): boolean {
	if ( normaliseMpesaPhone( input.value ) !== null ) {
		return true;
	}
	input.setCustomValidity( invalidPhoneMessage() );
	return false;
}

/**
 * What the shopper sees when M-Pesa is selected: the description and the M-Pesa phone field.
 *
 * @param props Payment-method props from WooCommerce plus the description.
 */
export function Content( props: ContentProps ): JSX.Element {
	const { description, billing, eventRegistration, emitResponse } = props;
	const billingPhone = billing.billingAddress.phone ?? '';

	// Until the shopper types in the field it mirrors the billing phone, including later changes to it.
	const [ typedPhone, setTypedPhone ] = useState< string | null >( null );
	const phone = typedPhone ?? billingPhone;
	const onChange = useCallback(
		( value: string ) => setTypedPhone( value ),
		[]
	);

	usePaymentSetup( { eventRegistration, emitResponse, phone } );

	return (
		<div className="pvp-content">
			{ description !== '' && (
				<p className="pvp-content__description">
					{ decodeEntities( description ) }
				</p>
			) }
			<ValidatedTextInput
				id={ PHONE_INPUT_ID }
				className="pvp-content__phone"
				type="tel"
				autoComplete="tel"
				inputMode="tel"
				aria-required="true"
				label={ __( 'M-Pesa phone number', 'pay-via-proxyapi' ) }
				value={ phone }
				onChange={ onChange }
				customValidation={ validatePhoneInput }
				ariaDescribedBy={ PHONE_HELP_ID }
			/>
			<p id={ PHONE_HELP_ID } className="pvp-content__help">
				{ __(
					'The number that gets the M-Pesa prompt, e.g. 0712 345 678',
					'pay-via-proxyapi'
				) }
			</p>
		</div>
	);
}
