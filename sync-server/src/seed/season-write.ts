import { withoutNotifications } from '../notifications/hooks';
import { entityByName, type PushRow, type Role, type SyncDoc, type Viewer } from '@coulisses/shared';
import { sha256Hex } from '@coulisses/shared/crypto/sha256';
import { audit } from '../audit/audit-log';
import type { Sql } from '../db/connect';
import type { SyncCore } from '../sync/core';
import { applyPush } from '../sync/push';
import type { SyncTx } from '../sync/sync-tx';
import { viewerContext } from '../sync/viewer';
import { kioskAccountId, kioskDeviceId, newKioskToken } from '../timeclock/kiosk-auth';
import { pinVerifier } from '../timeclock/pin-hash';
import { writeEquipment } from './equipment-write';
import { KPI_SEASONS } from './kpi-content';
import { writeKpis } from './kpi-write';
import type { OrgSeason } from './season-content';
import { planSeason, type SeasonPlan } from './season-plan';

export interface SeasonWriteInput {
  orgId: string;
  zone: string;
  season: OrgSeason;
  now: number;
  /** Demo account ids by e-mail, and each account's role in this organisation. */
  accounts: ReadonlyMap<string, string>;
  roles: ReadonlyMap<string, Role>;
  /** The planner account (manager@, regie@) that creates the planning and validates timesheets. */
  plannerEmail: string;
}

export interface SeasonResult {
  counts: Record<string, number>;
  /** The enrolled kiosk's link (its token is shown once, like an enrolment from the app). */
  kioskLink: string;
  kioskName: string;
  /** "First Last PIN" of the people with a kiosk PIN. */
  pins: string[];
}

const PUSH_BATCH = 500;

/**
 * Stores a season through the sync core, in one transaction of the organisation: every document is pushed by the
 * actor who would write it (the planner creates and records answers, tech@'s person answers and confirms on their
 * phone, the kiosk sends its punches), so each gets its change number, audit, server fields and hooks; the
 * timesheets are the server's own, computed from the punches by the time clock hooks. Returns null when the
 * organisation already has people (the season is there: a second `npm run seed` adds nothing).
 */
export async function writeSeason(deps: { sync: SyncCore; sql: Sql; baseURL: string }, input: SeasonWriteInput): Promise<SeasonResult | null> {
  const { season, orgId } = input;
  const present = await deps.sql`select 1 from users where org_id = ${orgId} limit 1`;
  if (present.length > 0) return null;
  const plannerKey = season.people.find((p) => p.account === input.plannerEmail)?.key;
  if (!plannerKey) throw new Error(`demo season ${season.slug}: no person for ${input.plannerEmail}`);
  const crewAccounts = new Set([...input.roles].filter(([, role]) => role === 'TECH').map(([email]) => email));
  const plan = planSeason({
    season, orgId, zone: input.zone, now: input.now, accounts: input.accounts, plannerKey, crewAccounts,
    fixedKeys: season.people.filter((p) => p.account && crewAccounts.has(p.account)).map((p) => p.key),
  });
  const token = newKioskToken();
  const pins = await Promise.all(season.pins.map(async (p) => ({ userId: plan.personIds.get(p.person)!, verifier: await pinVerifier(p.pin) })));

  const viewerOf = (personKey: string): Viewer => {
    const email = season.people.find((p) => p.key === personKey)?.account;
    const accountId = email ? input.accounts.get(email) : undefined;
    const role = email ? input.roles.get(email) : undefined;
    if (!accountId || !role) throw new Error(`demo season ${season.slug}: ${personKey} has no account`);
    return { role, accountId, userId: plan.personIds.get(personKey)! };
  };
  const planner = viewerOf(plannerKey);
  const kiosk: Viewer = { role: 'KIOSK', accountId: kioskAccountId(plan.kioskId), userId: null, deviceId: kioskDeviceId(plan.kioskId) };

  const counts = await deps.sync.transaction(orgId, async (tx) => {
    withoutNotifications(tx);
    const push = (viewer: Viewer, entity: string, docs: readonly SyncDoc[], assumed?: ReadonlyMap<string, SyncDoc>) => pushAll(tx, orgId, viewer, entity, docs, assumed);
    await push(planner, 'reference', plan.reference);
    await push(planner, 'users', plan.users);
    await push(planner, 'projects', plan.projects);
    await push(planner, 'missions', plan.missions);
    await push(planner, 'assignments', plan.assignments.map((a) => a.doc));
    // The answers, grouped by who gives them: the crew member on their phone, or the planner recording them.
    const answers = new Map<string, { viewer: Viewer; docs: SyncDoc[]; assumed: Map<string, SyncDoc> }>();
    const group = (key: string, viewer: () => Viewer) => answers.get(key) ?? answers.set(key, { viewer: viewer(), docs: [], assumed: new Map() }).get(key)!;
    for (const a of plan.assignments) {
      if (!a.final) continue;
      const f = a.final;
      const g = f.by === 'CREW' ? group(a.personKey, () => viewerOf(a.personKey)) : group('', () => planner);
      g.docs.push({ ...a.doc, status: f.status, statusChangedAt: f.at, statusChangedBy: f.by, updatedAt: f.at, ...(f.reason ? { declineReason: f.reason } : {}) });
      g.assumed.set(a.doc.id, a.doc);
    }
    for (const g of answers.values()) await push(g.viewer, 'assignments', g.docs, g.assumed);
    const ownAvailability = (key: string) => {
      const email = season.people.find((p) => p.key === key)?.account;
      return !!email && crewAccounts.has(email);
    };
    for (const a of plan.availabilities.filter((x) => ownAvailability(x.personKey))) await push(viewerOf(a.personKey), 'availabilities', [a.doc]);
    await push(planner, 'availabilities', plan.availabilities.filter((x) => !ownAvailability(x.personKey)).map((x) => x.doc));

    const venueId = plan.venueIds.get(season.kiosk.venue)!;
    await tx.sql`
      insert into kiosks (id, org_id, venue_id, name, token_hash, created_by)
      values (${plan.kioskId}, ${orgId}, ${venueId}, ${season.kiosk.name}, ${sha256Hex(token)}, ${planner.accountId})`;
    await audit(tx.sql, { orgId, actorAccountId: planner.accountId, action: 'kiosk.enrolled', entity: 'kiosk', entityId: plan.kioskId, data: { venueId, name: season.kiosk.name, seed: true } });
    for (const p of pins) {
      await tx.sql`
        insert into user_pins (org_id, user_id, salt, hash, iterations)
        values (${orgId}, ${p.userId}, ${p.verifier.salt}, ${p.verifier.hash}, ${p.verifier.iterations})`;
      await audit(tx.sql, { orgId, actorAccountId: planner.accountId, action: 'pin.set', entity: 'user_pin', entityId: p.userId, data: { seed: true } });
    }

    for (const device of plan.devices) {
      const viewer = device.kind === 'kiosk' ? kiosk : device.kind === 'phone' ? viewerOf(device.personKey!) : planner;
      await push(viewer, 'field_events', device.punches);
    }
    await settleTimesheets(tx, plan, orgId, planner, (userId) => {
      const key = [...plan.personIds].find(([, id]) => id === userId)?.[0];
      return key ? viewerOf(key) : planner;
    }, push);

    const crewKey = season.people.find((p) => p.account && crewAccounts.has(p.account))?.key;
    const equipment = await writeEquipment(tx, {
      slug: season.slug, now: input.now, missions: plan.missions, venueIds: plan.venueIds, planner, crew: crewKey ? viewerOf(crewKey) : null, push,
    });

    const out: Record<string, number> = { ...equipment };
    for (const table of ['reference', 'users', 'projects', 'missions', 'assignments', 'availabilities', 'field_events', 'timesheets']) {
      const [row] = await tx.sql<{ n: number }[]>`select count(*)::int as n from ${tx.sql(table)} where org_id = ${orgId} and not deleted`;
      out[table] = row?.n ?? 0;
    }
    return out;
  });
  // The KPI side (dashboards, KPIs and their year of values, actions, comments), then the automatic KPIs' values.
  const kpiSeason = KPI_SEASONS.find((k) => k.slug === season.slug);
  if (kpiSeason) {
    const written = await writeKpis(deps, {
      orgId, zone: input.zone, now: input.now, season: kpiSeason, personIds: plan.personIds, projectIds: plan.projectIds, teamIds: plan.teamIds,
      planner, viewerOf, push: (tx, viewer, entity, docs) => pushAll(tx, orgId, viewer, entity, docs),
    });
    Object.assign(counts, written);
  }
  const pinList = season.pins.map((p) => {
    const person = season.people.find((x) => x.key === p.person)!;
    return `${person.first} ${person.last} ${p.pin}`;
  });
  return { counts, kioskLink: `${deps.baseURL}/kiosk#enrol=${token}`, kioskName: season.kiosk.name, pins: pinList };
}

/**
 * The timesheets the punches produced end where the season says: confirmed or disputed by the person (their own
 * account), validated by the planner; the rest stay drafts waiting for the planner.
 */
async function settleTimesheets(
  tx: SyncTx,
  plan: SeasonPlan,
  orgId: string,
  planner: Viewer,
  viewerOfUser: (userId: string) => Viewer,
  push: (viewer: Viewer, entity: string, docs: readonly SyncDoc[], assumed?: ReadonlyMap<string, SyncDoc>) => Promise<void>,
): Promise<void> {
  await tx.flush();
  const rows = await tx.sql<{ id: string; doc: Record<string, unknown> }[]>`select id, doc from timesheets where org_id = ${orgId} and not deleted order by id`;
  const groups = new Map<string, { viewer: Viewer; docs: SyncDoc[]; assumed: Map<string, SyncDoc> }>();
  for (const row of rows) {
    const stored = { ...row.doc, id: row.id, _deleted: false } as SyncDoc;
    const wanted = plan.timesheetStatus.get(`${String(stored.userId)}|${String(stored.missionId)}`);
    if (!wanted || wanted.status === 'DRAFT') continue;
    const by = wanted.status === 'VALIDATED' ? '' : String(stored.userId);
    const g = groups.get(by) ?? groups.set(by, { viewer: by ? viewerOfUser(by) : planner, docs: [], assumed: new Map() }).get(by)!;
    g.docs.push({ ...stored, status: wanted.status, updatedAt: tx.now, ...(wanted.crewComment ? { crewComment: wanted.crewComment } : {}) });
    g.assumed.set(stored.id, stored);
  }
  for (const g of groups.values()) await push(g.viewer, 'timesheets', g.docs, g.assumed);
}

/** One push of the sync core as `viewer`; anything refused is a bug of the season, so it throws. */
async function pushAll(tx: SyncTx, orgId: string, viewer: Viewer, entityName: string, docs: readonly SyncDoc[], assumed?: ReadonlyMap<string, SyncDoc>): Promise<void> {
  const entity = entityByName(entityName);
  if (!entity) throw new Error(`unknown entity ${entityName}`);
  for (const doc of docs) {
    const { _deleted, ...fields } = doc;
    entity.schema.parse(fields);
  }
  const ctx = viewerContext(tx.sql, orgId, viewer);
  for (let i = 0; i < docs.length; i += PUSH_BATCH) {
    const rows: PushRow[] = docs.slice(i, i + PUSH_BATCH).map((d) => ({ assumedMasterState: assumed?.get(d.id) ?? null, newDocumentState: d }));
    const res = await applyPush(tx, { ...ctx, deviceTime: null }, entity, rows);
    if (res.rejected.length > 0 || res.diverted.length > 0 || res.conflicts.length > 0) {
      throw new Error(`demo seed: ${entityName} refused for ${viewer.role}: ${JSON.stringify(res.rejected.slice(0, 3))} ${res.conflicts.length} conflicts`);
    }
  }
}
