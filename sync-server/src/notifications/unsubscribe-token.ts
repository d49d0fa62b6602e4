import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The unsubscribe link of a message: `<account id b64url>.<kind>.<HMAC-SHA256>`, signed with the server secret and
 * its own purpose, so it works without a session (RFC 8058 one-click) and cannot be forged for another account.
 */
export function unsubscribeToken(secret: string, accountId: string, kind: string): string {
  const data = `${Buffer.from(accountId).toString('base64url')}.${kind}`;
  return `${data}.${mac(secret, data)}`;
}

export function readUnsubscribeToken(secret: string, token: string): { accountId: string; kind: string } | null {
  const m = /^([A-Za-z0-9_-]{1,200})\.([a-z-]{1,40})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return null;
  const [, account, kind, sig] = m as unknown as [string, string, string, string];
  const expected = Buffer.from(mac(secret, `${account}.${kind}`));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { accountId: Buffer.from(account, 'base64url').toString(), kind };
}

function mac(secret: string, data: string): string {
  return createHmac('sha256', `unsubscribe:${secret}`).update(data).digest('base64url');
}
