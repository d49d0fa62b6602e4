import { addDays, localDate, localInstant, periodEndOf, roundTo, shiftPeriod, type KpiFrequency, type SyncDoc } from '@coulisses/shared';
import type { KpiSeason, ManualKpi, SeasonKpi } from './kpi-content';
import { SeededRandom } from './rng';

/**
 * The demo's KPI documents around the day it is created (pure: the same season, organisation and day give the same
 * documents, ids included). Dashboards and KPIs are reference documents (kinds 'dashboard' and 'kpi'), values
 * kpi_values, actions and comments action_plans (docs/data-model.md). Automatic KPIs get no value here: the server
 * computes them from the season (sync-server/src/kpi/auto-refresh.ts).
 */

export interface KpiPlanInput {
  season: KpiSeason;
  orgId: string;
  zone: string;
  now: number;
  personIds: ReadonlyMap<string, string>;
  projectIds: ReadonlyMap<string, string>;
  teamIds: ReadonlyMap<string, string>;
}

export interface KpiPlan {
  /** Dashboards and KPI definitions (reference documents). */
  reference: SyncDoc[];
  values: SyncDoc[];
  actions: SyncDoc[];
  /** Comments with the person who writes them (their account pushes them). */
  comments: { by: string; doc: SyncDoc }[];
}

/** One year of periods of each frequency (the values a manual KPI gets). */
const PER_YEAR: Record<KpiFrequency, number> = { DAILY: 365, WEEKLY: 52, MONTHLY: 12, QUARTERLY: 4, YEARLY: 1 };

function definitionData(k: SeasonKpi, projectIds: ReadonlyMap<string, string>): Record<string, unknown> {
  return {
    ...(k.description ? { description: k.description } : {}),
    unit: k.unit, decimals: k.decimals, frequency: k.frequency, direction: k.direction, target: k.target,
    thresholds: k.thresholds, aggregation: k.aggregation, source: k.source, active: true, gracePeriodDays: k.gracePeriodDays,
    auto: k.source === 'AUTOMATIC' ? { metric: k.metric, ...(k.project ? { projectId: projectIds.get(k.project)! } : {}) } : null,
  };
}

/** A year of values of a manual KPI: the seeded curve, the placed values, the missing periods left out. */
function valuesOf(k: ManualKpi, kpiId: string, today: string, input: KpiPlanInput, rnd: SeededRandom, newId: () => string): SyncDoc[] {
  const n = PER_YEAR[k.frequency];
  const out: SyncDoc[] = [];
  const latest = input.now - 15 * 60_000;
  for (let ago = n; ago >= 1; ago--) {
    const start = shiftPeriod(today, k.frequency, -ago);
    const end = periodEndOf(start, k.frequency);
    const noise = (rnd.next() * 2 - 1) * k.curve.noise;
    if (k.missing?.includes(ago)) continue;
    const phase = (2 * Math.PI * ((n - ago) % n)) / n;
    let value = k.placed?.[ago] ?? k.curve.base + k.curve.amplitude * Math.sin(phase) + noise;
    if (k.curve.min !== undefined) value = Math.max(k.curve.min, value);
    if (k.curve.max !== undefined) value = Math.min(k.curve.max, value);
    // Entered the morning after the period (never later than a moment ago).
    const entered = new Date(Math.min(localInstant(addDays(end, 1), '09:30', input.zone), latest)).toISOString();
    const note = k.notes?.[ago];
    out.push({
      id: newId(), updatedAt: entered, kpiId, periodStart: start, periodEnd: end, value: roundTo(value, k.decimals),
      ...(note ? { comment: note } : {}), enteredAt: entered, status: null, enteredByAccountId: null, history: [], _deleted: false,
    } as SyncDoc);
  }
  return out;
}

export function planKpis(input: KpiPlanInput): KpiPlan {
  const { season, zone, now, personIds, teamIds } = input;
  const today = localDate(now, zone);
  const rnd = new SeededRandom(`coulisses-demo-kpi|${season.slug}|${today}`);
  let clock = now - 9 * 60_000;
  const newId = () => rnd.uuid((clock += 7));
  const stamp = new Date(now - 5 * 60_000).toISOString();
  const person = (key: string) => {
    const id = personIds.get(key);
    if (!id) throw new Error(`demo KPIs ${season.slug}: no person ${key}`);
    return id;
  };

  const kpiIds = new Map(season.kpis.map((k) => [k.key, newId()]));
  const kpis: SyncDoc[] = season.kpis.map((k) => ({
    id: kpiIds.get(k.key)!, updatedAt: stamp, kind: 'kpi', name: k.name, archived: false, ownerUserId: person(k.owner),
    data: definitionData(k, input.projectIds), _deleted: false,
  } as SyncDoc));
  const dashboards: SyncDoc[] = season.dashboards.map((d) => ({
    id: newId(), updatedAt: stamp, kind: 'dashboard', name: d.name, archived: false, ownerUserId: person(d.owner), sharing: d.sharing,
    teamIds: (d.teams ?? []).map((t) => teamIds.get(t)!),
    data: { description: d.description, process: d.process, kpiIds: d.kpis.map((k) => kpiIds.get(k)!) }, _deleted: false,
  } as SyncDoc));

  const values: SyncDoc[] = [];
  for (const k of season.kpis) if (k.source === 'MANUAL') values.push(...valuesOf(k, kpiIds.get(k.key)!, today, input, rnd, newId));

  const actions: SyncDoc[] = season.actions.map((a) => ({
    id: newId(), updatedAt: stamp, kind: 'action', kpiId: kpiIds.get(a.kpi)!, title: a.title, ...(a.description ? { description: a.description } : {}),
    ownerUserId: person(a.owner), dueDate: addDays(today, a.due), progress: a.progress, status: a.status, _deleted: false,
  } as SyncDoc));
  const comments = season.comments.map((c) => {
    const at = new Date(Math.min(localInstant(addDays(today, c.day), '10:15', zone), now - 60_000)).toISOString();
    return {
      by: c.by,
      doc: {
        id: newId(), updatedAt: at, kind: 'comment', kpiId: kpiIds.get(c.kpi)!, actionPlanId: c.action === undefined ? null : actions[c.action]!.id,
        body: c.body, authorUserId: person(c.by), authorAccountId: null, createdAt: at, _deleted: false,
      } as SyncDoc,
    };
  });
  // Dashboards first: a KPI written after them gets its sharing from them at once.
  return { reference: [...dashboards, ...kpis], values, actions, comments };
}
