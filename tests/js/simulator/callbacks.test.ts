/**
 * @jest-environment node
 */

import {
	pvpCallbackBody,
	reportsPayment,
	stkCallbackBody,
	type CallbackSource,
} from '../../../tools/simulator/callbacks';
import {
	checkoutRequestId,
	kenyaStamp,
	merchantRequestId,
	mpesaReceipt,
	unique,
} from '../../../tools/simulator/ids';

// 2026-01-01 00:01:12 UTC = 03:01:12 in Kenya.
const COMPLETED_MS = Date.UTC( 2026, 0, 1, 0, 1, 12 );

const source: CallbackSource = {
	requestId: 'K7QX2MNA4TZ9PLB',
	merchantRequestId: '29115-34620561-1',
	checkoutRequestId: 'ws_CO_01012026030000512712345678',
	senderMsisdn: '254712345678',
	amountPaid: 1500,
	resultCode: 0,
	payment: {
		receipt: 'TLA1B2C3D4',
		completedAt: new Date( COMPLETED_MS ).toISOString(),
		transactionTime: '20260101030112',
		transactionDate: 20260101030112,
		firstName: 'Jane',
		lastName: 'Doe',
		dueDate: 1769904072,
	},
};

describe( 'callback bodies', () => {
	it( 'builds a successful stkCallback with typed metadata items', () => {
		expect( stkCallbackBody( source ) ).toEqual( {
			Body: {
				stkCallback: {
					MerchantRequestID: '29115-34620561-1',
					CheckoutRequestID: 'ws_CO_01012026030000512712345678',
					ResultCode: 0,
					ResultDesc:
						'The service request is processed successfully.',
					CallbackMetadata: {
						Item: [
							{ Name: 'Amount', Value: 1500 },
							{ Name: 'MpesaReceiptNumber', Value: 'TLA1B2C3D4' },
							{ Name: 'Balance' },
							{ Name: 'TransactionDate', Value: 20260101030112 },
							{ Name: 'PhoneNumber', Value: 254712345678 },
						],
					},
				},
			},
		} );
	} );

	it( 'builds a failed stkCallback without metadata and with a numeric ResultCode', () => {
		expect( stkCallbackBody( source, '1032' ) ).toEqual( {
			Body: {
				stkCallback: {
					MerchantRequestID: '29115-34620561-1',
					CheckoutRequestID: 'ws_CO_01012026030000512712345678',
					ResultCode: 1032,
					ResultDesc: 'Request cancelled by user',
				},
			},
		} );
	} );

	it( 'keeps a non-numeric ResultCode as a string', () => {
		expect(
			stkCallbackBody( source, 'SFC_IC0003' ).Body.stkCallback
		).toMatchObject( {
			ResultCode: 'SFC_IC0003',
			ResultDesc: 'The operator does not exist.',
		} );
	} );

	it( 'builds a pvpCallback with a flat metadata object', () => {
		expect( pvpCallbackBody( source ) ).toEqual( {
			Body: {
				pvpCallback: {
					RequestID: 'K7QX2MNA4TZ9PLB',
					CheckoutRequestID: 'ws_CO_01012026030000512712345678',
					CallbackMetadata: {
						TransactionID: 'TLA1B2C3D4',
						TransactionTime: '20260101030112',
						SenderMSISDN: '254712345678',
						SenderFirstName: 'Jane',
						SenderLastName: 'Doe',
						DueDate: 1769904072,
					},
				},
			},
		} );
	} );

	it( 'tells which bodies report a payment', () => {
		expect( reportsPayment( stkCallbackBody( source ) ) ).toBe( true );
		expect( reportsPayment( pvpCallbackBody( source ) ) ).toBe( true );
		expect( reportsPayment( stkCallbackBody( source, 1037 ) ) ).toBe(
			false
		);
	} );
} );

describe( 'ids', () => {
	it( 'writes times in Kenya time', () => {
		expect( kenyaStamp( COMPLETED_MS ) ).toBe( '20260101030112' );
		expect( kenyaStamp( Date.UTC( 2025, 11, 31, 21, 0, 0 ) ) ).toBe(
			'20260101000000'
		);
	} );

	it( 'makes Daraja-looking request ids', () => {
		expect( merchantRequestId() ).toMatch( /^\d{5}-\d{8}-1$/ );
		expect( checkoutRequestId( COMPLETED_MS, '254712345678' ) ).toMatch(
			/^ws_CO_01012026030112\d{3}712345678$/
		);
	} );

	it( 'makes M-Pesa-looking receipts', () => {
		const receipt = mpesaReceipt( COMPLETED_MS );
		expect( receipt ).toMatch( /^[A-Z0-9]{10}$/ );
		expect( receipt.slice( 0, 2 ) ).toBe( 'UA' );
	} );

	it( 'never hands out the same value twice', () => {
		const used = new Set< string >();
		const values = [ 'A', 'A', 'B', 'A', 'C' ];
		const make = () => values.shift() ?? 'Z';
		expect( [
			unique( used, make ),
			unique( used, make ),
			unique( used, make ),
		] ).toEqual( [ 'A', 'B', 'C' ] );
	} );
} );
