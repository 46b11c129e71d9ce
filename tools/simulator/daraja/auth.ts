/**
 * `GET /oauth/v1/generate` and the checks every Daraja API call shares: the bearer token, and the
 * Lipa na M-Pesa password with its timestamp.
 */
import type { IncomingMessage } from 'node:http';

import type { Reply } from '../http';
import { kenyaStamp } from '../ids';
import {
	DARAJA_ERROR,
	darajaError,
	invalidField,
	invalidToken,
} from './errors';
import type { DarajaState } from './state';

/**
 * Base64 of shortcode + passkey + timestamp: the Lipa na M-Pesa online password.
 *
 * @param shortcode BusinessShortCode.
 * @param passkey   The app's passkey.
 * @param timestamp `YYYYMMDDHHmmss`.
 * @return The password.
 */
export function lipaPassword(
	shortcode: string,
	passkey: string,
	timestamp: string
): string {
	return Buffer.from( `${ shortcode }${ passkey }${ timestamp }` ).toString(
		'base64'
	);
}

/**
 * Answers the OAuth call: Basic credentials must be the registered key and secret.
 *
 * @param state Daraja state.
 * @param req   The request (for its Authorization header).
 * @param query The URL's query.
 * @return The token answer, or Daraja's OAuth error.
 */
export function handleOauth(
	state: DarajaState,
	req: IncomingMessage,
	query: URLSearchParams
): Reply {
	if ( query.get( 'grant_type' ) !== 'client_credentials' ) {
		return darajaError(
			400,
			DARAJA_ERROR.invalidGrantType,
			'Invalid grant type passed'
		);
	}
	const header = req.headers.authorization ?? '';
	const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec( header );
	const { consumerKey, consumerSecret } = state.config;
	const decoded = match
		? Buffer.from( match[ 1 ] ?? '', 'base64' ).toString( 'utf8' )
		: null;
	if ( decoded !== `${ consumerKey }:${ consumerSecret }` ) {
		return darajaError(
			400,
			DARAJA_ERROR.invalidAuthentication,
			'Invalid Authentication passed'
		);
	}
	const token = state.issueToken( Date.now() );
	const ttl = state.config.tokenTtlSec;
	return {
		status: 200,
		body: {
			access_token: token,
			expires_in: state.config.expiresInAsString ? String( ttl ) : ttl,
		},
		note: `token issued (${ ttl } s)`,
	};
}

/**
 * @param state Daraja state.
 * @param req   The request.
 * @return Null when the bearer token is valid, else `404.001.03 Invalid Access Token`.
 */
export function checkBearer(
	state: DarajaState,
	req: IncomingMessage
): Reply | null {
	const match = /^Bearer (\S+)$/.exec( req.headers.authorization ?? '' );
	return match && state.isValidToken( match[ 1 ] ?? '', Date.now() )
		? null
		: invalidToken();
}

/**
 * Daraja reads only JSON bodies: any other content type is answered "Invalid BusinessShortCode"
 * (Daraja FAQ 9), because the fields are not seen at all.
 *
 * @param req The request.
 * @return Null for JSON, else the error.
 */
export function checkJsonContentType( req: IncomingMessage ): Reply | null {
	return ( req.headers[ 'content-type' ] ?? '' ).startsWith(
		'application/json'
	)
		? null
		: invalidField( 'BusinessShortCode' );
}

/**
 * The Password/Timestamp pair of an STK push or query: the timestamp must be 14 digits in Kenya
 * time (near now), and the password must be built from this shortcode, the passkey and it.
 *
 * @param state Daraja state.
 * @param body  The request fields.
 * @return Null when both are right, else the error.
 */
export function checkPassword(
	state: DarajaState,
	body: Record< string, unknown >
): Reply | null {
	const timestamp = body.Timestamp;
	if ( typeof timestamp !== 'string' || ! /^\d{14}$/.test( timestamp ) ) {
		return invalidField( 'Timestamp' );
	}
	if ( ! isNearKenyaNow( timestamp, state.config.timestampToleranceSec ) ) {
		return invalidField( 'Timestamp' );
	}
	const shortcode = String( body.BusinessShortCode ?? '' );
	const { till } = state.config;
	// A till used as BusinessShortCode is a known number (the classic mistake): it ends in 2028 later.
	if (
		shortcode !== state.config.shortcode &&
		( till === '' || shortcode !== till )
	) {
		return darajaError(
			500,
			DARAJA_ERROR.merchant,
			'Merchant does not exist'
		);
	}
	const expected = lipaPassword( shortcode, state.config.passkey, timestamp );
	return body.Password === expected
		? null
		: darajaError( 500, DARAJA_ERROR.merchant, 'Wrong credentials' );
}

const KENYA_OFFSET_MS = 3 * 60 * 60 * 1000;

function isNearKenyaNow( timestamp: string, toleranceSec: number ): boolean {
	const [ year, month, day, hour, minute, second ] = [
		[ 0, 4 ],
		[ 4, 6 ],
		[ 6, 8 ],
		[ 8, 10 ],
		[ 10, 12 ],
		[ 12, 14 ],
	].map( ( [ from, to ] ) => Number( timestamp.slice( from, to ) ) );
	const epochMs =
		Date.UTC( year ?? 0, ( month ?? 1 ) - 1, day, hour, minute, second ) -
		KENYA_OFFSET_MS;
	// A real calendar time (no 31 February), read as Kenya time; a UTC stamp is three hours off.
	return (
		kenyaStamp( epochMs ) === timestamp &&
		Math.abs( epochMs - Date.now() ) <= toleranceSec * 1000
	);
}
