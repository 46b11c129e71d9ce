/**
 * Stand-ins for the few `@wordpress/components` the admin screens use.
 *
 * The package is a WordPress-provided external at run time (never bundled), and its Jest build pulls ESM-only
 * dependencies this Jest setup does not transform; these keep the same accessible markup (labels tied to
 * their controls, real buttons, notice classes) so the tests check our components, not WordPress's.
 */

/**
 * External dependencies
 */
import type { ReactNode } from 'react';
import { useId } from 'react';

interface ButtonProps {
	children?: ReactNode;
	onClick?: () => void;
	type?: 'button' | 'submit';
	variant?: string;
	disabled?: boolean;
	isBusy?: boolean;
	'aria-disabled'?: boolean;
}

export function Button( {
	children,
	onClick,
	type = 'button',
	variant,
	disabled,
	isBusy,
	'aria-disabled': ariaDisabled,
}: ButtonProps ): JSX.Element {
	return (
		<button
			type={ type }
			className={ `components-button is-${ variant ?? 'default' }${
				isBusy ? ' is-busy' : ''
			}` }
			disabled={ disabled }
			aria-disabled={ ariaDisabled }
			onClick={ onClick }
		>
			{ children }
		</button>
	);
}

export function Notice( {
	children,
	status = 'info',
	className = '',
}: {
	children?: ReactNode;
	status?: string;
	className?: string;
	isDismissible?: boolean;
	spokenMessage?: ReactNode;
} ): JSX.Element {
	return (
		<div className={ `components-notice is-${ status } ${ className }` }>
			{ children }
		</div>
	);
}

export function Spinner(): JSX.Element {
	return <span className="components-spinner" />;
}

interface FieldProps {
	label: string;
	help?: string;
}

/**
 * A label tied to its control, and the help text the control is described by, as BaseControl renders them.
 *
 * @param props          Label, help, and the control, given the id and describedby to use.
 * @param props.label
 * @param props.help
 * @param props.children
 */
function Field( {
	label,
	help,
	children,
}: FieldProps & {
	children: ( id: string, describedBy?: string ) => JSX.Element;
} ): JSX.Element {
	const id = useId();
	return (
		<div>
			<label htmlFor={ id }>{ label }</label>
			{ children( id, help ? `${ id }-help` : undefined ) }
			{ help && <p id={ `${ id }-help` }>{ help }</p> }
		</div>
	);
}

export function SelectControl( {
	label,
	value,
	options,
	onChange,
}: FieldProps & {
	value: string;
	options: Array< { value: string; label: string } >;
	onChange: ( value: string ) => void;
} ): JSX.Element {
	return (
		<Field label={ label }>
			{ ( id ) => (
				<select
					id={ id }
					value={ value }
					onChange={ ( event ) => onChange( event.target.value ) }
				>
					{ options.map( ( option ) => (
						<option key={ option.value } value={ option.value }>
							{ option.label }
						</option>
					) ) }
				</select>
			) }
		</Field>
	);
}

export function TextControl( {
	label,
	help,
	value,
	type = 'text',
	maxLength,
	onChange,
}: FieldProps & {
	value: string;
	type?: string;
	maxLength?: number;
	onChange: ( value: string ) => void;
} ): JSX.Element {
	return (
		<Field label={ label } help={ help }>
			{ ( id, describedBy ) => (
				<input
					id={ id }
					type={ type }
					value={ value }
					maxLength={ maxLength }
					aria-describedby={ describedBy }
					onChange={ ( event ) => onChange( event.target.value ) }
				/>
			) }
		</Field>
	);
}
