<?php
/**
 * Runs work after the HTTP answer has reached the client, where the server allows it.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Callback;

/**
 * WordPress sends a REST answer and then fires "shutdown". At priority 20 (after WordPress flushed its output
 * buffers at 1, before WooCommerce's deferred e-mail queue is saved at 100) this closes the connection and
 * then runs the work, so the provider's wait ends with the answer.
 */
final class AfterAnswer {

	/** @var list<callable(): mixed> */
	private array $work = array();

	/**
	 * @return bool Whether this request can answer first. Filter: pvp_answer_callbacks_first (false settles every
	 *              callback before answering, as servers without fastcgi_finish_request() always do).
	 */
	public function available(): bool {
		$possible = AnswerFirstPolicy::possible( PHP_SAPI, function_exists( 'fastcgi_finish_request' ) || function_exists( 'litespeed_finish_request' ) );
		/**
		 * Whether callbacks are answered before they are settled.
		 *
		 * @since 3.0.0
		 * @param bool $possible True on PHP-FPM and LiteSpeed outside the command line.
		 */
		return (bool) apply_filters( 'pvp_answer_callbacks_first', $possible );
	}

	/**
	 * @param callable(): mixed $work Runs once, after the answer (the same work queued twice runs twice).
	 */
	public function queue( callable $work ): void {
		$this->work[] = $work;
		if ( false === has_action( 'shutdown', array( $this, 'run' ) ) ) {
			add_action( 'shutdown', array( $this, 'run' ), 20 );
		}
	}

	/**
	 * Closes the connection, then runs the queued work.
	 */
	public function run(): void {
		$work       = $this->work;
		$this->work = array();
		if ( array() === $work ) {
			return;
		}
		// The client is gone from here on: finish even if it hung up early, and past the usual time limit.
		ignore_user_abort( true );
		if ( function_exists( 'wc_set_time_limit' ) ) {
			wc_set_time_limit( 0 );
		}
		if ( function_exists( 'fastcgi_finish_request' ) ) {
			fastcgi_finish_request();
		} elseif ( function_exists( 'litespeed_finish_request' ) ) {
			litespeed_finish_request();
		}
		foreach ( $work as $job ) {
			$job();
		}
	}
}
