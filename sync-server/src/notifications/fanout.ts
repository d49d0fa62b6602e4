import { REMINDER_DEFAULT_HOURS, translate, type SyncDoc } from '@coulisses/shared';
import { formatDuration, formatInZone, formatLocalDate } from '@coulisses/shared/i18n/format';
import type { Logger } from 'pino';
import type { Database, Sql } from '../db/connect';
import { enqueue, type JobRunner } from '../jobs/runner';
import { getOrgSettings } from '../org/settings-repo';
import { activeInvitation, issueInvitation, tokenOf } from '../planning/invitation-store';
import { NOTIFY_EVENTS_JOB, type NotifyEvent } from './hooks';
import { localeOf, queueEmail, type EmailRequest, type OutboxContext } from './outbox';
import { liveDocs, liveWhere, orgFacts, recipientsOf, type Recipient } from './recipients';

export const REMINDER_JOB = 'notify.reminder';

export interface FanoutDeps {
  db: Database;
  logger: Logger;
  /** The public origin and secrets, read when a job runs (the port is known only after listen). */
  outbox: () => OutboxContext;
}

interface Org {
  id: string;
  name: string;
  zone: string | null;
}

/** The texts' values about a mission, in the recipient's language and the organisation's zone. */
function missionVars(m: SyncDoc, venue: SyncDoc | undefined, locale: string | null, org: Org): Record<string, string> {
  const l = localeOf(locale);
  const start = String(m.startAt);
  const end = String(m.endAt);
  const sameDay = formatInZone(l, start, org.zone, 'date') === formatInZone(l, end, org.zone, 'date');
  const when = `${formatInZone(l, start, org.zone)} - ${sameDay ? formatInZone(l, end, org.zone, 'time') : formatInZone(l, end, org.zone)}`;
  const address = venue && typeof (venue.data as Record<string, unknown> | undefined)?.address === 'string' ? String((venue.data as Record<string, unknown>).address) : '';
  return {
    mission: String(m.title ?? ''),
    date: formatInZone(l, start, org.zone, 'date'),
    when,
    venue: venue ? [String(venue.name), address].filter(Boolean).join(', ') : translate(l, 'mail.noVenue'),
  };
}

/**
 * The emails of the notify.events jobs (hooks.ts) and of the reminders before missions: each job reads what it
 * needs in one transaction and queues the messages there (idempotency keys per event and recipient, so a job run
 * twice after a crash queues each message once).
 */
export function registerNotificationJobs(runner: JobRunner, deps: FanoutDeps): void {
  const { sql } = deps.db;

  runner.register(NOTIFY_EVENTS_JOB, async (job) => {
    const orgId = job.orgId;
    const events = (job.payload.events ?? []) as NotifyEvent[];
    if (!orgId || events.length === 0) return;
    await sql.begin(async (t) => {
      const tx = t as unknown as Sql;
      const facts = await orgFacts(tx, orgId);
      if (!facts) return;
      await fanOut(tx, deps.outbox(), { id: orgId, name: facts.name, zone: facts.timezone }, events);
    });
  });

  runner.register(REMINDER_JOB, async (job) => {
    const orgId = job.orgId;
    const missionId = String(job.payload.missionId ?? '');
    if (!orgId || !missionId) return;
    await sql.begin(async (t) => {
      const tx = t as unknown as Sql;
      const facts = await orgFacts(tx, orgId);
      if (!facts) return;
      await remind(tx, deps.outbox(), { id: orgId, name: facts.name, zone: facts.timezone }, missionId);
    });
  });
}

async function fanOut(tx: Sql, ctx: OutboxContext, org: Org, events: readonly NotifyEvent[]): Promise<void> {
  const ids = (type: NotifyEvent['type']) => [...new Set(events.filter((e) => e.type === type).map((e) => e.id))];
  const invited = ids('assignment-invited');
  const cancelledAssignments = ids('assignment-cancelled');
  const published = ids('mission-published');
  const changed = ids('mission-changed');
  const cancelledMissions = ids('mission-cancelled');
  const submitted = ids('timesheet-submitted');

  const assignments = await liveDocs(tx, 'assignments', org.id, [...invited, ...cancelledAssignments]);
  for (const a of await liveWhere(tx, 'assignments', org.id, 'missionId', [...published, ...changed, ...cancelledMissions])) assignments.set(a.id, a);
  const missionIds = [...published, ...changed, ...cancelledMissions, ...[...assignments.values()].map((a) => String(a.missionId))];
  // A deleted published mission is cancelled for its crew: its last state names it.
  const missions = await liveDocs(tx, 'missions', org.id, missionIds, { withDeleted: true });
  const venues = await liveDocs(tx, 'reference', org.id, [...missions.values()].map((m) => String(m.venueId ?? '')).filter(Boolean));
  const timesheets = await liveDocs(tx, 'timesheets', org.id, submitted);
  const people = await recipientsOf(tx, org.id, [...[...assignments.values()].map((a) => String(a.userId)), ...[...timesheets.values()].map((s) => String(s.userId))]);

  const send = async (r: Recipient | undefined, req: Omit<EmailRequest, 'orgId' | 'orgName' | 'accountId' | 'to' | 'name' | 'locale'>) => {
    if (!r) return;
    await queueEmail(tx, ctx, { ...req, orgId: org.id, orgName: org.name, accountId: r.accountId, to: r.email, name: r.name, locale: r.locale });
  };
  const mission = (a: SyncDoc) => missions.get(String(a.missionId));
  const venueOf = (m: SyncDoc) => (m.venueId ? venues.get(String(m.venueId)) : undefined);
  const myMissions = `${ctx.baseURL}/my-missions`;

  // Invitations: an INVITED assignment on a published mission (a draft mission's crew hear of it when it is published).
  const toInvite = [...assignments.values()].filter((a) => a.status === 'INVITED' && (invited.includes(a.id) || published.includes(String(a.missionId))));
  for (const a of toInvite) {
    const m = mission(a);
    if (!m || m._deleted || m.status !== 'PUBLISHED') continue;
    const r = people.get(String(a.userId));
    if (!r) continue;
    const row = await activeInvitation(tx, org.id, a.id);
    const link = row ? { id: row.id, token: tokenOf(ctx.secret, row), expiresAt: row.expires_at } : await issueInvitation(tx, ctx.secret, org.id, a.id, null);
    const url = `${ctx.baseURL}/m/${link.token}`;
    await send(r, {
      kind: 'mission-invitation',
      vars: { ...missionVars(m, venueOf(m), r.locale, org), expiresAt: formatInZone(localeOf(r.locale), link.expiresAt.toISOString(), org.zone) },
      actionUrl: url,
      secondaryUrl: `${url}?answer=decline`,
      eventKey: `${a.id}:${link.id}`,
    });
  }

  // A published mission that changed: its crew (invited or accepted) hear the new times or place.
  for (const a of assignments.values()) {
    const m = mission(a);
    if (!m || m._deleted || !changed.includes(m.id) || m.status !== 'PUBLISHED' || (a.status !== 'INVITED' && a.status !== 'ACCEPTED')) continue;
    const r = people.get(String(a.userId));
    await send(r, { kind: 'mission-changed', vars: missionVars(m, venueOf(m), r?.locale ?? null, org), actionUrl: myMissions, eventKey: `${m.id}:${String(m.updatedAt)}` });
  }

  // A cancelled mission, or one person's assignment cancelled.
  for (const a of assignments.values()) {
    const m = mission(a);
    if (!m) continue;
    const missionCancelled = cancelledMissions.includes(m.id) && (a.status === 'INVITED' || a.status === 'ACCEPTED');
    const assignmentCancelled = cancelledAssignments.includes(a.id) && a.status === 'CANCELLED';
    if (!missionCancelled && !assignmentCancelled) continue;
    const r = people.get(String(a.userId));
    await send(r, { kind: 'mission-cancelled', vars: missionVars(m, venueOf(m), r?.locale ?? null, org), actionUrl: myMissions, eventKey: `${m.id}:${a.id}:cancelled` });
  }

  // Timesheets waiting for their person's confirmation.
  for (const s of timesheets.values()) {
    if (s.status !== 'SUBMITTED') continue;
    const r = people.get(String(s.userId));
    const l = localeOf(r?.locale);
    await send(r, {
      kind: 'timesheet-to-confirm',
      vars: { date: formatLocalDate(l, String(s.date)), hours: formatDuration(l, Number(s.workedMinutes ?? 0)) },
      actionUrl: `${ctx.baseURL}/timeclock`,
      eventKey: `${s.id}:${String(s.updatedAt)}`,
    });
  }

  // Reminders: one delayed job per published mission whose start is known or moved.
  const hours = (await getOrgSettings(tx, org.id)).reminderHours ?? REMINDER_DEFAULT_HOURS;
  if (hours > 0) {
    for (const id of [...published, ...changed]) {
      const m = missions.get(id);
      if (!m || m._deleted || m.status !== 'PUBLISHED') continue;
      const due = Date.parse(String(m.startAt)) - hours * 3600_000;
      if (Date.parse(String(m.startAt)) <= Date.now()) continue;
      await enqueue(tx, { kind: REMINDER_JOB, key: `reminder:${m.id}:${String(m.startAt)}`, orgId: org.id, payload: { missionId: m.id }, delayMs: Math.max(0, due - Date.now()) });
    }
  }
}

/** The reminder of a mission to its accepted crew, unless it was cancelled or moved since (a moved one has its own job). */
async function remind(tx: Sql, ctx: OutboxContext, org: Org, missionId: string): Promise<void> {
  const m = (await liveDocs(tx, 'missions', org.id, [missionId])).get(missionId);
  if (!m || m.status !== 'PUBLISHED' || Date.parse(String(m.startAt)) <= Date.now()) return;
  const hours = (await getOrgSettings(tx, org.id)).reminderHours ?? REMINDER_DEFAULT_HOURS;
  if (hours <= 0) return;
  // Moved later since this job was queued: the job of the new start sends it.
  if (Date.parse(String(m.startAt)) - hours * 3600_000 > Date.now() + 60_000) return;
  const crew = (await liveWhere(tx, 'assignments', org.id, 'missionId', [missionId])).filter((a) => a.status === 'ACCEPTED');
  const people = await recipientsOf(tx, org.id, crew.map((a) => String(a.userId)));
  const venue = m.venueId ? (await liveDocs(tx, 'reference', org.id, [String(m.venueId)])).get(String(m.venueId)) : undefined;
  for (const a of crew) {
    const r = people.get(String(a.userId));
    if (!r) continue;
    await queueEmail(tx, ctx, {
      kind: 'mission-reminder',
      orgId: org.id,
      orgName: org.name,
      accountId: r.accountId,
      to: r.email,
      name: r.name,
      locale: r.locale,
      vars: missionVars(m, venue, r.locale, org),
      actionUrl: `${ctx.baseURL}/my-missions`,
      eventKey: `${m.id}:${String(m.startAt)}`,
    });
  }
}
