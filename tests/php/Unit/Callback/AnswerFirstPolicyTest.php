<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Callback;

use PayViaProxyApi\Callback\AnswerFirstPolicy;
use PHPUnit\Framework\TestCase;

final class AnswerFirstPolicyTest extends TestCase {

	public function test_php_fpm_and_litespeed_answer_first(): void {
		$this->assertTrue( AnswerFirstPolicy::possible( 'fpm-fcgi', true ) );
		$this->assertTrue( AnswerFirstPolicy::possible( 'litespeed', true ) );
	}

	public function test_servers_that_cannot_close_the_connection_settle_before_answering(): void {
		$this->assertFalse( AnswerFirstPolicy::possible( 'apache2handler', false ) );
		$this->assertFalse( AnswerFirstPolicy::possible( 'cgi-fcgi', false ) );
	}

	public function test_the_command_line_never_answers_first_even_where_the_function_exists(): void {
		$this->assertFalse( AnswerFirstPolicy::possible( 'cli', true ) );
		$this->assertFalse( AnswerFirstPolicy::possible( 'phpdbg', true ) );
	}
}
