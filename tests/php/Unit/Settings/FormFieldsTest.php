<?php
declare( strict_types=1 );

namespace PayViaProxyApi\Tests\Unit\Settings;

use PayViaProxyApi\Settings\FormFields;
use PHPUnit\Framework\TestCase;

require_once dirname( __DIR__ ) . '/Health/i18n-shim.php';

final class FormFieldsTest extends TestCase {

	/**
	 * WooCommerce draws a `desc_tip` as a focusable span with an aria-label and no role (axe:
	 * aria-prohibited-attr) and hides the help until hover or focus: our help is visible text instead.
	 */
	public function test_no_field_hides_its_help_in_a_tooltip(): void {
		foreach ( array( false, true ) as $key_is_external ) {
			foreach ( FormFields::fields( $key_is_external ) as $key => $field ) {
				$this->assertArrayNotHasKey( 'desc_tip', $field, $key );
			}
		}
	}

	public function test_the_checkout_title_and_description_explain_themselves_in_text(): void {
		$fields = FormFields::fields( false );
		$this->assertSame( 'The payment method name shoppers see at checkout.', $fields['title']['description'] );
		$this->assertSame( 'Shown under the title at checkout.', $fields['description']['description'] );
	}
}
