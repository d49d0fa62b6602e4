import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../src/crypto/sha256';

describe('sha256Hex (the one hash of chains, photos, kiosk tokens and QR codes)', () => {
  // FIPS 180-2 test vectors.
  it.each<[string, string | Uint8Array, string]>([
    ['an empty string', '', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['"abc"', 'abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    ['the two-block message', 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1'],
    ['"abc" as bytes', new Uint8Array([0x61, 0x62, 0x63]), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ])('%s', (_name, input, expected) => {
    expect(sha256Hex(input)).toBe(expected);
  });
});
