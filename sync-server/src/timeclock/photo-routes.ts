import { PLANNER_ROLES, hasRole } from '@coulisses/shared';
import { sha256Hex } from '@coulisses/shared/crypto/sha256';
import { Hono, type Context } from 'hono';
import type { Sql } from '../db/connect';
import type { Deps } from '../deps';
import type { AppEnv } from '../http/context';
import { AppError } from '../http/errors';
import { requireRole } from '../auth/caller';
import { linkedUserId } from '../sync/viewer';
import { kioskDeviceId, requireKiosk } from './kiosk-auth';

/** The largest punch photo accepted (the table's limit too). */
export const PHOTO_MAX_BYTES = 256 * 1024;
const ROLES = ['ADMIN', 'MANAGER', 'TECH'] as const;

interface PunchRow {
  id: string;
  userId: string | null;
  deviceId: string | null;
  photoHash: string | null;
}

async function findPunch(sql: Sql, orgId: string, id: string): Promise<PunchRow | null> {
  const rows = await sql<{ id: string; doc: Record<string, unknown> }[]>`
    select id, doc from field_events where org_id = ${orgId} and id = ${id} and not deleted and doc->>'kind' in ('PUNCH', 'INCIDENT')`;
  const doc = rows[0]?.doc;
  if (!doc) return null;
  const payload = (doc.payload as Record<string, unknown> | undefined) ?? {};
  return {
    id,
    userId: (doc.userId as string | null) ?? null,
    deviceId: (doc.deviceId as string | null) ?? null,
    photoHash: typeof payload.photoHash === 'string' ? payload.photoHash : null,
  };
}

/** May this session read or attach the photo of this punch: a planner, or the punch's own person. */
async function sessionMay(sql: Sql, c: Context<AppEnv>, punch: PunchRow): Promise<{ orgId: string } | null> {
  const caller = requireRole(c, ROLES);
  if (hasRole(caller.role, PLANNER_ROLES)) return { orgId: caller.activeOrgId };
  const userId = await linkedUserId(sql, caller.activeOrgId, caller.accountId);
  return userId && userId === punch.userId ? { orgId: caller.activeOrgId } : null;
}

const isKioskAuth = (c: Context<AppEnv>) => /^Kiosk\s/i.test(c.req.header('authorization') ?? '');

/**
 * The small JPEG taken with a punch or an equipment incident report (issue 13; both are field events whose
 * payload carries photoHash): PUT /timeclock/punches/:id/photo (the punch's person, a planner, or the
 * kiosk that wrote it), image/jpeg <= 256 KiB whose SHA-256 is the punch's payload.photoHash (422
 * PHOTO_MISMATCH otherwise; 409 PUNCH_NOT_SYNCED while the punch is not on the server); idempotent, 204. GET of
 * the same path (planners, or the person) -> the JPEG.
 */
export function photoRoutes(deps: Deps) {
  const { sql } = deps.db;
  const app = new Hono<AppEnv>();

  app.put('/timeclock/punches/:id/photo', async (c) => {
    const id = c.req.param('id');
    // Who: a kiosk (its own punches only) or a session of the organisation.
    const kiosk = isKioskAuth(c) ? await requireKiosk(c, sql) : null;
    const orgId = kiosk ? kiosk.orgId : requireRole(c, ROLES).activeOrgId;
    const type = (c.req.header('content-type') ?? '').toLowerCase();
    if (!type.startsWith('image/jpeg')) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
    const bytes = Buffer.from(await c.req.arrayBuffer());
    if (bytes.length > PHOTO_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', { max: PHOTO_MAX_BYTES });
    if (bytes.length === 0) throw new AppError('BAD_REQUEST', { reason: 'empty photo' });
    const punch = await findPunch(sql, orgId, id);
    if (!punch) throw new AppError('PUNCH_NOT_SYNCED');
    if (kiosk ? punch.deviceId !== kioskDeviceId(kiosk.id) : !(await sessionMay(sql, c, punch))) throw new AppError('FORBIDDEN');
    const sha256 = sha256Hex(bytes);
    if (!punch.photoHash || sha256 !== punch.photoHash) throw new AppError('PHOTO_MISMATCH');
    await sql`
      insert into punch_photos (org_id, event_id, sha256, content_type, bytes)
      values (${orgId}, ${id}, ${sha256}, 'image/jpeg', ${bytes})
      on conflict (org_id, event_id) do nothing`;
    return c.body(null, 204);
  });

  app.get('/timeclock/punches/:id/photo', async (c) => {
    const caller = requireRole(c, ROLES);
    const punch = await findPunch(sql, caller.activeOrgId, c.req.param('id'));
    if (!punch) throw new AppError('NOT_FOUND');
    if (!(await sessionMay(sql, c, punch))) throw new AppError('FORBIDDEN');
    const rows = await sql<{ bytes: Uint8Array }[]>`
      select bytes from punch_photos where org_id = ${caller.activeOrgId} and event_id = ${punch.id}`;
    const bytes = rows[0]?.bytes;
    if (!bytes) throw new AppError('NOT_FOUND');
    return c.body(new Uint8Array(bytes), 200, { 'content-type': 'image/jpeg', 'cache-control': 'private, max-age=3600' });
  });

  return app;
}
