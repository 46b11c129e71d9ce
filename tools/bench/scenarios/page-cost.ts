/**
 * What the plugin adds to a page that has nothing to do with payments: the shop page's median time and peak
 * memory with the plugin active and inactive, in blocks on, off (twice as long), on, so a steady drift of the
 * machine's load weighs on both sides alike.
 */
import { storeUrl, type BenchContext } from '../context';
import { timed, type Sample } from '../http';
import { peaks, wallTimes } from '../measure';
import { OUR_PLUGIN, setPluginActive } from '../plugins';
import { deltaMb, mb, ms, row, times, type Row } from '../results';
import { median, ratio } from '../stats';

const SCENARIO = 'Page cost';
const WARMUP = 2;

async function block(
	context: BenchContext,
	active: boolean,
	count: number
): Promise< Sample[] > {
	await setPluginActive( context, OUR_PLUGIN, active );
	const url = storeUrl(
		context,
		new URL( context.store.urls.shop ).pathname
	);
	const samples: Sample[] = [];
	for ( let i = 0; i < WARMUP + count; i++ ) {
		const sample = await timed( url );
		if ( sample.status !== 200 ) {
			throw new Error( `The shop page answered ${ sample.status }` );
		}
		if ( i >= WARMUP ) {
			samples.push( sample );
		}
	}
	return samples;
}

/**
 * @param context The bench context.
 * @return The scenario's rows.
 */
export async function pageCost( context: BenchContext ): Promise< Row[] > {
	const half = Math.max( 1, Math.floor( context.config.counts.pages / 2 ) );
	context.log(
		`page cost: ${ half * 2 } shop pages with the plugin, ${ half * 2 } without`
	);
	const on: Sample[] = [];
	const off: Sample[] = [];
	try {
		on.push( ...( await block( context, true, half ) ) );
		off.push( ...( await block( context, false, half * 2 ) ) );
		on.push( ...( await block( context, true, half ) ) );
	} finally {
		await setPluginActive( context, OUR_PLUGIN, true );
	}
	const active = median( wallTimes( on ) );
	const inactive = median( wallTimes( off ) );
	const peakOn = median( peaks( on ) );
	const peakOff = median( peaks( off ) );
	return [
		row( {
			id: 'page.shop',
			scenario: SCENARIO,
			measure: 'shop page, median',
			ours: ms( active ),
			baseline: `plugin inactive ${ ms( inactive ) }`,
			ratio: times( ratio( active, inactive ) ),
		} ),
		row( {
			id: 'memory.shop',
			scenario: 'Memory',
			measure: 'PHP peak per request, shop page (median)',
			ours: mb( peakOn ),
			baseline: `plugin inactive ${ mb( peakOff ) }`,
			ratio: deltaMb( peakOn - peakOff ),
		} ),
	];
}
