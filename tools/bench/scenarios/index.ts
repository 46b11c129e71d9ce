/**
 * Every scenario by id (config.ts lists the ids and their order).
 */
import type { ScenarioId } from '../config';
import type { BenchContext } from '../context';
import type { Row, ScenarioResult } from '../results';
import { burst } from './burst';
import { callbackCost } from './callback-cost';
import { checkoutOverhead } from './checkout';
import { legacy } from './legacy';
import { pageCost } from './page-cost';
import { reportScaling } from './report-scaling';
import { timeToPaid } from './time-to-paid';
import { frontEndWeight } from './weight';

type Runner = ( context: BenchContext ) => Promise< ScenarioResult >;

const rowsOnly =
	( scenario: ( context: BenchContext ) => Promise< Row[] > ): Runner =>
	async ( context ) => ( { rows: await scenario( context ) } );

export const SCENARIO_RUNNERS: Record< ScenarioId, Runner > = {
	weight: rowsOnly( frontEndWeight ),
	callback: rowsOnly( callbackCost ),
	burst: rowsOnly( burst ),
	checkout: rowsOnly( checkoutOverhead ),
	paid: rowsOnly( timeToPaid ),
	page: rowsOnly( pageCost ),
	legacy,
	report: rowsOnly( reportScaling ),
};
