import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { fromBase64Url, toBase64Url } from '@coulisses/shared/analytics/export-seal';
import type { Sql } from '../../db/connect';
import { insertKey, keyById, currentKey } from './repo';

/**
 * The server's Ed25519 export signing key (docs/decisions/signed-exports.md): EXPORT_SIGNING_KEY (a PKCS#8 PEM in
 * the environment) when set, else a key generated on first use and kept in export_keys. Two servers sharing a
 * database that both generate one at once agree on one: at most one live generated key is stored (migration 0013),
 * the second insert does nothing and both read the stored one. Keys are named by the first 16 base64url
 * characters of the SHA-256 of their public key (SPKI DER), which the seal carries.
 */
export interface SigningKey {
  id: string;
  publicPem: string;
  privateKey: KeyObject;
}

export function keyIdOf(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return toBase64Url(createHash('sha256').update(der).digest()).slice(0, 16);
}

function fromPrivatePem(pem: string): SigningKey {
  const privateKey = createPrivateKey(pem.includes('\\n') ? pem.replace(/\\n/g, '\n') : pem);
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('EXPORT_SIGNING_KEY must be an Ed25519 private key (PEM)');
  const publicKey = createPublicKey(privateKey);
  return { id: keyIdOf(publicKey), publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), privateKey };
}

/** Generates a new Ed25519 key pair as PEM (the CLI and the tests use it too). */
export function generateSigningPem(): { privatePem: string; publicPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

/** Loads (or creates on first use) the key exports are signed with. */
export async function loadSigningKey(sql: Sql, envPem: string | undefined): Promise<SigningKey> {
  if (envPem) {
    const key = fromPrivatePem(envPem);
    await insertKey(sql, { id: key.id, publicPem: key.publicPem, privatePem: null });
    return key;
  }
  const found = await currentKey(sql);
  if (found?.private_pem) return fromPrivatePem(found.private_pem);
  const fresh = fromPrivatePem(generateSigningPem().privatePem);
  await insertKey(sql, { id: fresh.id, publicPem: fresh.publicPem, privatePem: fresh.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() });
  const chosen = await currentKey(sql);
  return chosen?.private_pem ? fromPrivatePem(chosen.private_pem) : fresh;
}

/** base64url Ed25519 signature (86 characters) of a statement. */
export function signStatement(key: SigningKey, statement: string): string {
  return toBase64Url(sign(null, Buffer.from(statement, 'utf8'), key.privateKey));
}

/** Whether `signature` is the key's signature of `statement` (false for a malformed signature). */
export async function verifyStatement(sql: Sql, keyId: string, statement: string, signature: string): Promise<boolean> {
  const row = await keyById(sql, keyId);
  if (!row) return false;
  try {
    return verify(null, Buffer.from(statement, 'utf8'), createPublicKey(row.public_pem), fromBase64Url(signature));
  } catch {
    return false;
  }
}
