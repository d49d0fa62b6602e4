import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import type { Sql } from '../db/connect';
import type { AppEnv } from '../http/context';
import { AppError } from '../http/errors';
import { viewerContext, type ViewerContext } from '../sync/viewer';
import { sha256Hex } from '@coulisses/shared/crypto/sha256';

/** A kiosk row as the routes use it. */
export interface KioskRow {
  id: string;
  orgId: string;
  venueId: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
}

/** A new kiosk token: 32 random bytes, base64url (shown once; the server keeps its SHA-256 only). */
export function newKioskToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The device id a kiosk signs its punches with. */
export function kioskDeviceId(kioskId: string): string {
  return `kiosk-${kioskId}`;
}

/** The account id a kiosk writes as (authorAccountId of its events). */
export function kioskAccountId(kioskId: string): string {
  return `kiosk:${kioskId}`;
}

type DbKiosk = { id: string; org_id: string; venue_id: string; name: string; created_at: Date | string; revoked_at: Date | string | null; last_seen_at: Date | string | null };

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

export function toKiosk(r: DbKiosk): KioskRow {
  return { id: r.id, orgId: r.org_id, venueId: r.venue_id, name: r.name, createdAt: iso(r.created_at)!, revokedAt: iso(r.revoked_at), lastSeenAt: iso(r.last_seen_at) };
}

/** The viewer a kiosk syncs as: role KIOSK, its own device id, no person. */
export function kioskViewer(sql: Sql, kiosk: KioskRow): ViewerContext {
  return viewerContext(sql, kiosk.orgId, { role: 'KIOSK', accountId: kioskAccountId(kiosk.id), userId: null, deviceId: kioskDeviceId(kiosk.id) });
}

/** How often last_seen_at is written at most. */
const SEEN_EVERY_MS = 60_000;

/**
 * The kiosk of an `Authorization: Kiosk <token>` header: 401 UNAUTHENTICATED without a known token, 401
 * KIOSK_REVOKED once revoked. Marks it seen (at most once a minute).
 */
export async function requireKiosk(c: Context<AppEnv>, sql: Sql): Promise<KioskRow> {
  const header = c.req.header('authorization') ?? '';
  const match = /^Kiosk\s+([A-Za-z0-9_-]{20,100})$/.exec(header.trim());
  if (!match) throw new AppError('UNAUTHENTICATED');
  const rows = await sql<DbKiosk[]>`
    select id, org_id, venue_id, name, created_at, revoked_at, last_seen_at from kiosks where token_hash = ${sha256Hex(match[1]!)}`;
  const row = rows[0];
  if (!row) throw new AppError('UNAUTHENTICATED');
  const kiosk = toKiosk(row);
  if (kiosk.revokedAt) throw new AppError('KIOSK_REVOKED');
  if (!kiosk.lastSeenAt || Date.now() - Date.parse(kiosk.lastSeenAt) >= SEEN_EVERY_MS) {
    await sql`update kiosks set last_seen_at = now() where id = ${kiosk.id}`;
  }
  return kiosk;
}
