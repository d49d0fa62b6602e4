import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A signed invitation token: `<id>.<expiry in seconds>.<HMAC-SHA256(id.expiry)>`, URL-safe. */
export function signToken(secret: string, id: string, expiresAt: Date): string {
  const exp = Math.floor(expiresAt.getTime() / 1000);
  return `${id}.${exp}.${mac(secret, `${id}.${exp}`)}`;
}

export type TokenCheck = { ok: true; id: string; expiresAt: Date } | { ok: false; reason: 'MALFORMED' | 'BAD_SIGNATURE' };

/** Checks shape and signature (constant time). Expiry and revocation are checked against the database row. */
export function verifyToken(secret: string, token: string): TokenCheck {
  const m = /^([A-Za-z0-9_-]{16,64})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return { ok: false, reason: 'MALFORMED' };
  const [, id, exp, sig] = m as unknown as [string, string, string, string];
  const expected = Buffer.from(mac(secret, `${id}.${exp}`));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'BAD_SIGNATURE' };
  return { ok: true, id, expiresAt: new Date(Number(exp) * 1000) };
}

export function newTokenId(): string {
  return randomBytes(18).toString('base64url');
}

function mac(secret: string, data: string): string {
  return createHmac('sha256', `mission-invitation:${secret}`).update(data).digest('base64url');
}
