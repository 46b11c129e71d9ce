<?php
/**
 * POST /wp-json/pay-via-proxyapi/v1/admin/orders/{order_id}/reconcile: "Check status with M-Pesa now".
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Rest;

use PayViaProxyApi\Admin\ManagerPermission;
use PayViaProxyApi\Hookable;
use PayViaProxyApi\Order\OrderLocked;
use PayViaProxyApi\Payment\CallbackAddress;
use PayViaProxyApi\Reconciliation\ReconcileOutcome;
use PayViaProxyApi\Reconciliation\Reconciler;

/**
 * Thin adapter for the order screen's M-Pesa panel: runs the same check as the scheduled job, for the
 * order's newest attempt still waiting for a result, and answers what happened plus the order status, so
 * the panel can say it and then re-read its own data. Shop managers only; WordPress's cookie
 * authentication checks the REST nonce before this runs.
 */
final class ReconcileRoute implements Hookable {

	public const ROUTE = '/admin/orders/(?P<order_id>\d+)/reconcile';

	/**
	 * @param Reconciler $reconciler Runs the check.
	 */
	public function __construct( private Reconciler $reconciler ) {
	}

	/**
	 * {@inheritDoc}
	 */
	public function register(): void {
		add_action( 'rest_api_init', array( $this, 'register_route' ) );
	}

	/**
	 * Registers the route.
	 */
	public function register_route(): void {
		register_rest_route(
			CallbackAddress::REST_NAMESPACE,
			self::ROUTE,
			array(
				'methods'             => \WP_REST_Server::CREATABLE,
				'callback'            => array( $this, 'handle' ),
				'permission_callback' => array( ManagerPermission::class, 'check' ),
				'args'                => array(
					'order_id' => array(
						'description' => 'The order to check.',
						'type'        => 'integer',
						'minimum'     => 1,
						'required'    => true,
					),
				),
			)
		);
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 * @phpstan-param \WP_REST_Request<array<string, mixed>> $request
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function handle( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$order_id = (int) $request['order_id'];
		if ( ! wc_get_order( $order_id ) instanceof \WC_Order ) {
			return new \WP_Error( 'pvp_order_not_found', __( 'No such order.', 'pay-via-proxyapi' ), array( 'status' => 404 ) );
		}
		try {
			$outcome = $this->reconciler->check_now( $order_id );
		} catch ( OrderLocked $e ) {
			$outcome = new ReconcileOutcome( ReconcileOutcome::BUSY );
		}
		return new \WP_REST_Response(
			array(
				'outcome'      => $outcome->outcome,
				'decision'     => $outcome->decision,
				'message'      => self::message( $outcome ),
				'order_status' => self::status_now( $order_id ),
			),
			200
		);
	}

	/**
	 * @param int $order_id Order.
	 * @return string Its status after the check, re-read (the check may have changed it).
	 */
	private static function status_now( int $order_id ): string {
		$order = wc_get_order( $order_id );
		return $order instanceof \WC_Order ? $order->get_status() : '';
	}

	/**
	 * @param ReconcileOutcome $outcome What the check did.
	 * @return string For the shop manager.
	 */
	private static function message( ReconcileOutcome $outcome ): string {
		return match ( $outcome->outcome ) {
			ReconcileOutcome::SETTLED          => __( 'M-Pesa had a result for this payment; the order was updated.', 'pay-via-proxyapi' ),
			ReconcileOutcome::NO_RESULT        => __( 'M-Pesa has no result for this payment yet.', 'pay-via-proxyapi' ),
			ReconcileOutcome::PROVIDER_ERROR   => __( 'The payment provider could not be asked right now. Try again in a few minutes.', 'pay-via-proxyapi' ),
			ReconcileOutcome::BUSY             => __( 'The order is being updated right now. Try again in a moment.', 'pay-via-proxyapi' ),
			default                            => __( 'No M-Pesa payment of this order is waiting for a result.', 'pay-via-proxyapi' ),
		};
	}
}
