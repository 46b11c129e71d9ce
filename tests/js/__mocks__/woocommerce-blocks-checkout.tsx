/**
 * Test double for `@woocommerce/blocks-checkout` (window.wc.blocksCheckout at runtime).
 *
 * `ValidatedTextInput` mimics the real component's contract: it validates on mount (error kept hidden),
 * on change (error hidden while typing) and on blur (error shown), by calling `customValidation` after
 * clearing the custom validity, and shows the input's `validationMessage` in a `role="alert"` element.
 * The hidden/visible error is exposed as `data-validation-error` for assertions about the blocked checkout.
 */
import {
	forwardRef,
	useCallback,
	useEffect,
	useImperativeHandle,
	useRef,
	useState,
} from 'react';
import type {
	ValidatedTextInputHandle,
	ValidatedTextInputProps,
} from '@woocommerce/blocks-checkout';

interface ErrorState {
	message: string;
	hidden: boolean;
}

export const ValidatedTextInput = forwardRef<
	ValidatedTextInputHandle,
	ValidatedTextInputProps
>( function ValidatedTextInputMock( props, ref ) {
	const {
		id = 'textinput',
		label,
		value = '',
		onChange,
		customValidation = () => true,
		ariaDescribedBy,
		// The rest of the real component's props are not needed by the tests.
		errorId: _errorId,
		showError: _showError,
		errorMessage: _errorMessage,
		focusOnMount: _focusOnMount,
		validateOnMount: _validateOnMount,
		customFormatter: _customFormatter,
		...inputProps
	} = props;
	const inputRef = useRef< HTMLInputElement >( null );
	const [ error, setError ] = useState< ErrorState | null >( null );

	const validate = useCallback(
		( hidden: boolean ) => {
			const input = inputRef.current;
			if ( input === null ) {
				return;
			}
			input.setCustomValidity( '' );
			if ( input.checkValidity() && customValidation( input ) ) {
				setError( null );
				return;
			}
			setError( { message: input.validationMessage, hidden } );
		},
		[ customValidation ]
	);

	useEffect( () => validate( true ), [ validate, value ] );

	useImperativeHandle(
		ref,
		() => ( {
			input: inputRef.current,
			revalidate: () => validate( false ),
		} ),
		[ validate ]
	);

	const errorVisible = error !== null && ! error.hidden;

	return (
		<div className="wc-block-components-text-input">
			<input
				{ ...inputProps }
				id={ id }
				ref={ inputRef }
				value={ value }
				aria-invalid={ errorVisible }
				aria-describedby={
					errorVisible ? `validate-error-${ id }` : ariaDescribedBy
				}
				data-validation-error={ error === null ? '' : error.message }
				onChange={ ( event ) => {
					setError( ( previous ) =>
						previous ? { ...previous, hidden: true } : previous
					);
					onChange( event.target.value );
				} }
				onBlur={ () => validate( false ) }
			/>
			<label htmlFor={ id }>{ label }</label>
			{ errorVisible && (
				<div
					className="wc-block-components-validation-error"
					role="alert"
				>
					<p id={ `validate-error-${ id }` }>{ error.message }</p>
				</div>
			) }
		</div>
	);
} );
