<?php
/**
 * Starts an M-Pesa payment for an order: one attempt, one STK push.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Payment;

use PayViaProxyApi\Logging\Logger;
use PayViaProxyApi\Order\OrderLock;
use PayViaProxyApi\Order\OrderMeta;
use PayViaProxyApi\Provider\PaymentProvider;
use PayViaProxyApi\Provider\ProviderException;
use PayViaProxyApi\Provider\StkPushAccepted;
use PayViaProxyApi\Provider\StkPushRequest;
use PayViaProxyApi\Settings\Settings;

/**
 * The attempt is written to the order before the request leaves, so a crash mid-request leaves a trace
 * that reconciliation can follow; nothing about a payment is ever only in memory.
 */
final class PaymentService {

	/**
	 * @param Settings        $settings  Gateway settings.
	 * @param \Closure        $providers Returns the PaymentProvider to use now (settings may have changed).
	 * @param OrderMeta       $meta      Order meta owner.
	 * @param OrderLock       $lock      Per-order lock shared with callbacks.
	 * @param CallbackAddress $address   Callback URL builder.
	 * @param Logger          $logger    Redacting logger.
	 */
	public function __construct(
		private Settings $settings,
		private \Closure $providers,
		private OrderMeta $meta,
		private OrderLock $lock,
		private CallbackAddress $address,
		private Logger $logger
	) {
	}

	/**
	 * @param \WC_Order $order       Order to pay.
	 * @param string    $phone_input What the shopper typed.
	 * @return Attempt The accepted attempt.
	 * @throws PaymentError With a message for the shopper when no prompt could be sent.
	 */
	public function start( \WC_Order $order, string $phone_input ): Attempt {
		$phone      = self::phone( $phone_input );
		$amount     = $this->amount( $order );
		$request_id = $this->request_id( $order );
		$token      = CallbackToken::mint( $this->settings->callback_secret(), $order->get_id(), $request_id );
		$request    = new StkPushRequest( $request_id, $phone->msisdn(), $amount->shillings(), (string) $order->get_order_number(), $this->callback_url( $order, $token ), self::origin() );

		$attempt = new Attempt( $request_id, CallbackToken::hash( $token ), $phone->msisdn(), $amount->shillings(), time() );
		$this->meta->save_attempt( $order, $attempt );
		$order->save();

		try {
			/** @var PaymentProvider $provider */
			$provider = ( $this->providers )();
			$accepted = $provider->start_stk_push( $request );
		} catch ( ProviderException $e ) {
			$this->record_refusal( $order, $attempt, $e );
			throw new PaymentError( self::shopper_message( $e ) );
		}

		$attempt = $this->record_acceptance( $order, $attempt, $accepted, $phone, $amount );
		/**
		 * Fires when the M-Pesa prompt is on its way to the shopper's phone.
		 *
		 * @since 2.0.0 (Pay via ProxyAPI)
		 * @param int    $order_id            Order id.
		 * @param string $request_id          Our RequestID for the attempt.
		 * @param string $merchant_request_id MerchantRequestID.
		 * @param string $checkout_request_id CheckoutRequestID.
		 */
		do_action( 'proxyapi_pvp_payment_pending', $order->get_id(), $request_id, $accepted->merchant_request_id, $accepted->checkout_request_id );
		return $attempt;
	}

	/**
	 * @param string $input What the shopper typed.
	 * @return PhoneNumber
	 * @throws PaymentError When it is not a Safaricom number.
	 */
	public static function phone( string $input ): PhoneNumber {
		$phone = PhoneNumber::parse( $input );
		if ( null === $phone ) {
			throw new PaymentError( __( 'Enter a Safaricom M-Pesa number, e.g. 0712 345 678.', 'pay-via-proxyapi' ) );
		}
		return $phone;
	}

	/**
	 * A fresh RequestID, or the site's own through the filter 2.2.7 documented (but never applied), when it
	 * is safe to send and no attempt on any order used it: ProxyAPI refuses or de-duplicates reused ids.
	 *
	 * @param \WC_Order $order Order.
	 * @return string RequestID for the new attempt.
	 */
	private function request_id( \WC_Order $order ): string {
		$generated = RequestId::generate();
		/**
		 * Lets a site supply its own RequestID (ProxyAPI's key against double transactions) for a new attempt.
		 * The value must be 8 to 40 letters, digits, "-" or "_", and unique across all orders' attempts;
		 * otherwise the generated one is used and the plugin's log says why.
		 *
		 * @since 2.2.7 (documented by Pay via ProxyAPI; applied since 3.0.0)
		 * @param string $request_id The generated RequestID.
		 * @param int    $order_id   Order being paid.
		 */
		$filtered = apply_filters( 'proxyapi_pvp_get_request_id_filter', $generated, $order->get_id() );
		if ( $filtered === $generated ) {
			// Random over 33^15 values: a collision is not worth a query.
			return $generated;
		}
		$problem = match ( true ) {
			! is_string( $filtered ) || ! RequestId::is_valid( $filtered ) => 'it is not 8 to 40 letters, digits, "-" or "_"',
			$this->meta->request_id_in_use( $filtered ) => 'another payment attempt already used it',
			default => '',
		};
		if ( '' === $problem ) {
			return $filtered;
		}
		$this->logger->warning( 'RequestID from proxyapi_pvp_get_request_id_filter not used: ' . $problem . '; a generated one is sent instead.', array( 'order_id' => $order->get_id() ) );
		return $generated;
	}

	/**
	 * @param \WC_Order $order Order.
	 * @return Amount Whole shillings to charge.
	 * @throws PaymentError When M-Pesa cannot take this order's total.
	 */
	private function amount( \WC_Order $order ): Amount {
		if ( 'KES' !== $order->get_currency() ) {
			throw new PaymentError( __( 'M-Pesa can only take payments in Kenyan shillings (KES).', 'pay-via-proxyapi' ) );
		}
		$amount = Amount::from_order_total( (string) $order->get_total( 'edit' ) );
		if ( ! $amount->is_within_mpesa_limits() ) {
			/* translators: 1: smallest amount, 2: largest amount, both in KES. */
			throw new PaymentError( sprintf( __( 'M-Pesa takes payments from KES %1$s to KES %2$s. Please choose another payment method.', 'pay-via-proxyapi' ), number_format_i18n( Amount::MINIMUM ), number_format_i18n( Amount::MAXIMUM ) ) );
		}
		return $amount;
	}

	/**
	 * @param \WC_Order $order Order.
	 * @param string    $token Attempt token.
	 * @return string Callback URL.
	 * @throws PaymentError When the site is not on HTTPS outside local development.
	 */
	private function callback_url( \WC_Order $order, string $token ): string {
		$url = $this->address->url( $order->get_id(), $token );
		if ( ! str_starts_with( $url, 'https://' ) && ! $this->settings->allows_plain_http() ) {
			$this->logger->error( 'Payment refused: the store is not on HTTPS, so M-Pesa results cannot be received safely.' );
			throw new PaymentError( __( 'M-Pesa payments are unavailable on this store right now. Please choose another payment method.', 'pay-via-proxyapi' ) );
		}
		return $url;
	}

	/**
	 * Stores the provider's ids under the order lock: the result callback may already have arrived and
	 * settled this attempt, in which case only the missing ids are filled in.
	 *
	 * @param \WC_Order       $order    Order.
	 * @param Attempt         $attempt  The started attempt.
	 * @param StkPushAccepted $accepted Provider answer.
	 * @param PhoneNumber     $phone    Number prompted.
	 * @param Amount          $amount   Amount asked.
	 * @return Attempt
	 */
	private function record_acceptance( \WC_Order $order, Attempt $attempt, StkPushAccepted $accepted, PhoneNumber $phone, Amount $amount ): Attempt {
		return $this->lock->with_lock(
			$order->get_id(),
			function () use ( $order, $attempt, $accepted, $phone, $amount ): Attempt {
				$fresh   = wc_get_order( $order->get_id() );
				$current = $fresh instanceof \WC_Order ? $this->find( $fresh, $attempt->request_id ) : null;
				$target  = $fresh instanceof \WC_Order ? $fresh : $order;
				$base    = $current ?? $attempt;
				$updated = $base->with(
					array(
						'status'              => AttemptStatus::STARTED === $base->status ? AttemptStatus::AWAITING : $base->status,
						'merchant_request_id' => $accepted->merchant_request_id,
						'checkout_request_id' => $accepted->checkout_request_id,
						'accepted_at'         => time(),
					)
				);
				$this->meta->save_attempt( $target, $updated );
				/* translators: 1: masked phone number, 2: amount in KES, 3: CheckoutRequestID. */
				$target->add_order_note( sprintf( __( 'M-Pesa prompt sent to %1$s for KES %2$s (CheckoutRequestID %3$s). Waiting for the shopper to enter their PIN.', 'pay-via-proxyapi' ), $phone->masked(), number_format_i18n( $amount->shillings() ), $accepted->checkout_request_id ) );
				$target->save();
				return $updated;
			}
		);
	}

	/**
	 * @param \WC_Order         $order   Order.
	 * @param Attempt           $attempt The started attempt.
	 * @param ProviderException $e       Why it failed.
	 */
	private function record_refusal( \WC_Order $order, Attempt $attempt, ProviderException $e ): void {
		// A timeout may still have reached M-Pesa: keep the attempt "started" so a late callback still settles it.
		$status = $e->outcome_unknown() ? AttemptStatus::STARTED : AttemptStatus::REJECTED;
		$this->meta->save_attempt( $order, $attempt->with( array( 'status' => $status, 'result_desc' => $e->getMessage() ) ) );
		/* translators: %s: the provider's reason. */
		$order->add_order_note( sprintf( __( 'M-Pesa prompt could not be sent: %s', 'pay-via-proxyapi' ), $e->getMessage() ) );
		$order->save();
		$this->logger->warning( 'STK push not started.', array( 'order_id' => $order->get_id(), 'kind' => $e->kind, 'reason' => $e->getMessage() ) );
		if ( ! $e->outcome_unknown() ) {
			/** This action is documented in PaymentService::start() and Settlement. */
			do_action( 'proxyapi_pvp_payment_failed', $order->get_id(), $e->kind, $e->getMessage() );
		}
	}

	/**
	 * @param \WC_Order $order      Order.
	 * @param string    $request_id RequestID.
	 * @return Attempt|null
	 */
	private function find( \WC_Order $order, string $request_id ): ?Attempt {
		foreach ( $this->meta->attempts( $order ) as $attempt ) {
			if ( $attempt->request_id === $request_id ) {
				return $attempt;
			}
		}
		return null;
	}

	/**
	 * @param ProviderException $e Failure.
	 * @return string For the shopper.
	 */
	private static function shopper_message( ProviderException $e ): string {
		if ( $e->outcome_unknown() ) {
			return __( 'We could not confirm that the M-Pesa prompt was sent. If it reaches your phone, enter your PIN; otherwise try again in a minute.', 'pay-via-proxyapi' );
		}
		return __( 'We could not send the M-Pesa prompt. Please try again, or choose another payment method.', 'pay-via-proxyapi' );
	}

	/**
	 * @return string The store's origin, as ProxyAPI expects in Origin: scheme, host and, when the site
	 *                runs on a port of its own, that port (https://shop.example, http://127.0.0.1:8889).
	 */
	private static function origin(): string {
		$parts  = wp_parse_url( home_url() );
		$scheme = strtolower( $parts['scheme'] ?? 'https' );
		$port   = (int) ( $parts['port'] ?? 0 );
		// A browser's origin leaves out the scheme's default port; so does this one.
		$default = 'http' === $scheme ? 80 : 443;
		return $scheme . '://' . ( $parts['host'] ?? '' ) . ( $port > 0 && $port !== $default ? ':' . $port : '' );
	}
}
