/**
 * Switching plugins on the bench store through WordPress's own REST route (wp/v2/plugins), as an
 * administrator would in wp-admin.
 */
import type { BenchContext } from './context';
import { expectStatus } from './http';

export const OUR_PLUGIN = 'pay-via-proxyapi/pay-via-proxyapi';

/**
 * @param context The bench context.
 * @param plugin  Plugin id without ".php", e.g. pay-via-proxyapi/pay-via-proxyapi.
 * @param active  Activate (true) or deactivate (false).
 */
export async function setPluginActive(
	context: BenchContext,
	plugin: string,
	active: boolean
): Promise< void > {
	expectStatus(
		await context.admin.request( `/wp-json/wp/v2/plugins/${ plugin }`, {
			json: { status: active ? 'active' : 'inactive' },
		} ),
		`${ active ? 'activating' : 'deactivating' } ${ plugin }`
	);
}
