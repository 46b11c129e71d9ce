/**
 * External dependencies
 */
import {
	useCallback,
	useEffect,
	useMemo,
	useRef,
	useState,
} from '@wordpress/element';

/**
 * Internal dependencies
 */
import type { ShopperPaymentStatus } from '../types/pay-via-proxyapi';
import {
	fetchPaymentStatus,
	PaymentRequestError,
	requestPrompt,
	toRequestError,
	type OrderRef,
} from './api';
import {
	isPollingState,
	nextPollDelay,
	rateLimitedWait,
} from './poll-schedule';
import { announceStatusChange } from './status-changed';

export interface PaymentStatusHandle {
	/** The latest status (null until the first one arrives). */
	status: ShopperPaymentStatus | null;
	/** Why the last request went wrong, for the shopper ('' when it did not). */
	error: string;
	/** Whether a new prompt is being requested. */
	sending: boolean;
	/** Asks for a new prompt, to the last number or to `phone`; resolves to whether it was sent. */
	resend: ( phone?: string ) => Promise< boolean >;
	/** Reads the status once now. */
	refresh: () => Promise< void >;
}

function messageOf( error: unknown ): string {
	return error instanceof PaymentRequestError
		? error.message
		: toRequestError( null ).message;
}

/**
 * The live status of an order's M-Pesa payment: polls while a prompt is out (see poll-schedule.ts), stops
 * on any other state, and fires the `@wordpress/hooks` action whenever the state changes.
 *
 * @param orderId  The order.
 * @param orderKey Its key (from the order-received or order-pay URL).
 * @param initial  The status the page was rendered with, if any.
 * @return The status and the actions.
 */
export function usePaymentStatus(
	orderId: number,
	orderKey: string,
	initial: ShopperPaymentStatus | null
): PaymentStatusHandle {
	const order: OrderRef = useMemo(
		() => ( { orderId, orderKey } ),
		[ orderId, orderKey ]
	);
	const [ status, setStatus ] = useState( initial );
	const [ error, setError ] = useState( '' );
	const [ sending, setSending ] = useState( false );
	// Bumped after a resend so polling restarts at full speed even if it never stopped.
	const [ pollRound, setPollRound ] = useState( 0 );
	const announced = useRef< ShopperPaymentStatus | null >( null );
	const polling = status === null || isPollingState( status.state );

	useEffect( () => {
		if ( status !== null ) {
			announceStatusChange( status, announced.current, orderId );
			announced.current = status;
		}
	}, [ status, orderId ] );

	useEffect( () => {
		if ( ! polling ) {
			return undefined;
		}
		let stopped = false;
		let timer: ReturnType< typeof setTimeout > | undefined;
		let wait = 0;
		const startedAt = Date.now();

		const tick = async (): Promise< void > => {
			try {
				const next = await fetchPaymentStatus( order );
				if ( stopped ) {
					return;
				}
				setError( '' );
				setStatus( next );
				if ( ! isPollingState( next.state ) ) {
					return;
				}
			} catch ( caught ) {
				if (
					stopped ||
					( caught instanceof PaymentRequestError &&
						caught.status === 404 )
				) {
					return;
				}
				if (
					caught instanceof PaymentRequestError &&
					caught.status === 429
				) {
					// Asked too often (e.g. several tabs): nothing the shopper must act on. Keep the last
					// status, wait as long as the store said, then go on.
					schedule( false, rateLimitedWait( caught.availableIn ) );
					return;
				}
				setError( messageOf( caught ) );
			}
			schedule();
		};
		const schedule = ( first = false, notBeforeMs = 0 ): void => {
			const delay = first
				? 0
				: nextPollDelay( Date.now() - startedAt, wait, notBeforeMs );
			if ( delay === null || stopped ) {
				return;
			}
			wait = delay;
			timer = setTimeout( () => void tick(), delay );
		};

		// With a first status from the page, the next look is due after one interval; without, at once.
		schedule( status === null );
		return () => {
			stopped = true;
			clearTimeout( timer );
		};
		// `status` is read only to choose the first delay; polling restarts on `polling` and `pollRound` alone.
		// eslint-disable-next-line react-hooks/exhaustive-deps
	}, [ polling, pollRound, order ] );

	const refresh = useCallback( async (): Promise< void > => {
		try {
			setStatus( await fetchPaymentStatus( order ) );
		} catch ( caught ) {
			setError( messageOf( caught ) );
		}
	}, [ order ] );

	const resend = useCallback(
		async ( phone?: string ): Promise< boolean > => {
			setSending( true );
			setError( '' );
			try {
				setStatus( await requestPrompt( order, phone ) );
				setPollRound( ( round ) => round + 1 );
				return true;
			} catch ( caught ) {
				setError( messageOf( caught ) );
				// The refusal may come with news (a live prompt, a wait): show the store's view of it.
				await refresh();
				return false;
			} finally {
				setSending( false );
			}
		},
		[ order, refresh ]
	);

	return { status, error, sending, resend, refresh };
}
