<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Reports;

use PayViaProxyApi\Reports\CsvWriter;
use PHPUnit\Framework\TestCase;

final class CsvWriterTest extends TestCase {

	public function test_cells_a_spreadsheet_would_run_as_formulas_become_text(): void {
		foreach ( array( '=HYPERLINK("http://evil","x")', '+254700000000', '-1', '@SUM(A1)', "\tcmd", "\rcmd" ) as $cell ) {
			$this->assertSame( "'" . $cell, CsvWriter::cell( $cell ), $cell );
		}
		foreach ( array( 'Jane Doe', 'UKA1B2C3D4', '', 'a=b' ) as $cell ) {
			$this->assertSame( $cell, CsvWriter::cell( $cell ), $cell );
		}
		$this->assertSame( '1500', CsvWriter::cell( 1500 ) );
	}

	public function test_writes_a_byte_order_mark_headers_and_quoted_rows(): void {
		$stream = fopen( 'php://memory', 'w+' );
		$this->assertNotFalse( $stream );
		$csv = new CsvWriter( $stream );
		$csv->start( array( 'Date', 'Payer' ) );
		$csv->row( array( '2026-11-30 12:00:00', 'Wanjiku "Shiku", Kamau' ) );
		$csv->row( array( '2026-11-30 12:05:00', '=cmd|\' /C calc\'!A0' ) );
		rewind( $stream );
		$this->assertSame(
			"\xEF\xBB\xBFDate,Payer\n\"2026-11-30 12:00:00\",\"Wanjiku \"\"Shiku\"\", Kamau\"\n\"2026-11-30 12:05:00\",\"'=cmd|' /C calc'!A0\"\n",
			stream_get_contents( $stream )
		);
	}
}
