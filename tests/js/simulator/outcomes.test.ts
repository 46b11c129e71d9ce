/**
 * @jest-environment node
 */

import {
	IGNORED_PROMPT_PHONE,
	checkQueuedOutcome,
	describeResult,
	outcomeForPhone,
	outcomeFromQueue,
} from '../../../tools/simulator/outcomes';

describe( 'outcome by test phone number', () => {
	it.each( [
		[
			'254700000000',
			0,
			'The service request is processed successfully.',
			[ 'stk', 'pvp' ],
		],
		[ '254700001032', 1032, 'Request cancelled by user', [ 'stk' ] ],
		[
			'254700001037',
			1037,
			'DS timeout user cannot be reached',
			[ 'stk' ],
		],
		[
			'254700002001',
			2001,
			'The initiator information is invalid.',
			[ 'stk' ],
		],
		[
			'254700000001',
			1,
			'The balance is insufficient for the transaction.',
			[ 'stk' ],
		],
		[ '254700001019', 1019, 'Transaction has expired.', [ 'stk' ] ],
		[ '254700000017', 17, 'Rule limited.', [ 'stk' ] ],
		[
			'254700000026',
			26,
			'System busy / traffic blocking condition in place.',
			[ 'stk' ],
		],
		[
			'254700001001',
			1001,
			'Unable to lock subscriber; a transaction is already in progress.',
			[ 'stk' ],
		],
		[
			'254700001025',
			1025,
			'An error occurred while sending a push request.',
			[ 'stk' ],
		],
		[
			'254700002028',
			2028,
			'The request is not permitted according to product assignment.',
			[ 'stk' ],
		],
		[
			'254700009999',
			9999,
			'Error while sending push request.',
			[ 'stk' ],
		],
		[ '254700000042', 42, 'Simulated failure (ResultCode 42).', [ 'stk' ] ],
		[
			'254712345678',
			0,
			'The service request is processed successfully.',
			[ 'stk', 'pvp' ],
		],
		[
			'254112345678',
			0,
			'The service request is processed successfully.',
			[ 'stk', 'pvp' ],
		],
		[
			'254700010000',
			0,
			'The service request is processed successfully.',
			[ 'stk', 'pvp' ],
		],
	] )( '%s ends with ResultCode %d', ( phone, code, desc, callbacks ) => {
		expect( outcomeForPhone( phone, 1500, 150 ) ).toEqual( {
			source: 'phone',
			resultCode: code,
			resultDesc: desc,
			delayMs: 150,
			callbacks,
			repeat: 1,
			amountPaid: 1500,
		} );
	} );

	it( 'never calls back for the shopper who ignores the prompt', () => {
		expect( IGNORED_PROMPT_PHONE ).toBe( '254700009000' );
		expect(
			outcomeForPhone( IGNORED_PROMPT_PHONE, 10, 150 )
		).toMatchObject( { callbacks: [] } );
	} );
} );

describe( 'queued outcomes', () => {
	it( 'override the phone rule', () => {
		const outcome = outcomeFromQueue(
			{ resultCode: '1032', delayMs: 0 },
			'254700000000',
			100,
			150
		);
		expect( outcome ).toEqual( {
			source: 'queued',
			resultCode: 1032,
			resultDesc: 'Request cancelled by user',
			delayMs: 0,
			callbacks: [ 'stk' ],
			repeat: 1,
			amountPaid: 100,
		} );
	} );

	it( 'keep the phone rule for what they leave out', () => {
		const outcome = outcomeFromQueue(
			{ amount: 99, repeat: 2 },
			'254700002001',
			100,
			150
		);
		expect( outcome ).toMatchObject( {
			resultCode: 2001,
			delayMs: 150,
			callbacks: [ 'stk' ],
			repeat: 2,
			amountPaid: 99,
		} );
	} );

	it( 'keep a non-numeric code as a string', () => {
		expect(
			outcomeFromQueue(
				{ resultCode: 'SFC_IC0003' },
				'254712345678',
				1,
				0
			)
		).toMatchObject( {
			resultCode: 'SFC_IC0003',
			resultDesc: 'The operator does not exist.',
		} );
	} );

	it( 'send no callbacks when they replace the lnm answer, unless asked', () => {
		expect(
			outcomeFromQueue(
				{ respond: { status: 500 } },
				'254712345678',
				1,
				0
			).callbacks
		).toEqual( [] );
		expect(
			outcomeFromQueue(
				{ respond: { hangMs: 5 }, callbacks: [ 'stk' ] },
				'254712345678',
				1,
				0
			).callbacks
		).toEqual( [ 'stk' ] );
	} );

	it.each( [
		[ {}, null ],
		[
			{
				resultCode: 0,
				delayMs: 0,
				callbacks: [],
				repeat: 1,
				amount: 1.5,
			},
			null,
		],
		[
			{
				callbacks: [ 'pvp', 'stk' ],
				respond: { status: 503, body: 'x', hangMs: 10 },
			},
			null,
		],
		[ [], /JSON object/ ],
		[ { resultcode: 1 }, /resultcode is not a known option/ ],
		[ { resultCode: -1 }, /resultCode/ ],
		[ { resultCode: 'no spaces allowed' }, /resultCode/ ],
		[ { delayMs: -5 }, /delayMs/ ],
		[ { delayMs: 1.5 }, /delayMs/ ],
		[ { callbacks: [ 'stk', 'c2b' ] }, /callbacks/ ],
		[ { callbacks: 'stk' }, /callbacks/ ],
		[ { repeat: 0 }, /repeat/ ],
		[ { amount: 0 }, /amount/ ],
		[ { respond: { status: 99 } }, /respond.status/ ],
		[ { respond: { hang: 5 } }, /respond.hang is not a known option/ ],
		[ { respond: { hangMs: 'long' } }, /respond.hangMs/ ],
	] )( 'checks the options %j', ( input, expected ) => {
		const error = checkQueuedOutcome( input );
		if ( expected === null ) {
			expect( error ).toBeNull();
		} else {
			expect( error ).toMatch( expected );
		}
	} );

	it( 'describe unknown codes generically', () => {
		expect( describeResult( 12345 ) ).toBe(
			'Simulated failure (ResultCode 12345).'
		);
	} );
} );
