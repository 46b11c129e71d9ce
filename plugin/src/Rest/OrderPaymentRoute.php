<?php
/**
 * GET /pay-via-proxyapi/v1/admin/orders/{order_id}/payment: the order panel's data.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Rest;

use PayViaProxyApi\Admin\ManagerPermission;
use PayViaProxyApi\Hookable;
use PayViaProxyApi\Reports\OrderPaymentView;

/**
 * Thin adapter over OrderPaymentView, used by the panel to refresh itself (e.g. after "Check status with
 * M-Pesa now"). The same data is inlined when the order screen loads.
 */
final class OrderPaymentRoute implements Hookable {

	/**
	 * @param OrderPaymentView $view The panel's data.
	 */
	public function __construct( private OrderPaymentView $view ) {
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
			ReportRoute::NAMESPACE,
			'/admin/orders/(?P<order_id>\d+)/payment',
			array(
				'methods'             => \WP_REST_Server::READABLE,
				'callback'            => array( $this, 'payment' ),
				'permission_callback' => array( ManagerPermission::class, 'check' ),
				'args'                => array(
					'order_id' => array(
						'type'     => 'integer',
						'minimum'  => 1,
						'required' => true,
					),
				),
			)
		);
	}

	/**
	 * @param \WP_REST_Request $request Request.
	 * @return \WP_REST_Response|\WP_Error
	 */
	public function payment( \WP_REST_Request $request ): \WP_REST_Response|\WP_Error {
		$order = wc_get_order( (int) $request['order_id'] );
		if ( ! $order instanceof \WC_Order ) {
			return new \WP_Error( 'pvp_order_not_found', __( 'No such order.', 'pay-via-proxyapi' ), array( 'status' => 404 ) );
		}
		return new \WP_REST_Response( $this->view->for_order( $order ), 200 );
	}
}
