/**
 * The comparison column: Pay via ProxyAPI 2.2.7, from a local copy (PVP_BENCH_LEGACY_PLUGIN_DIR; never
 * committed), measured on the same store by the same code as ours. Its gateway id is ours, so the two are
 * never active together: ours is deactivated, 2.2.7 copied in and activated, and everything restored after.
 * 2.2.7 finds orders through a posts-only query filter, so it runs with HPOS off (as in the figures).
 */
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import {
	burstSuite,
	COST_WARMUP,
	describeDuplicates,
	measureCost,
} from '../callbacks';
import { storeUrl, type BenchContext } from '../context';
import { expectStatus } from '../http';
import { LEGACY_CALLBACK_PATH, prepareLegacyOrders } from '../legacy-orders';
import { OUR_PLUGIN, setPluginActive } from '../plugins';
import {
	ms,
	row,
	rps,
	skippedRow,
	times,
	type ScenarioResult,
} from '../results';
import { ratio } from '../stats';

const LEGACY_PLUGIN = 'proxyapi-pvp/proxyapi-pvp';

async function setHpos(
	context: BenchContext,
	enabled: boolean
): Promise< void > {
	expectStatus(
		await context.admin.request( '/wp-json/pvp-bench/v1/hpos', {
			json: { enabled },
		} ),
		`switching HPOS ${ enabled ? 'on' : 'off' }`
	);
}

/**
 * Everything measured with 2.2.7 active, as figures for the rows of ours they compare with.
 * @param context
 */
async function measureLegacy(
	context: BenchContext
): Promise< Record< string, string > > {
	const { callbacks: rounds } = context.config.counts;
	context.log( `2.2.7: ${ rounds } callbacks beside the no-ops` );
	const cost = await measureCost(
		context,
		await prepareLegacyOrders(
			context,
			rounds + COST_WARMUP,
			'legacy-cost'
		),
		rounds
	);
	// 2.2.7 mails the shopper twice (on hold at the prompt, then processing) and the shop once (at the prompt).
	const {
		figures: burst,
		faults,
		worst,
	} = await burstSuite(
		context,
		( count, tag ) =>
			prepareLegacyOrders( context, count, `legacy-${ tag }` ),
		storeUrl( context, '/wc-api/pvp_bench_noop' ),
		{ shopper: 2, shop: 1 }
	);
	return {
		'callback.median': `${ times( ratio( cost.callback.median, cost.rest.median ) ) } (${ ms( cost.callback.median ) })`,
		'callback.p95': `${ times( ratio( cost.callback.p95, cost.rest.p95 ) ) } (${ ms( cost.callback.p95 ) })`,
		'callback.duplicate': `${ times( ratio( cost.duplicate.median, cost.duplicateRest.median ) ) } (${ ms( cost.duplicate.median ) })`,
		'callback.wcapi': `${ times( ratio( cost.callback.median, cost.wcApi.median ) ) } (${ ms( cost.wcApi.median ) } no-op)`,
		'burst.throughput': `${ times( ratio( burst.perSecond, burst.baseline ) ) } of /wc-api/ no-op (${ rps( burst.perSecond ) })`,
		'burst.answers': String( burst.failed ),
		'burst.paid': String( faults.notPaidOnce ),
		'burst.notes': String( faults.noteRepeats ),
		'burst.mails': String( faults.mailFaults ),
		'burst.duplicates': describeDuplicates( worst ),
	};
}

/**
 * @param context The bench context.
 * @return 2.2.7's figures, or one skipped row.
 */
export async function legacy(
	context: BenchContext
): Promise< ScenarioResult > {
	const source = context.config.legacyDir;
	if (
		source === null ||
		! existsSync( join( source, 'proxyapi-pvp.php' ) )
	) {
		return {
			rows: [
				skippedRow(
					'2.2.7 comparison',
					source === null
						? 'skipped: set PVP_BENCH_LEGACY_PLUGIN_DIR to a local copy of Pay via ProxyAPI 2.2.7'
						: 'skipped: PVP_BENCH_LEGACY_PLUGIN_DIR has no proxyapi-pvp.php'
				),
			],
		};
	}
	const target = join(
		context.store.paths.docroot,
		'wp-content/plugins/proxyapi-pvp'
	);
	cpSync( source, target, {
		recursive: true,
		filter: ( path ) => ! path.includes( '/.git' ),
	} );
	try {
		await setPluginActive( context, OUR_PLUGIN, false );
		await setHpos( context, false );
		await setPluginActive( context, LEGACY_PLUGIN, true );
		const figures = await measureLegacy( context );
		return {
			rows: [
				row( {
					id: 'legacy.setup',
					scenario: '2.2.7 comparison',
					measure: `same store and code, HPOS off, callbacks to ${ LEGACY_CALLBACK_PATH }`,
					ours: '-',
				} ),
			],
			legacy: figures,
		};
	} finally {
		await setPluginActive( context, LEGACY_PLUGIN, false ).catch(
			() => undefined
		);
		await setHpos( context, true );
		await setPluginActive( context, OUR_PLUGIN, true );
		rmSync( target, { recursive: true, force: true } );
	}
}
