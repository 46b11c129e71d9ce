/**
 * Command-line entry: `tsx tools/simulator/main.ts`. Reads the environment, starts the
 * simulator on 127.0.0.1 and stops it cleanly on SIGTERM or SIGINT.
 */
import { DEFAULT_PORT, createSimulator } from './server';

function intFromEnv( name: string, fallback: number, max: number ): number {
	const raw = process.env[ name ];
	if ( raw === undefined || raw === '' ) {
		return fallback;
	}
	const value = Number( raw );
	if ( ! Number.isInteger( value ) || value < 0 || value > max ) {
		throw new Error(
			`${ name } must be an integer from 0 to ${ max } (got "${ raw }")`
		);
	}
	return value;
}

async function main(): Promise< void > {
	const apiKey = process.env.PVP_SIM_API_KEY;
	const simulator = await createSimulator( {
		port: intFromEnv( 'PVP_SIM_PORT', DEFAULT_PORT, 65535 ),
		host: '127.0.0.1',
		callbackDelayMs: intFromEnv( 'PVP_SIM_CALLBACK_DELAY_MS', 150, 600000 ),
		callbackTimeoutMs: intFromEnv(
			'PVP_SIM_CALLBACK_TIMEOUT_MS',
			10000,
			600000
		),
		timestampToleranceSec: intFromEnv(
			'PVP_SIM_TIMESTAMP_TOLERANCE_S',
			3600,
			31536000
		),
		insecureTls: process.env.PVP_SIM_INSECURE_TLS === '1',
		apiKey: apiKey === undefined || apiKey === '' ? undefined : apiKey,
		manual: process.env.PVP_SIM_MANUAL === '1',
	} );
	process.stdout.write(
		`ProxyAPI PVP simulator listening on ${ simulator.url }\n`
	);
	process.stdout.write(
		`Phone page (answer M-Pesa prompts by hand): ${ simulator.url }/phone\n`
	);
	const stop = ( signal: string ) => {
		process.stdout.write( `${ signal }: stopping the simulator\n` );
		simulator.close().then(
			() => process.exit( 0 ),
			() => process.exit( 1 )
		);
	};
	process.once( 'SIGTERM', () => stop( 'SIGTERM' ) );
	process.once( 'SIGINT', () => stop( 'SIGINT' ) );
}

main().catch( ( error: Error ) => {
	process.stderr.write( `pvp-simulator: ${ error.message }\n` );
	process.exit( 1 );
} );
