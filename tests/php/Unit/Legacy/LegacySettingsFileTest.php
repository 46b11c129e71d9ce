<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Legacy;

use PayViaProxyApi\Legacy\LegacySettingsFile;
use PHPUnit\Framework\TestCase;

/**
 * Finding and reading 2.2.7's pvpsettings.txt.
 */
final class LegacySettingsFileTest extends TestCase {

	private string $plugins = '';

	protected function setUp(): void {
		$this->plugins = sys_get_temp_dir() . '/pvp-legacy-' . bin2hex( random_bytes( 4 ) );
		mkdir( $this->plugins );
	}

	protected function tearDown(): void {
		foreach ( glob( $this->plugins . '/*/*' ) ?: array() as $file ) {
			unlink( $file );
		}
		foreach ( glob( $this->plugins . '/*' ) ?: array() as $dir ) {
			rmdir( $dir );
		}
		rmdir( $this->plugins );
	}

	private function plugin( string $dir, array $files ): void {
		mkdir( $this->plugins . '/' . $dir );
		foreach ( $files as $name => $contents ) {
			file_put_contents( $this->plugins . '/' . $dir . '/' . $name, $contents );
		}
	}

	public function test_reads_the_due_date_2_2_7_wrote(): void {
		$this->assertSame( 1769904000, LegacySettingsFile::due_date( '{"dueDate":1769904000}' ) );
		$this->assertSame( 1769904000, LegacySettingsFile::due_date( '{"dueDate":"1769904000"}' ) );
	}

	public function test_anything_else_has_no_due_date(): void {
		foreach ( array( '', 'null', '[]', '{"dueDate":0}', '{"dueDate":"soon"}', '{"other":1}', '{' ) as $contents ) {
			$this->assertNull( LegacySettingsFile::due_date( $contents ), $contents );
		}
	}

	public function test_finds_the_file_only_in_2_2_7_installs_whatever_their_folder_name(): void {
		$this->plugin( 'woo-pay-via-proxyapi', array( 'proxyapi-pvp.php' => '<?php', 'pvpsettings.txt' => '{"dueDate":1769904000}' ) );
		$this->plugin( 'proxyapi-pvp-master', array( 'proxyapi-pvp.php' => '<?php', 'pvpsettings.txt' => '{"dueDate":1772582400}' ) );
		$this->plugin( 'someone-else', array( 'pvpsettings.txt' => '{"dueDate":1}' ) );

		$found = LegacySettingsFile::find( $this->plugins );
		sort( $found );
		$this->assertSame( array( $this->plugins . '/proxyapi-pvp-master/pvpsettings.txt', $this->plugins . '/woo-pay-via-proxyapi/pvpsettings.txt' ), $found );
		$this->assertSame( 1772582400, LegacySettingsFile::read_due_date( $found[0] ) );
	}

	public function test_an_oversized_file_is_not_read(): void {
		$this->plugin( 'woo-pay-via-proxyapi', array( 'proxyapi-pvp.php' => '<?php', 'pvpsettings.txt' => '{"dueDate":1769904000,"pad":"' . str_repeat( 'x', 5000 ) . '"}' ) );
		$this->assertNull( LegacySettingsFile::read_due_date( $this->plugins . '/woo-pay-via-proxyapi/pvpsettings.txt' ) );
	}
}
