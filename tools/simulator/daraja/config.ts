/**
 * The simulated Daraja app's registration: defaults (overridable through the environment) and the
 * checks for `POST /__sim/daraja/config`.
 */
import type { DarajaConfig } from './types';

/** Daraja's public sandbox passkey for shortcode 174379 (API notes, 2.3). */
export const SANDBOX_PASSKEY =
	'bfb279f9aa9bdbcf158e97dd71a467cd2e0c893059b10f78e6b72ada1ed2c919';

const ENV_NAMES: Record<
	keyof Pick<
		DarajaConfig,
		| 'consumerKey'
		| 'consumerSecret'
		| 'shortcode'
		| 'passkey'
		| 'till'
		| 'initiatorName'
		| 'initiatorPassword'
	>,
	string
> = {
	consumerKey: 'PVP_SIM_DARAJA_CONSUMER_KEY',
	consumerSecret: 'PVP_SIM_DARAJA_CONSUMER_SECRET',
	shortcode: 'PVP_SIM_DARAJA_SHORTCODE',
	passkey: 'PVP_SIM_DARAJA_PASSKEY',
	till: 'PVP_SIM_DARAJA_TILL',
	initiatorName: 'PVP_SIM_DARAJA_INITIATOR_NAME',
	initiatorPassword: 'PVP_SIM_DARAJA_INITIATOR_PASSWORD',
};

const BUILT_IN: DarajaConfig = {
	consumerKey: 'pvp-sim-consumer-key',
	consumerSecret: 'pvp-sim-consumer-secret',
	shortcode: '174379',
	passkey: SANDBOX_PASSKEY,
	till: '600990',
	initiatorName: 'pvpsiminitiator',
	initiatorPassword: 'Sim-Initiator-Pass-1',
	tokenTtlSec: 3599,
	expiresInAsString: false,
	invalidatePrevious: false,
	timestampToleranceSec: 600,
};

/**
 * The registration a fresh simulator starts with: built-in values, each replaceable by its
 * `PVP_SIM_DARAJA_*` environment variable.
 *
 * @param env The environment (injectable for tests).
 * @return The configuration.
 */
export function defaultDarajaConfig(
	env: NodeJS.ProcessEnv = process.env
): DarajaConfig {
	const config = { ...BUILT_IN };
	for ( const [ key, name ] of Object.entries( ENV_NAMES ) ) {
		const value = env[ name ];
		if ( value !== undefined && value !== '' ) {
			config[ key as keyof typeof ENV_NAMES ] = value;
		}
	}
	return config;
}

const NUMBER_KEYS = [ 'tokenTtlSec', 'timestampToleranceSec' ] as const;
const FLAG_KEYS = [ 'expiresInAsString', 'invalidatePrevious' ] as const;

/**
 * Checks a partial configuration sent by a test.
 *
 * @param input The parsed JSON.
 * @return The error, or null when every key is known and well typed.
 */
export function checkConfigUpdate( input: unknown ): string | null {
	if (
		typeof input !== 'object' ||
		input === null ||
		Array.isArray( input )
	) {
		return 'The body must be a JSON object';
	}
	for ( const [ key, value ] of Object.entries( input ) ) {
		if ( ! ( key in BUILT_IN ) ) {
			return `${ key } is not a known option (expected ${ Object.keys( BUILT_IN ).join( ', ' ) })`;
		}
		const numeric = ( NUMBER_KEYS as readonly string[] ).includes( key );
		const flag = ( FLAG_KEYS as readonly string[] ).includes( key );
		if (
			numeric &&
			! ( Number.isInteger( value ) && ( value as number ) >= 0 )
		) {
			return `${ key } must be a non-negative integer`;
		}
		if ( flag && typeof value !== 'boolean' ) {
			return `${ key } must be true or false`;
		}
		if ( ! numeric && ! flag && typeof value !== 'string' ) {
			return `${ key } must be a string`;
		}
	}
	return null;
}
