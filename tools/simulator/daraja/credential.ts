/**
 * The SecurityCredential check: the initiator password encrypted (RSA, PKCS #1 v1.5 padding, base64)
 * with the public key the simulator hands out as its "Safaricom certificate".
 */
import { constants, privateDecrypt, type KeyObject } from 'node:crypto';

/**
 * Decrypts a SecurityCredential. Node 20 refuses PKCS #1 v1.5 private decryption (CVE-2023-46809),
 * so the raw RSA block is decrypted and the padding (00 02 <non-zero bytes> 00 <message>) removed
 * here; timing leaks do not matter in a local test tool.
 *
 * @param credential Base64 ciphertext.
 * @param privateKey The simulator's private key.
 * @return The password, or null when the credential was not made with the matching public key.
 */
export function decryptCredential(
	credential: string,
	privateKey: KeyObject
): string | null {
	let block: Buffer;
	try {
		block = privateDecrypt(
			{ key: privateKey, padding: constants.RSA_NO_PADDING },
			Buffer.from( credential, 'base64' )
		);
	} catch {
		return null;
	}
	const separator = block.indexOf( 0, 2 );
	if ( block[ 0 ] !== 0 || block[ 1 ] !== 2 || separator < 10 ) {
		return null;
	}
	return block.subarray( separator + 1 ).toString( 'utf8' );
}

/**
 * @param publicKey The simulator's public key.
 * @return It as PEM (SPKI), what a store owner would paste as the certificate.
 */
export function publicKeyPem( publicKey: KeyObject ): string {
	return publicKey.export( { type: 'spki', format: 'pem' } ).toString();
}
