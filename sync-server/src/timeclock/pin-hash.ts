import { pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const pbkdf2Async = promisify(pbkdf2);

/** PBKDF2-SHA256 iterations of a PIN verifier: a kiosk on an old tablet checks it offline in a blink. */
export const PIN_ITERATIONS = 20_000;
const KEY_BYTES = 32;
/** Consecutive wrong PINs before the PIN locks (kiosks count the same offline). */
export const PIN_MAX_FAILURES = 5;

export interface PinVerifier {
  salt: string;
  hash: string;
  iterations: number;
}

/** PBKDF2-SHA256 of the PIN with a hex salt, as hex (the same derivation the kiosk runs with crypto.subtle). */
export async function derivePin(pin: string, saltHex: string, iterations: number): Promise<string> {
  const key = await pbkdf2Async(Buffer.from(pin, 'utf8'), Buffer.from(saltHex, 'hex'), iterations, KEY_BYTES, 'sha256');
  return key.toString('hex');
}

/** A new verifier with a fresh 16-byte salt. */
export async function pinVerifier(pin: string): Promise<PinVerifier> {
  const salt = randomBytes(16).toString('hex');
  return { salt, hash: await derivePin(pin, salt, PIN_ITERATIONS), iterations: PIN_ITERATIONS };
}

/** Constant-time check of a PIN against a verifier. */
export async function checkPin(pin: string, v: PinVerifier): Promise<boolean> {
  if (!v.hash) return false;
  const got = Buffer.from(await derivePin(pin, v.salt, v.iterations), 'hex');
  const want = Buffer.from(v.hash, 'hex');
  return got.length === want.length && timingSafeEqual(got, want);
}
