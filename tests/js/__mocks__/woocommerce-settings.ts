/**
 * Test double for `@woocommerce/settings` (window.wc.wcSettings at runtime).
 *
 * Tests put values with `setSetting()` and clear them with `resetSettings()`.
 */
const settings = new Map< string, unknown >();

export function getSetting( name: string, fallback: unknown = false ): unknown {
	return settings.has( name ) ? settings.get( name ) : fallback;
}

export function setSetting( name: string, value: unknown ): void {
	settings.set( name, value );
}

export function resetSettings(): void {
	settings.clear();
}
