import { addDays, entityByName, localDate, sameValue, timeRulesOf, type EntityDef, type SyncDoc } from '@coulisses/shared';
import { buildMonthSlices } from '@coulisses/shared/analytics/slice-build';
import { SLICE_AHEAD_MONTHS, SLICE_DEFAULT_MONTHS, SLICE_META_ID, sliceId, type AnalyticsSliceKind } from '@coulisses/shared/analytics/slices';
import { computeWarehouseMonth, timesheetWindowOfMonth, type WarehouseMonth, type WhFieldEvent, type WhMission } from '@coulisses/shared/analytics/warehouse';
import type { TimesheetLike } from '@coulisses/shared/payroll/index';
import { rateProfilesOf } from '@coulisses/shared/payroll/index';
import type { PunchEvent } from '@coulisses/shared/timeclock/punch';
import type { Logger } from 'pino';
import type { Sql } from '../db/connect';
import { orgZone } from '../kpi/auto-repo';
import { getOrgSettings } from '../org/settings-repo';
import type { SyncCore } from '../sync/core';
import type { SyncTx } from '../sync/sync-tx';
import { assignmentsOf, inPunchesOf, missionsByIds, missionsStartingBetween, peopleOf, rateProfileDocs, type DocRow } from '../db/source-docs';
import { clearDirty, deleteWarehouse, dirtyMarks, equipmentItems, hasPaySlices, incidentEvents, logRefresh, monthsWithData, replaceMonth, sliceDocs, timesheetsFor, type DirtyMark } from './repo';

/**
 * The analytics refresh (docs/data-model.md "Analytics warehouse and slices"): the months a write marked dirty
 * (hooks.ts) are recomputed from the stored documents with the shared rules (computeWarehouseMonth), their warehouse
 * rows replaced, and the slices of the months devices keep (this month and the ones before, the organisation's
 * setting or SLICE_DEFAULT_MONTHS) written through the sync core as the server, with the an_meta document. Slices
 * equal to the stored ones are not rewritten; slices outside the window, or parts a month no longer has, are
 * deleted. Pay slices carry sensitive: true and the organisation's payReaderAccountIds. rebuild() recomputes every
 * month with data from scratch: the same result as the incremental refreshes.
 */

export interface AnalyticsDeps {
  db: { sql: Sql };
  sync: SyncCore;
  logger?: Logger;
}

export interface RefreshOptions {
  /** Recompute every month with data (the dirty marks are cleared too). */
  all?: boolean;
  /**
   * Check the slices even without a dirty month: the pay readers or the slice months setting changed, or time went
   * by (the daily job: months leaving the window). Without it, a refresh with nothing marked does nothing.
   */
  slicesOnly?: boolean;
  /** Fixes "this month" (tests); the clock by default. */
  now?: Date;
}

export interface RefreshResult {
  months: string[];
  rows: number;
  /** Slice documents written (new, changed or deleted). */
  written: number;
}

/** Warehouse months kept (36): older rows are purged by the daily job. */
export const WAREHOUSE_MONTHS = 36;
/** Months after this one computed into the warehouse (planning ahead). */
const FUTURE_MONTHS = 24;

const addMonths = (month: string, n: number): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};
const lastDay = (month: string): string => addDays(`${addMonths(month, 1)}-01`, -1);
const plain = (rows: readonly DocRow[]): Record<string, unknown>[] => rows.map(({ id, doc }) => ({ ...doc, id }));

/** The months of slices devices keep: this month, the `months - 1` before it and the SLICE_AHEAD_MONTHS after it. */
export function sliceWindow(thisMonth: string, months: number): string[] {
  return Array.from({ length: months + SLICE_AHEAD_MONTHS }, (_, i) => addMonths(thisMonth, i - months + 1));
}

/** Reads one month's documents and computes its warehouse rows. */
async function computeMonth(sql: Sql, orgId: string, month: string, ctx: { zone: string; rules: ReturnType<typeof timeRulesOf>; users: Record<string, unknown>[]; profiles: ReturnType<typeof rateProfilesOf> }): Promise<WarehouseMonth> {
  const first = `${month}-01`;
  const last = lastDay(month);
  const monthMissions = plain(await missionsStartingBetween(sql, orgId, addDays(first, -1), addDays(last, 1)));
  const window = timesheetWindowOfMonth(month);
  const timesheets = plain(await timesheetsFor(sql, orgId, window.from, window.to, monthMissions.map((m) => m.id as string)));
  const incidents = plain(await incidentEvents(sql, orgId, addDays(first, -1), addDays(last, 1)));
  const known = new Set(monthMissions.map((m) => m.id as string));
  const named = [...timesheets.map((t) => t.missionId), ...incidents.map((e) => e.missionId)].filter((m): m is string => typeof m === 'string' && !known.has(m));
  const missions = [...monthMissions, ...plain(await missionsByIds(sql, orgId, [...new Set(named)]))];
  const ids = monthMissions.map((m) => m.id as string);
  const itemIds = [...new Set(incidents.map((e) => (e.payload as Record<string, unknown> | undefined)?.equipmentItemId).filter((i): i is string => typeof i === 'string'))];
  const items = (await equipmentItems(sql, orgId, itemIds)).map(({ id, doc }) => ({ id, venueId: ((doc.data as Record<string, unknown> | undefined)?.venueId as string | null | undefined) ?? null }));
  // Stored documents passed the registry's schemas: they have the shapes the shared rules read.
  return computeWarehouseMonth({
    month,
    rules: ctx.rules,
    missions: missions as unknown as WhMission[],
    assignments: plain(await assignmentsOf(sql, orgId, ids)) as never,
    timesheets: timesheets as unknown as TimesheetLike[],
    punches: plain(await inPunchesOf(sql, orgId, ids)) as unknown as PunchEvent[],
    incidents: incidents as unknown as WhFieldEvent[],
    items,
    users: ctx.users.map((u) => ({ id: u.id as string, firstName: String(u.firstName ?? ''), lastName: String(u.lastName ?? ''), employmentType: String(u.employmentType ?? '') })),
    profiles: ctx.profiles,
  });
}

type SliceKind = Exclude<AnalyticsSliceKind, 'an_meta'>;
interface Wanted {
  id: string;
  kind: AnalyticsSliceKind;
  month: string | null;
  data: Record<string, unknown>;
  sensitive: boolean;
  readers?: string[];
}

/** The slice documents one month should have. */
function wantedOf(w: WarehouseMonth, zone: string, readers: string[]): Wanted[] {
  const s = buildMonthSlices(w, zone);
  const out: Wanted[] = [];
  const add = (kind: SliceKind, list: { part: number }[], sensitive = false) => {
    for (const d of list) out.push({ id: sliceId(kind, w.month, d.part), kind, month: w.month, data: d as unknown as Record<string, unknown>, sensitive, ...(sensitive ? { readers } : {}) });
  };
  add('an_hours', s.hours);
  add('an_pay', s.pay, true);
  add('an_missions', s.missions);
  add('an_incidents', s.incidents);
  return out;
}

function sliceDoc(want: Wanted, now: string): SyncDoc {
  // A month's slice covers the month; the meta document the months it lists.
  const months = want.month ? [want.month] : ((want.data.months as string[] | undefined) ?? []);
  const first = months[0] ?? now.slice(0, 7);
  const last = months[months.length - 1] ?? first;
  return {
    id: want.id,
    updatedAt: now,
    kind: want.kind,
    periodStart: `${first}-01`,
    periodEnd: lastDay(last),
    filters: {},
    data: want.data,
    computedAt: now,
    sensitive: want.sensitive,
    ...(want.readers ? { readerAccountIds: want.readers } : {}),
    _deleted: false,
  } as SyncDoc;
}

const unchanged = (stored: Record<string, unknown>, want: Wanted): boolean =>
  sameValue(stored.data, want.data) && (stored.sensitive ?? false) === want.sensitive && sameValue(stored.readerAccountIds ?? null, want.readers ?? null);

/** Refreshes an organisation's warehouse and slices: its dirty months, or every month (`all`). */
export async function refreshOrg(deps: AnalyticsDeps, orgId: string, opts: RefreshOptions = {}): Promise<RefreshResult> {
  const { sql } = deps.db;
  const startedAt = new Date();
  const now = opts.now ?? startedAt;
  const marks: DirtyMark[] = await dirtyMarks(sql, orgId);
  if (marks.length === 0 && !opts.all && !opts.slicesOnly) return { months: [], rows: 0, written: 0 };
  const zone = await orgZone(sql, orgId);
  const settings = await getOrgSettings(sql, orgId);
  const rules = timeRulesOf(settings, zone);
  const thisMonth = localDate(now.getTime(), zone).slice(0, 7);
  const oldest = addMonths(thisMonth, -(WAREHOUSE_MONTHS - 1));
  const newest = addMonths(thisMonth, FUTURE_MONTHS);
  const every = opts.all || marks.some((m) => m.month === '*');
  const months = (every ? await monthsWithData(sql, orgId) : marks.map((m) => m.month)).filter((m) => m !== '*' && m >= oldest && m <= newest);
  const users = plain(await peopleOf(sql, orgId));
  const profiles = rateProfilesOf((await rateProfileDocs(sql, orgId)).map(({ id, doc }) => ({ id, kind: String(doc.kind), name: String(doc.name ?? ''), archived: Boolean(doc.archived), data: doc.data })));
  const computed: WarehouseMonth[] = [];
  for (const month of [...new Set(months)].sort()) computed.push(await computeMonth(sql, orgId, month, { zone, rules, users, profiles }));
  const readers = [...new Set(settings.payReaderAccountIds ?? [])].sort();
  const window = new Set(sliceWindow(thisMonth, settings.analyticsSliceMonths ?? SLICE_DEFAULT_MONTHS));
  const sourceUpTo = marks.reduce<Date | null>((m, d) => (!m || d.marked_at > m ? d.marked_at : m), null);

  // The warehouse rows in a transaction of their own, under a lock of this organisation's warehouse only: the
  // organisation's sync lock, which every writer of its synced data waits for, is held only while the slices are
  // written. A crash between the two leaves the months marked dirty: the next refresh writes them again.
  const rows = await sql.begin(async (t) => {
    await t`select pg_advisory_xact_lock(hashtext(${`analytics.warehouse:${orgId}`}))`;
    if (opts.all) await deleteWarehouse(t as unknown as Sql, orgId);
    let n = 0;
    for (const w of computed) n += await replaceMonth(t as unknown as Sql, orgId, w);
    return n;
  });
  return deps.sync.transaction(orgId, async (tx) => {
    const written = await writeSlices(tx, orgId, { computed, window, readers, zone, all: !!opts.all, sourceUpTo, now: now.toISOString() });
    await clearDirty(tx.sql, orgId, marks);
    await logRefresh(tx.sql, { orgId, startedAt, sourceUpTo, months: computed.map((w) => w.month), rows });
    deps.logger?.debug({ orgId, months: computed.length, rows, written }, 'analytics refreshed');
    return { months: computed.map((w) => w.month), rows, written };
  });
}

/** Recomputes every month of an organisation from scratch (the CLI, the demo seed, the equality test). */
export function rebuild(deps: AnalyticsDeps, orgId: string, now?: Date): Promise<RefreshResult> {
  return refreshOrg(deps, orgId, { all: true, ...(now ? { now } : {}) });
}

async function writeSlices(
  tx: SyncTx,
  orgId: string,
  p: { computed: WarehouseMonth[]; window: Set<string>; readers: string[]; zone: string; all: boolean; sourceUpTo: Date | null; now: string },
): Promise<number> {
  const entity = entityByName('analytics_slices') as EntityDef;
  await tx.flush();
  const wanted = new Map<string, Wanted>();
  const recomputed = new Set(p.computed.map((w) => w.month));
  for (const w of p.computed) if (p.window.has(w.month)) for (const want of wantedOf(w, p.zone, p.readers)) wanted.set(want.id, want);
  const stored = new Map((await sliceDocs(tx.sql, orgId, [...wanted.keys(), SLICE_META_ID])).map((r) => [r.id, r]));
  let written = 0;
  const put = async (want: Wanted) => {
    const row = stored.get(want.id);
    const before = row && !row.deleted ? ({ ...row.doc, id: row.id, _deleted: false } as SyncDoc) : undefined;
    if (before && unchanged(before, want)) return;
    const doc = sliceDoc(want, p.now);
    const { _deleted, ...fields } = doc;
    entity.schema.parse(fields);
    await tx.write(entity, doc, { before, accountId: null, viewer: null });
    written += 1;
  };
  for (const want of wanted.values()) await put(want);
  for (const [id, row] of stored) {
    if (row.deleted || id === SLICE_META_ID) continue;
    const doc = row.doc;
    const month = String(doc.periodStart ?? '').slice(0, 7);
    const before = { ...doc, id, _deleted: false } as SyncDoc;
    // Out of the window, or a month recomputed that no longer has this part: deleted (a tombstone devices sync).
    if (!p.window.has(month) || (recomputed.has(month) && !wanted.has(id)) || (p.all && !wanted.has(id))) {
      // The whole document (read without its data above): the tombstone keeps the registry's shape.
      const full = wanted.has(id) ? before : (await tx.live(entity, [id])).get(id);
      if (!full) continue;
      await tx.write(entity, { ...full, updatedAt: p.now, _deleted: true } as SyncDoc, { before: full, accountId: null, viewer: null });
      written += 1;
      continue;
    }
    // A pay slice of a month not recomputed whose readers changed (the setting): rewritten with the new list.
    if (doc.kind === 'an_pay' && !wanted.has(id) && !sameValue(doc.readerAccountIds ?? null, p.readers)) {
      const full = (await tx.live(entity, [id])).get(id);
      if (!full) continue;
      await tx.write(entity, { ...full, updatedAt: p.now, readerAccountIds: p.readers } as SyncDoc, { before: full, accountId: null, viewer: null });
      written += 1;
    }
  }
  // The meta document: what the slices hold and how fresh they are.
  const metaRow = stored.get(SLICE_META_ID);
  const metaBefore = metaRow && !metaRow.deleted ? (metaRow.doc as Record<string, unknown>) : undefined;
  const previousUpTo = (metaBefore?.data as { sourceUpTo?: string | null } | undefined)?.sourceUpTo ?? null;
  const upTo = p.sourceUpTo ? p.sourceUpTo.toISOString() : previousUpTo;
  await tx.flush();
  const pay = await hasPaySlices(tx.sql, orgId);
  const data = { zone: p.zone, months: [...p.window].sort(), sourceUpTo: upTo, refreshedAt: new Date().toISOString(), pay };
  await put({ id: SLICE_META_ID, kind: 'an_meta', month: null, data, sensitive: false });
  return written;
}
