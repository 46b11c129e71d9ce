<?php
/**
 * Plugin Name: Pay via ProxyAPI bench timing (BENCH STORES ONLY)
 * Description: Adds Server-Timing, X-Pvp-Peak-Memory and X-Pvp-Cpu to every answer, and keeps background work out of
 * measured requests. Copied into the bench store only (tools/bench, PVP_STORE_MU_PLUGINS); never ship it.
 *
 * @package PayViaProxyApi\Bench
 */

declare( strict_types=1 );

defined( 'ABSPATH' ) || exit;

/*
 * WP-Cron and Action Scheduler's async runner would run queued jobs (WooCommerce Analytics imports, cleanups)
 * inside or beside the very requests being timed, at random. They are the store's background work, not the
 * cost of a request, so the bench store runs none of them. Both sides of every ratio are measured this way.
 */
if ( ! defined( 'DISABLE_WP_CRON' ) ) {
	define( 'DISABLE_WP_CRON', true );
}
add_filter( 'action_scheduler_allow_async_request_runner', '__return_false' );

/**
 * @return float CPU time this PHP process has used so far (user + system), in ms.
 */
function pvp_bench_cpu_ms(): float {
	$usage = getrusage();
	return ( $usage['ru_utime.tv_sec'] + $usage['ru_stime.tv_sec'] ) * 1000 + ( $usage['ru_utime.tv_usec'] + $usage['ru_stime.tv_usec'] ) / 1000;
}

/*
 * CPU time of the request from here (must-use plugins load a few ms into a request) to shutdown. php-fpm
 * workers live on, so only the difference means anything. Unlike wall time, it barely grows when the
 * machine is busy with other work.
 */
define( 'PVP_BENCH_CPU_AT_START', pvp_bench_cpu_ms() );

/*
 * Headers must still be sendable at shutdown, when the request's work is done: buffer the whole answer
 * (WordPress flushes every buffer at shutdown priority 1, after the headers below are set).
 */
ob_start();

add_action(
	'shutdown',
	static function (): void {
		if ( headers_sent() || ! isset( $_SERVER['REQUEST_TIME_FLOAT'] ) ) {
			return;
		}
		$elapsed_ms = ( microtime( true ) - (float) $_SERVER['REQUEST_TIME_FLOAT'] ) * 1000;
		header( sprintf( 'Server-Timing: app;dur=%.2f', $elapsed_ms ) );
		header( 'X-Pvp-Peak-Memory: ' . memory_get_peak_usage() );
		header( sprintf( 'X-Pvp-Cpu: %.2f', pvp_bench_cpu_ms() - PVP_BENCH_CPU_AT_START ) );
	},
	0
);

/*
 * A callback is answered first and settled after the answer, in the same PHP worker: the headers above only
 * see the answer. At the very end of the request, the whole request's CPU and wall time (answer plus the
 * settling after it) go to a log the bench reads, so that work is reported too, never hidden.
 */
add_action(
	'shutdown',
	static function (): void {
		$uri = isset( $_SERVER['REQUEST_URI'] ) ? (string) $_SERVER['REQUEST_URI'] : '';
		if ( ! str_contains( $uri, '/pay-via-proxyapi/v1/callbacks/' ) || ! defined( 'PVP_STORE_MAIL_LOG' ) || ! isset( $_SERVER['REQUEST_TIME_FLOAT'] ) ) {
			return;
		}
		$line = array(
			'cpu_ms'  => round( pvp_bench_cpu_ms() - PVP_BENCH_CPU_AT_START, 2 ),
			'wall_ms' => round( ( microtime( true ) - (float) $_SERVER['REQUEST_TIME_FLOAT'] ) * 1000, 2 ),
		);
		file_put_contents( dirname( (string) PVP_STORE_MAIL_LOG ) . '/bench-callbacks.jsonl', wp_json_encode( $line ) . "\n", FILE_APPEND | LOCK_EX ); // phpcs:ignore WordPress.WP.AlternativeFunctions
	},
	PHP_INT_MAX
);
