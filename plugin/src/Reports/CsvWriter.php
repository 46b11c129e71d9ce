<?php
/**
 * Writes report rows as CSV that spreadsheets open safely.
 *
 * @package PayViaProxyApi
 */

declare( strict_types=1 );

namespace PayViaProxyApi\Reports;

/**
 * Pure (writes to any stream). Names and descriptions come from M-Pesa callbacks and are attacker-controlled:
 * a cell starting with = + - @ (or a tab or carriage return) would run as a formula in Excel or LibreOffice,
 * so such cells get a leading apostrophe, which spreadsheets show as text.
 */
final class CsvWriter {

	/** Spreadsheets read UTF-8 CSV correctly only with a byte-order mark (payer names may be non-ASCII). */
	private const BOM = "\xEF\xBB\xBF";

	/**
	 * @param resource $stream Where to write.
	 */
	public function __construct( private $stream ) {
	}

	/**
	 * @param string[] $headers Column titles.
	 */
	public function start( array $headers ): void {
		fwrite( $this->stream, self::BOM );
		$this->row( $headers );
	}

	/**
	 * @param array<int, int|float|string> $cells One line.
	 */
	public function row( array $cells ): void {
		fputcsv( $this->stream, array_map( array( self::class, 'cell' ), $cells ), ',', '"', '' );
	}

	/**
	 * @param int|float|string $value A cell.
	 * @return string The cell as text, neutralised if a spreadsheet would read it as a formula.
	 */
	public static function cell( int|float|string $value ): string {
		$text = (string) $value;
		if ( '' !== $text && false !== strpos( "=+-@\t\r", $text[0] ) ) {
			return "'" . $text;
		}
		return $text;
	}
}
