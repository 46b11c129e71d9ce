/**
 * 3: the server time of a Store API checkout (POST /wp-json/wc/store/v1/checkout, what the Checkout block
 * sends) paying with this gateway, against the same checkout with Cash on delivery. The simulator answers the
 * STK push at once (the number it accepts and never calls back). Server time is PHP's own, from
 * REQUEST_TIME_FLOAT to shutdown (the bench timing plugin's Server-Timing header); each checkout gets a fresh
 * cart, prepared before the timed request. The two methods take turns.
 */
import { BUDGETS, judge } from '../budgets';
import { storeUrl, type BenchContext } from '../context';
import { expectStatus, jsonOf, timed, type Sample } from '../http';
import { interleave } from '../measure';
import { ms, row, times, type Row } from '../results';
import { median, ratio, summarise } from '../stats';

const SCENARIO = '3 Checkout overhead';

const ADDRESS = {
	first_name: 'Wanjiku',
	last_name: 'Kamau',
	address_1: 'Moi Avenue 10',
	city: 'Nairobi',
	state: 'KE30',
	postcode: '00100',
	country: 'KE',
	phone: '+254700009000',
};

const PAYMENTS = {
	mpesa: {
		payment_method: 'proxyapi_pvp_settings',
		payment_data: [ { key: 'pvp_phone', value: '0700 009 000' } ],
	},
	cod: { payment_method: 'cod', payment_data: [] },
};

/**
 * A new cart session with the test product in it; the headers that address it.
 * @param context
 */
async function freshCart(
	context: BenchContext
): Promise< Record< string, string > > {
	const api = storeUrl( context, '/wp-json/wc/store/v1' );
	const cart = expectStatus( await timed( `${ api }/cart` ), 'a new cart' );
	const headers = {
		Nonce: cart.headers.get( 'nonce' ) ?? '',
		'Cart-Token': cart.headers.get( 'cart-token' ) ?? '',
	};
	expectStatus(
		await timed( `${ api }/cart/add-item`, {
			headers,
			json: { id: context.store.product_id, quantity: 1 },
		} ),
		'adding the product to the cart',
		201
	);
	return headers;
}

async function checkout(
	context: BenchContext,
	method: keyof typeof PAYMENTS,
	round: number
): Promise< Sample > {
	const headers = await freshCart( context );
	const sample = await timed(
		storeUrl( context, '/wp-json/wc/store/v1/checkout' ),
		{
			headers,
			json: {
				billing_address: {
					...ADDRESS,
					email: `checkout-${ method }-${ round }@example.com`,
				},
				shipping_address: ADDRESS,
				...PAYMENTS[ method ],
			},
		}
	);
	const answer = jsonOf< { payment_result?: { payment_status?: string } } >(
		sample,
		`${ method } checkout`
	);
	if (
		sample.status !== 200 ||
		answer.payment_result?.payment_status !== 'success'
	) {
		throw new Error(
			`${ method } checkout failed: HTTP ${ sample.status }: ${ sample.text.slice( 0, 300 ) }`
		);
	}
	return sample;
}

const serverTimes = ( samples: readonly Sample[] ): number[] =>
	samples.map( ( s ) => {
		if ( s.serverMs === null ) {
			throw new Error(
				'An answer lacks the Server-Timing header (is the bench timing plugin installed?)'
			);
		}
		return s.serverMs;
	} );

/**
 * @param context The bench context.
 * @return The scenario's rows.
 */
export async function checkoutOverhead(
	context: BenchContext
): Promise< Row[] > {
	const rounds = context.config.counts.checkouts;
	context.log( `checkout: ${ rounds } Store API checkouts with each method` );
	const samples = await interleave(
		{
			mpesa: ( i ) => checkout( context, 'mpesa', i ),
			cod: ( i ) => checkout( context, 'cod', i ),
		},
		rounds,
		2
	);
	const mpesa = summarise( serverTimes( samples.mpesa ) );
	const cod = summarise( serverTimes( samples.cod ) );
	const serverRatio = ratio( mpesa.median, cod.median );
	const clientMpesa = median( samples.mpesa.map( ( s ) => s.ms ) );
	const clientCod = median( samples.cod.map( ( s ) => s.ms ) );
	return [
		row( {
			id: 'checkout.server',
			scenario: SCENARIO,
			measure: `server time, median of ${ rounds } Store API checkouts`,
			ours: ms( mpesa.median ),
			baseline: `Cash on delivery ${ ms( cod.median ) }`,
			ratio: times( serverRatio ),
			budget: BUDGETS.checkoutRatio.label,
			verdict: judge( BUDGETS.checkoutRatio, serverRatio ),
		} ),
		row( {
			id: 'checkout.p95',
			scenario: SCENARIO,
			measure: 'server time, p95',
			ours: ms( mpesa.p95 ),
			baseline: `Cash on delivery ${ ms( cod.p95 ) }`,
			ratio: times( ratio( mpesa.p95, cod.p95 ) ),
		} ),
		row( {
			id: 'checkout.client',
			scenario: SCENARIO,
			measure: 'client time on loopback, median',
			ours: ms( clientMpesa ),
			baseline: `Cash on delivery ${ ms( clientCod ) }`,
			ratio: times( ratio( clientMpesa, clientCod ) ),
		} ),
	];
}
