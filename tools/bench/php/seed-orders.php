<?php
/**
 * Seeds the bench store with paid, failed and waiting M-Pesa orders for the report-scaling benchmark, fast:
 * multi-row INSERTs, in batches inside transactions, into every table an HPOS order lives in (its placeholder
 * post, wc_orders, the billing address, operational data, meta with this plugin's attempts) and into the
 * report's attempt index. The index rows are built by the plugin's own IndexRows, so they are what the
 * plugin would have written. BENCH STORES ONLY.
 *
 * Usage: PVP_SITE_URL=… PVP_DOCROOT=… php tools/bench/php/seed-orders.php <count> <first-serial>
 *
 * @package PayViaProxyApi\Bench
 */

declare( strict_types=1 );

// Loads the store's WordPress the way the store's own setup scripts do.
require __DIR__ . '/../../store/php/load-wordpress.php';

use PayViaProxyApi\Payment\Attempt;
use PayViaProxyApi\Reports\AttemptTable;
use PayViaProxyApi\Reports\IndexRows;

const PVP_BENCH_SEED_BATCH = 1000;
/** Orders are spread over the year before now (serial times a prime, modulo a year: even, and stable). */
const PVP_BENCH_SEED_SPAN = 365 * 86400;
const PVP_BENCH_SEED_STRIDE = 7919;

/**
 * One order's attempt, as the plugin stores it; most paid, some cancelled, a few still waiting.
 *
 * @param int $serial  The order's serial number in the seed (varies its outcome).
 * @param int $created Unix time the attempt started.
 * @return array<string, mixed>
 */
function pvp_bench_seed_attempt( int $serial, int $created ): array {
	$outcome = $serial % 20;
	$attempt = array(
		'request_id'          => sprintf( 'SEED%011d', $serial ),
		'token_hash'          => hash( 'sha256', 'seed' . $serial ),
		'phone'               => sprintf( '2547%08d', $serial % 100000000 ),
		'amount'              => 100 + ( $serial % 50 ) * 10,
		'created_at'          => $created,
		'status'              => 'paid',
		'merchant_request_id' => sprintf( '29115-%d-1', $serial ),
		'checkout_request_id' => sprintf( 'ws_CO_SEED%012d', $serial ),
		'receipt'             => sprintf( 'US%08X', $serial ),
		'accepted_at'         => $created,
		'settled_at'          => $created + 20,
		'settled_by'          => 'stk',
	);
	if ( $outcome < 2 ) {
		$attempt = array_merge( $attempt, array( 'status' => 'failed', 'result_code' => '1032', 'result_desc' => 'Request cancelled by user', 'receipt' => '' ) );
	} elseif ( 2 === $outcome ) {
		$attempt = array_merge( $attempt, array( 'status' => 'awaiting', 'receipt' => '', 'settled_at' => 0, 'settled_by' => '' ) );
	}
	return Attempt::from_array( $attempt )->to_array();
}

/**
 * @param array<int, array<int, mixed>> $rows    Rows of values, in column order.
 * @param string                        $formats One row's placeholders, e.g. "(%d, %s)".
 * @return string "(…), (…)" with every value escaped by $wpdb->prepare().
 */
function pvp_bench_seed_values( array $rows, string $formats ): string {
	global $wpdb;
	return implode( ', ', array_map( static fn ( array $row ): string => $wpdb->prepare( $formats, $row ), $rows ) ); // phpcs:ignore WordPress.DB.PreparedSQLPlaceholders
}

/**
 * Runs one multi-row INSERT, or stops the seed with the database's error.
 *
 * @param string $table   Table.
 * @param string $columns Column list.
 * @param string $values  From pvp_bench_seed_values().
 */
function pvp_bench_seed_insert( string $table, string $columns, string $values ): void {
	global $wpdb;
	if ( false === $wpdb->query( "INSERT INTO {$table} ({$columns}) VALUES {$values}" ) ) { // phpcs:ignore WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- values prepared above.
		pvp_store_fail( "insert into {$table} failed: {$wpdb->last_error}" );
	}
}

/**
 * Placeholder posts first: HPOS takes order ids from them. One multi-row INSERT gets consecutive ids.
 *
 * @param int[] $created Creation times.
 * @return int First id.
 */
function pvp_bench_seed_placeholders( array $created ): int {
	global $wpdb;
	$rows = array_map(
		static fn ( int $time ): array => array( gmdate( 'Y-m-d H:i:s', $time ), gmdate( 'Y-m-d H:i:s', $time ) ),
		$created
	);
	pvp_bench_seed_insert(
		$wpdb->posts,
		'post_date, post_date_gmt, post_modified, post_modified_gmt, post_content, post_title, post_excerpt, to_ping, pinged, post_content_filtered, post_status, post_type',
		pvp_bench_seed_values( array_map( static fn ( array $r ): array => array( $r[0], $r[1], $r[0], $r[1] ), $rows ), "(%s, %s, %s, %s, '', '', '', '', '', '', 'draft', 'shop_order_placehold')" )
	);
	$first = (int) $wpdb->insert_id;
	$count = (int) $wpdb->get_var( $wpdb->prepare( "SELECT COUNT(*) FROM {$wpdb->posts} WHERE ID BETWEEN %d AND %d AND post_type = 'shop_order_placehold'", $first, $first + count( $created ) - 1 ) );
	if ( count( $created ) !== $count ) {
		pvp_store_fail( 'placeholder ids are not consecutive' );
	}
	return $first;
}

/**
 * Seeds one batch of orders.
 *
 * @param int $first_serial Serial of the batch's first order.
 * @param int $count        Orders in the batch.
 * @param int $now          Unix time the seed started.
 */
function pvp_bench_seed_batch( int $first_serial, int $count, int $now ): void {
	global $wpdb;
	$created = array();
	for ( $i = 0; $i < $count; $i++ ) {
		$created[] = $now - ( ( $first_serial + $i ) * PVP_BENCH_SEED_STRIDE ) % PVP_BENCH_SEED_SPAN;
	}
	$first_id = pvp_bench_seed_placeholders( $created );
	$orders   = array();
	$meta     = array();
	$other    = array();
	$index    = array();
	foreach ( $created as $i => $time ) {
		$id      = $first_id + $i;
		$serial  = $first_serial + $i;
		$attempt = pvp_bench_seed_attempt( $serial, $time );
		$status  = array( 'paid' => 'wc-processing', 'failed' => 'wc-failed' )[ $attempt['status'] ] ?? 'wc-pending';
		$email   = "seed-{$serial}@example.com";
		$date    = gmdate( 'Y-m-d H:i:s', $time );
		$orders[] = array( $id, $status, $attempt['amount'], $email, $date, $date, $attempt['receipt'] );
		$other[]  = array( $id, $email, $attempt['phone'], 'wc_order_' . wp_generate_password( 13, false ), 'paid' === $attempt['status'] ? $date : null );
		foreach ( array( '_pvp_attempts' => maybe_serialize( array( $attempt ) ), 'request_id' => $attempt['request_id'], 'checkout_request_id' => $attempt['checkout_request_id'], '_pvp_merchant_request_id' => $attempt['merchant_request_id'] ) as $key => $value ) {
			$meta[] = array( $id, $key, $value );
		}
		foreach ( IndexRows::for_order( $id, (string) $id, array( $attempt ) ) as $index_row ) {
			$index[] = $index_row;
		}
	}
	$wpdb->query( 'START TRANSACTION' );
	pvp_bench_seed_insert(
		"{$wpdb->prefix}wc_orders",
		'id, status, currency, type, tax_amount, total_amount, customer_id, billing_email, date_created_gmt, date_updated_gmt, parent_order_id, payment_method, payment_method_title, transaction_id, ip_address, user_agent, customer_note',
		pvp_bench_seed_values( $orders, "(%d, %s, 'KES', 'shop_order', 0, %d, 0, %s, %s, %s, 0, 'proxyapi_pvp_settings', 'Lipa na M-Pesa', %s, '127.0.0.1', 'bench', '')" )
	);
	pvp_bench_seed_insert(
		"{$wpdb->prefix}wc_order_addresses",
		'order_id, address_type, first_name, email, phone, country',
		pvp_bench_seed_values( array_map( static fn ( array $r ): array => array( $r[0], $r[1], $r[2] ), $other ), "(%d, 'billing', 'Seed', %s, %s, 'KE')" )
	);
	pvp_bench_seed_insert(
		"{$wpdb->prefix}wc_order_operational_data",
		'order_id, created_via, woocommerce_version, prices_include_tax, order_key, date_paid_gmt, shipping_total_amount, discount_total_amount',
		implode(
			', ',
			array_map(
				static fn ( array $r ): string => null === $r[4]
					? $wpdb->prepare( "(%d, 'checkout', %s, 0, %s, NULL, 0, 0)", $r[0], WC()->version, $r[3] )
					: $wpdb->prepare( "(%d, 'checkout', %s, 0, %s, %s, 0, 0)", $r[0], WC()->version, $r[3], $r[4] ),
				$other
			)
		)
	);
	pvp_bench_seed_insert( "{$wpdb->prefix}wc_orders_meta", 'order_id, meta_key, meta_value', pvp_bench_seed_values( $meta, '(%d, %s, %s)' ) );
	$columns = array_keys( $index[0] );
	pvp_bench_seed_insert(
		$wpdb->prefix . AttemptTable::NAME,
		implode( ', ', $columns ),
		pvp_bench_seed_values(
			array_map( static fn ( array $r ): array => array_values( $r ), $index ),
			'(' . implode( ', ', array_map( static fn ( $v ): string => is_int( $v ) ? '%d' : '%s', $index[0] ) ) . ')'
		)
	);
	$wpdb->query( 'COMMIT' );
}

$pvp_bench_count = (int) ( $argv[1] ?? 0 );
$pvp_bench_first = (int) ( $argv[2] ?? 0 );
if ( $pvp_bench_count < 1 || $pvp_bench_first < 0 ) {
	pvp_store_fail( 'usage: seed-orders.php <count> <first-serial>' );
}
if ( ! class_exists( IndexRows::class ) || ! class_exists( AttemptTable::class ) ) {
	pvp_store_fail( 'the plugin has no report index (PayViaProxyApi\\Reports\\IndexRows, AttemptTable)' );
}
$pvp_bench_started = microtime( true );
for ( $pvp_bench_done = 0; $pvp_bench_done < $pvp_bench_count; $pvp_bench_done += PVP_BENCH_SEED_BATCH ) {
	pvp_bench_seed_batch( $pvp_bench_first + $pvp_bench_done, min( PVP_BENCH_SEED_BATCH, $pvp_bench_count - $pvp_bench_done ), time() );
}
pvp_store_say( sprintf( 'seeded %d orders in %.1f s', $pvp_bench_count, microtime( true ) - $pvp_bench_started ) );
pvp_store_done();
