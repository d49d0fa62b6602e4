import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * Lowercase hex SHA-256 of a UTF-8 string or of bytes, the same in the browser, its workers and Node (punch
 * chains, photo hashes, kiosk tokens and QR codes are compared across them). Synchronous.
 */
export function sha256Hex(input: string | Uint8Array): string {
  return bytesToHex(sha256(typeof input === 'string' ? utf8ToBytes(input) : input));
}
