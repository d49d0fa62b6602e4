import { KpiData, addDays, entityByName, localDate, periodOf, previousPeriod, roundTo, sameValue, timeRulesOf, uuidv7, type EntityDef, type SyncDoc } from '@coulisses/shared';
import type { AutoMetric } from '@coulisses/shared/kpi/auto-metrics';
import { computeAutoMetric, timesheetWindowOf, type AutoAssignment, type AutoMetricInput, type AutoMission, type AutoPeriod } from '@coulisses/shared/kpi/auto-metrics-compute';
import { rateProfilesOf, type TimesheetLike } from '@coulisses/shared/payroll/index';
import type { PunchEvent } from '@coulisses/shared/timeclock/punch';
import type { Logger } from 'pino';
import type { Sql } from '../db/connect';
import { getOrgSettings } from '../org/settings-repo';
import type { SyncCore } from '../sync/core';
import type { SyncTx } from '../sync/sync-tx';
import { assignmentsOf, inPunchesOf, missionsByIds, missionsStartingBetween, peopleOf, rateProfileDocs, type DocRow } from '../db/source-docs';
import { automaticKpis, kpiValueRows, orgZone, timesheetsBetween } from './auto-repo';

/**
 * The values of automatic KPIs (docs/decisions/kpi-rules.md, "Automatic KPIs"): for each active KPI of source
 * AUTOMATIC of an organisation, the metric of its current period and of the previous one (today in the
 * organisation's zone), computed by the shared rules from the stored planning and time clock documents, written
 * as kpi_values through the sync core as the server (status by the kpi_values hooks, numbered, audited, streamed).
 * An unchanged value writes nothing. The job runner (auto-jobs.ts) decides when; refreshNow is also what tests call.
 */

interface AutoKpi {
  id: string;
  decimals: number;
  metric: AutoMetric;
  scope: { projectId?: string | null; venueId?: string | null };
  periods: AutoPeriod[];
}

export interface RefreshDeps {
  db: { sql: Sql };
  sync: SyncCore;
  logger?: Logger;
}

export interface RefreshResult {
  /** Automatic KPIs computed. */
  kpis: number;
  /** kpi_values written (new or changed). */
  written: number;
}

/** The active automatic KPIs of the organisation with the periods to compute (current and previous). */
function kpisOf(rows: readonly DocRow[], today: string): AutoKpi[] {
  const out: AutoKpi[] = [];
  for (const { id, doc } of rows) {
    if (doc.archived === true) continue;
    // The registry's typed data of a KPI (an invalid one is left alone, as everywhere else).
    const parsed = KpiData.safeParse(doc.data);
    if (!parsed.success || !parsed.data.active || parsed.data.source !== 'AUTOMATIC' || !parsed.data.auto) continue;
    const { frequency, decimals, auto } = parsed.data;
    out.push({
      id, decimals, metric: auto.metric,
      scope: { projectId: auto.projectId ?? null, venueId: auto.venueId ?? null },
      periods: [periodOf(previousPeriod(today, frequency), frequency), periodOf(today, frequency)],
    });
  }
  return out;
}

type Plain = Record<string, unknown> & { id: string };
const docs = (rows: readonly DocRow[]): Plain[] => rows.map(({ id, doc }) => ({ ...doc, id }));

/** Everything the metrics of these periods read, from the stored documents. */
async function inputsOf(sql: Sql, orgId: string, periods: readonly AutoPeriod[], withPayroll: boolean): Promise<Omit<AutoMetricInput, 'period' | 'scope'>> {
  const first = periods.reduce((m, p) => (p.start < m ? p.start : m), periods[0]!.start);
  const last = periods.reduce((m, p) => (p.end > m ? p.end : m), periods[0]!.end);
  const window = timesheetWindowOf({ start: first, end: last });
  const zone = await orgZone(sql, orgId);
  const rules = timeRulesOf(await getOrgSettings(sql, orgId), zone);
  const missions = docs(await missionsStartingBetween(sql, orgId, addDays(first, -1), addDays(last, 1)));
  // The day around the window: a night across its first or last midnight may overlap (paid once).
  const timesheets = docs(await timesheetsBetween(sql, orgId, addDays(window.start, -1), addDays(window.end, 1)));
  const known = new Set(missions.map((m) => m.id));
  const missing = [...new Set(timesheets.map((t) => t.missionId).filter((m): m is string => typeof m === 'string' && !known.has(m)))];
  const allMissions = [...missions, ...docs(await missionsByIds(sql, orgId, missing))];
  const missionIds = allMissions.map((m) => m.id);
  const assignments = docs(await assignmentsOf(sql, orgId, missionIds));
  const fieldEvents = docs(await inPunchesOf(sql, orgId, missions.map((m) => m.id)));
  const users = withPayroll ? docs(await peopleOf(sql, orgId)) : [];
  const profiles = withPayroll ? rateProfilesOf((await rateProfileDocs(sql, orgId)).map(({ id, doc }) => ({ id, kind: String(doc.kind), name: String(doc.name ?? ''), archived: Boolean(doc.archived), data: doc.data }))) : [];
  // Stored documents passed the registry's schemas: they have the shapes the shared rules read.
  return {
    rules,
    missions: allMissions as unknown as AutoMission[],
    assignments: assignments as unknown as AutoAssignment[],
    timesheets: timesheets as unknown as TimesheetLike[],
    fieldEvents: fieldEvents as unknown as PunchEvent[],
    users: users.map((u) => ({ id: u.id, firstName: String(u.firstName ?? ''), lastName: String(u.lastName ?? ''), employmentType: String(u.employmentType ?? '') })),
    profiles,
  };
}

interface Computed {
  kpiId: string;
  period: AutoPeriod;
  value: number;
}

const keyOf = (kpiId: string, periodStart: string) => `${kpiId}|${periodStart}`;

/** The new value of one KPI and period as a kpi_values document, over the stored one when there is one. */
function valueDoc(c: Computed, stored: SyncDoc | undefined, now: string): SyncDoc {
  const history = Array.isArray(stored?.history) ? [...(stored.history as Record<string, unknown>[])] : [];
  // A value someone entered by hand and the refresher replaces stays in the history (the server's own do not).
  if (stored && stored.enteredByAccountId) history.push({ id: stored.id, value: stored.value, comment: stored.comment, enteredAt: stored.enteredAt });
  const { comment: _comment, ...rest } = (stored ?? {}) as Record<string, unknown>;
  return {
    ...rest,
    id: stored?.id ?? uuidv7(),
    updatedAt: now,
    kpiId: c.kpiId,
    periodStart: c.period.start,
    periodEnd: c.period.end,
    value: c.value,
    enteredAt: now,
    status: (stored?.status as string | null | undefined) ?? null,
    enteredByAccountId: null,
    history: history.slice(-200),
    _deleted: false,
  } as SyncDoc;
}

/** Writes the changed values in one sync transaction (the stored ones read again under the organisation's lock). */
async function writeValues(tx: SyncTx, orgId: string, changed: readonly Computed[]): Promise<number> {
  const entity = entityByName('kpi_values') as EntityDef;
  const rows = await kpiValueRows(tx.sql, orgId, [...new Set(changed.map((c) => c.kpiId))], [...new Set(changed.map((c) => c.period.start))]);
  const stored = new Map(rows.map(({ id, doc }) => [keyOf(String(doc.kpiId), String(doc.periodStart)), { ...doc, id, _deleted: false } as SyncDoc]));
  let written = 0;
  for (const c of changed) {
    const before = stored.get(keyOf(c.kpiId, c.period.start));
    if (before && sameValue(before.value, c.value)) continue;
    const ctx = tx.hookContext({ before, viewer: null });
    const doc = await tx.hooks.serverFields(entity, valueDoc(c, before, tx.now), ctx);
    const { _deleted, ...fields } = doc;
    entity.schema.parse(fields);
    await tx.write(entity, doc, { before, accountId: null, viewer: null });
    written += 1;
  }
  return written;
}

/**
 * Recomputes the automatic KPIs of one organisation now and writes the values that changed. `now` (tests) fixes
 * the day; by default the clock. Reads happen outside the sync transaction; only a change opens one.
 */
export async function refreshNow(deps: RefreshDeps, orgId: string, now: Date = new Date()): Promise<RefreshResult> {
  const { sql } = deps.db;
  const rows = await automaticKpis(sql, orgId);
  if (rows.length === 0) return { kpis: 0, written: 0 };
  const today = localDate(now.getTime(), await orgZone(sql, orgId));
  const kpis = kpisOf(rows, today);
  if (kpis.length === 0) return { kpis: 0, written: 0 };
  const withPayroll = kpis.some((k) => k.metric === 'PAYROLL_MASS' || k.metric === 'AVERAGE_HOURLY_COST');
  const shared = await inputsOf(sql, orgId, kpis.flatMap((k) => k.periods), withPayroll);
  const computed: Computed[] = [];
  // Each period reads the timesheets of its own weeks (and the day around them), not those of every period.
  const sheetsOf = new Map<string, TimesheetLike[]>();
  const sheetsFor = (period: AutoPeriod): TimesheetLike[] => {
    const key = `${period.start}|${period.end}`;
    let list = sheetsOf.get(key);
    if (!list) {
      const w = timesheetWindowOf(period);
      const from = addDays(w.start, -1);
      const to = addDays(w.end, 1);
      list = shared.timesheets.filter((t) => t.date >= from && t.date <= to);
      sheetsOf.set(key, list);
    }
    return list;
  };
  for (const k of kpis) {
    for (const period of k.periods) {
      const raw = computeAutoMetric(k.metric, { ...shared, timesheets: sheetsFor(period), period, scope: k.scope, asOf: now.getTime() });
      if (raw === null || !Number.isFinite(raw)) continue;
      computed.push({ kpiId: k.id, period, value: roundTo(raw, k.decimals) });
    }
  }
  const current = await kpiValueRows(sql, orgId, kpis.map((k) => k.id), [...new Set(computed.map((c) => c.period.start))]);
  const stored = new Map(current.map(({ doc }) => [keyOf(String(doc.kpiId), String(doc.periodStart)), doc.value]));
  const changed = computed.filter((c) => !sameValue(stored.get(keyOf(c.kpiId, c.period.start)), c.value));
  if (changed.length === 0) return { kpis: kpis.length, written: 0 };
  const written = await deps.sync.transaction(orgId, (tx) => writeValues(tx, orgId, changed));
  deps.logger?.debug({ orgId, kpis: kpis.length, written }, 'automatic KPIs refreshed');
  return { kpis: kpis.length, written };
}
