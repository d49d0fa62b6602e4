import { PLANNER_ROLES, entityByName, localDate, uuidv7, withDefaults } from '@coulisses/shared';
import { geofenceOf } from '@coulisses/shared/timeclock/geofence';
import { Hono } from 'hono';
import { z } from 'zod';
import { SafeText, text } from '@coulisses/shared/entities/common';
import type { Deps } from '../deps';
import type { AppEnv } from '../http/context';
import { AppError } from '../http/errors';
import { readJson } from '../http/validate';
import { audit } from '../audit/audit-log';
import { requireRole } from '../auth/caller';
import { getOrgSettings } from '../org/settings-repo';
import { handlePush } from '../sync/push-route';
import { kioskDeviceId, kioskViewer, newKioskToken, requireKiosk, toKiosk } from './kiosk-auth';
import { sha256Hex } from '@coulisses/shared/crypto/sha256';
import { rosterWindow } from './kiosk-roster';
import { pinRoutes } from './pin-routes';

const EnrolBody = z.object({ venueId: text(40).min(1), name: SafeText.trim().min(1).max(120) }).strict();

type DbKiosk = Parameters<typeof toKiosk>[0];

/**
 * Kiosks: enrolment, list and revocation by planners; the kiosk device's own API (who it is, its roster, its
 * punches through the sync core's push) with `Authorization: Kiosk <token>`; and the PIN routes.
 */
export function kioskRoutes(deps: Deps) {
  const { sql } = deps.db;
  const app = new Hono<AppEnv>();

  app.post('/timeclock/kiosks', async (c) => {
    const caller = requireRole(c, PLANNER_ROLES);
    const body = await readJson(c, EnrolBody);
    const venue = await sql<{ id: string }[]>`
      select id from reference where org_id = ${caller.activeOrgId} and id = ${body.venueId} and not deleted and doc->>'kind' = 'venue'`;
    if (!venue[0]) throw new AppError('VALIDATION_FAILED', [{ path: 'venueId', message: 'unknown venue' }]);
    const id = uuidv7();
    const token = newKioskToken();
    const [row] = await sql<DbKiosk[]>`
      insert into kiosks (id, org_id, venue_id, name, token_hash, created_by)
      values (${id}, ${caller.activeOrgId}, ${body.venueId}, ${body.name}, ${sha256Hex(token)}, ${caller.accountId})
      returning id, org_id, venue_id, name, created_at, revoked_at, last_seen_at`;
    await audit(sql, { orgId: caller.activeOrgId, actorAccountId: caller.accountId, action: 'kiosk.enrolled', entity: 'kiosk', entityId: id, data: { venueId: body.venueId, name: body.name } });
    const { orgId: _o, ...kiosk } = toKiosk(row!);
    return c.json({ kiosk, token, enrolUrl: `${deps.baseURL}/kiosk#enrol=${token}` }, 201);
  });

  app.get('/timeclock/kiosks', async (c) => {
    const caller = requireRole(c, PLANNER_ROLES);
    const rows = await sql<DbKiosk[]>`
      select id, org_id, venue_id, name, created_at, revoked_at, last_seen_at from kiosks where org_id = ${caller.activeOrgId} order by created_at, id`;
    return c.json({ kiosks: rows.map((r) => { const { orgId: _o, ...k } = toKiosk(r); return k; }) });
  });

  app.post('/timeclock/kiosks/:id/revoke', async (c) => {
    const caller = requireRole(c, PLANNER_ROLES);
    const id = c.req.param('id');
    const rows = await sql<DbKiosk[]>`
      update kiosks set revoked_at = coalesce(revoked_at, now()), revoked_by = coalesce(revoked_by, ${caller.accountId})
      where org_id = ${caller.activeOrgId} and id = ${id}
      returning id, org_id, venue_id, name, created_at, revoked_at, last_seen_at`;
    if (!rows[0]) throw new AppError('NOT_FOUND');
    await audit(sql, { orgId: caller.activeOrgId, actorAccountId: caller.accountId, action: 'kiosk.revoked', entity: 'kiosk', entityId: id });
    const { orgId: _o, ...kiosk } = toKiosk(rows[0]);
    return c.json({ kiosk });
  });

  app.get('/kiosk/me', async (c) => {
    const kiosk = await requireKiosk(c, sql);
    const [org] = await sql<{ id: string; name: string; timezone: string }[]>`select id, name, timezone from auth_organization where id = ${kiosk.orgId}`;
    return c.json({
      kiosk: { id: kiosk.id, name: kiosk.name, venueId: kiosk.venueId, deviceId: kioskDeviceId(kiosk.id) },
      org: { id: kiosk.orgId, name: org?.name ?? '', timezone: org?.timezone ?? 'Europe/Paris' },
      settings: await getOrgSettings(sql, kiosk.orgId),
    });
  });

  app.get('/kiosk/roster', async (c) => {
    const kiosk = await requireKiosk(c, sql);
    const orgId = kiosk.orgId;
    const [org] = await sql<{ timezone: string }[]>`select timezone from auth_organization where id = ${orgId}`;
    const zone = org?.timezone || 'Europe/Paris';
    const now = Date.now();
    const date = localDate(now, zone);
    const { from, to } = rosterWindow(date, zone);
    const [venueRow] = await sql<{ id: string; doc: Record<string, unknown> }[]>`
      select id, doc from reference where org_id = ${orgId} and id = ${kiosk.venueId} and not deleted`;
    const missions = await sql<{ user_id: string; id: string; title: string; start_at: string; end_at: string }[]>`
      select a.doc->>'userId' as user_id, m.id, m.doc->>'title' as title, m.doc->>'startAt' as start_at, m.doc->>'endAt' as end_at
      from assignments a join missions m on m.org_id = a.org_id and m.id = a.doc->>'missionId'
      where a.org_id = ${orgId} and not a.deleted and not m.deleted
        and a.doc->>'status' in ('INVITED', 'ACCEPTED') and m.doc->>'status' <> 'CANCELLED'
        and m.doc->>'venueId' = ${kiosk.venueId}
        and (m.doc->>'startAt')::timestamptz < ${to}::timestamptz and (m.doc->>'endAt')::timestamptz > ${from}::timestamptz
      order by m.doc->>'startAt', m.id`;
    const userIds = [...new Set(missions.map((m) => m.user_id))];
    const people = userIds.length
      ? await sql<{ id: string; first_name: string; last_name: string }[]>`
          select id, doc->>'firstName' as first_name, doc->>'lastName' as last_name from users
          where org_id = ${orgId} and not deleted and id in ${sql(userIds)}`
      : [];
    const pins = userIds.length
      ? await sql<{ user_id: string; salt: string; hash: string; iterations: number; locked_at: Date | null; updated_at: Date; qr_hash: string | null }[]>`
          select user_id, salt, hash, iterations, locked_at, updated_at, qr_hash from user_pins where org_id = ${orgId} and user_id in ${sql(userIds)}`
      : [];
    const punches = userIds.length
      ? await sql<{ user_id: string; punch_type: string; at: string; mission_id: string | null }[]>`
          select distinct on (doc->>'userId') doc->>'userId' as user_id, doc->'payload'->>'punchType' as punch_type, doc->>'at' as at,
            doc->>'missionId' as mission_id
          from field_events where org_id = ${orgId} and not deleted and doc->>'kind' = 'PUNCH' and doc->>'userId' in ${sql(userIds)}
          order by doc->>'userId', doc->>'at' desc`
      : [];
    const pinOf = new Map(pins.map((p) => [p.user_id, p]));
    const lastOf = new Map(punches.map((p) => [p.user_id, p]));
    const list = people
      .map((p) => {
        const pin = pinOf.get(p.id);
        const last = lastOf.get(p.id);
        return {
          userId: p.id,
          firstName: p.first_name ?? '',
          lastName: p.last_name ?? '',
          pin: pin && pin.hash
            ? { salt: pin.salt, hash: pin.hash, iterations: pin.iterations, lockedAt: pin.locked_at ? new Date(pin.locked_at).toISOString() : null, updatedAt: new Date(pin.updated_at).toISOString() }
            : null,
          qrHash: pin?.qr_hash ?? null,
          missions: missions.filter((m) => m.user_id === p.id).map((m) => ({ id: m.id, title: m.title, startAt: m.start_at, endAt: m.end_at })),
          // The mission of the last punch: a clock out or a break goes to the mission of the open clock in.
          lastPunch: last ? { punchType: last.punch_type, at: last.at, missionId: last.mission_id ?? null } : null,
        };
      })
      .sort((a, b) => `${a.lastName} ${a.firstName}`.localeCompare(`${b.lastName} ${b.firstName}`, 'fr'));
    return c.json({
      date,
      zone,
      serverTime: new Date(now).toISOString(),
      venue: { id: kiosk.venueId, name: String(venueRow?.doc.name ?? ''), geofence: geofenceOf((venueRow?.doc.data as Record<string, unknown> | undefined) ?? null) },
      settings: withDefaults(await getOrgSettings(sql, orgId)),
      people: list,
    });
  });

  // The sync core's push with the kiosk as viewer: every rule of the registry applies (KIOSK: own punches and
  // incidents only).
  app.post('/kiosk/sync/field_events/push', async (c) => {
    const kiosk = await requireKiosk(c, sql);
    return handlePush(c, deps.sync, kioskViewer(sql, kiosk), entityByName('field_events')!);
  });

  app.route('/', pinRoutes(deps));
  return app;
}
