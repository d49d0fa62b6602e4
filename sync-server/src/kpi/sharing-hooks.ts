import { dashboardOf, dashboardSharing, kpiSharing, sameSharing, sameValue, type Sharing, type SyncDoc } from '@coulisses/shared';
import type { EntityDocs, HookContext } from '../sync/hooks';
import { kpiDoc, primeKpiDocs, rememberKpi } from './kpi-docs';
import { changedTeams, dashboardsOfTeamsCached, dashboardsShowingCached, membersOfTeamsCached } from './sharing-cache';
import { dashboardsOfTeams, dashboardsShowing, membersOfTeams } from './sharing-repo';
import { rated } from './value-hooks';

/**
 * Who reads dashboards and KPIs (shared/src/kpi/sharing.ts), kept in their server fields `sharedWithAll` and
 * `readerUserIds` that the registry's read conditions test, and carried down: a dashboard's sharing decides its
 * KPIs', a KPI's decides its values' and comments' `sharedWithAll` (the persons reading them through a team follow
 * the KPI's readers, fact readableKpiIds). A team's members change -> its dashboards -> their KPIs.
 */

type Reference = EntityDocs['reference'];

function sharingOf(doc: SyncDoc | undefined): Sharing {
  return { sharedWithAll: doc?.sharedWithAll === true, readerUserIds: Array.isArray(doc?.readerUserIds) ? (doc.readerUserIds as string[]) : [] };
}

/** The live members of these teams: from the batch's prefetch (sharing-cache.ts) when it holds them, else read. */
async function membersOf(ctx: HookContext, teams: readonly string[]): Promise<Map<string, string[]>> {
  const cached = membersOfTeamsCached(ctx.tx, teams);
  if (cached) return cached;
  await ctx.tx.flush();
  return membersOfTeams(ctx.tx.sql, ctx.orgId, teams);
}

async function dashboardShare(ctx: HookContext, doc: SyncDoc): Promise<Sharing> {
  const d = dashboardOf(doc);
  const teams = d && d.sharing === 'TEAMS' ? d.teamIds : [];
  const members = await membersOf(ctx, teams);
  return dashboardSharing({ sharing: d?.sharing, teamIds: teams, ownerUserId: d?.ownerUserId }, (t) => members.get(t) ?? []);
}

async function kpiShare(ctx: HookContext, doc: SyncDoc): Promise<Sharing> {
  let dashboards = dashboardsShowingCached(ctx.tx, [doc.id]);
  if (!dashboards) {
    await ctx.tx.flush();
    dashboards = await dashboardsShowing(ctx.tx.sql, ctx.orgId, [doc.id]);
  }
  return kpiSharing(typeof doc.ownerUserId === 'string' ? doc.ownerUserId : null, dashboards.map(sharingOf));
}

/** The sharing fields a reference document should have (none for the kinds that are not shared by dashboards). */
async function shareOf(ctx: HookContext, doc: SyncDoc): Promise<Sharing | null> {
  if (doc.kind === 'dashboard') return dashboardShare(ctx, doc);
  if (doc.kind === 'kpi') return kpiShare(ctx, doc);
  return null;
}

/** reference serverFields: a dashboard's or KPI's readers; the other kinds carry none. */
export async function referenceSharingFields(doc: Reference, ctx: HookContext): Promise<Reference> {
  if (doc._deleted) return doc;
  const share = await shareOf(ctx, doc);
  if (share) return { ...doc, ...share };
  const { sharedWithAll: _s, readerUserIds: _r, ...rest } = doc;
  return rest as Reference;
}

/** Writes the document again when its stored sharing is not what it should be (a server write, a team change). */
async function refresh(ctx: HookContext, doc: SyncDoc): Promise<void> {
  const share = await shareOf(ctx, doc);
  if (!share || sameSharing(doc as Partial<Sharing>, share)) return;
  await ctx.tx.write('reference', { ...doc, ...share, updatedAt: ctx.tx.now }, { before: doc, accountId: null, viewer: null });
}

/** After a dashboard or KPI write: its own sharing, then what it decides (KPIs of a dashboard, values of a KPI). */
export async function afterReferenceWrite(after: Reference, ctx: HookContext): Promise<void> {
  const before = ctx.before;
  if (after.kind === 'dashboard') return afterDashboard(after, before, ctx);
  if (after.kind === 'kpi') return afterKpi(after, before, ctx);
}

async function afterDashboard(after: SyncDoc, before: SyncDoc | undefined, ctx: HookContext): Promise<void> {
  if (!after._deleted) await refresh(ctx, after);
  const ids = new Set([...(dashboardOf(before)?.kpiIds ?? []), ...(dashboardOf(after)?.kpiIds ?? [])]);
  if (ids.size === 0) return;
  // The KPIs through the transaction's cache of KPI documents (kpi-docs.ts): one query for those not held.
  await primeKpiDocs(ctx.tx, [...ids]);
  for (const id of ids) {
    const kpi = await kpiDoc(ctx, id);
    if (kpi) await refresh(ctx, kpi);
  }
}

async function afterKpi(after: SyncDoc, before: SyncDoc | undefined, ctx: HookContext): Promise<void> {
  rememberKpi(ctx, after);
  if (after._deleted) return;
  await refresh(ctx, after);
  const shareChanged = (before?.sharedWithAll === true) !== (after.sharedWithAll === true);
  const rulesChanged = !!before && !sameValue(before.data, after.data);
  if (!shareChanged && !rulesChanged) return;
  // Values: their status (the bands or targets changed) and sharing; comments: their sharing.
  for (const value of await ctx.tx.liveWhere('kpi_values', 'kpiId', [after.id])) {
    const next = rated(value, after);
    if (!sameValue(next, value)) await ctx.tx.write('kpi_values', next, { before: value, accountId: null, viewer: null });
  }
  if (!shareChanged) return;
  for (const c of await ctx.tx.liveWhere('action_plans', 'kpiId', [after.id])) {
    if (c.kind === 'comment' && (c.sharedWithAll === true) !== (after.sharedWithAll === true)) {
      await ctx.tx.write('action_plans', { ...c, sharedWithAll: after.sharedWithAll === true }, { before: c, accountId: null, viewer: null });
    }
  }
}

/** A person joins or leaves teams (or is deleted): the dashboards shared with those teams change readers. */
export async function afterUserWrite(after: EntityDocs['users'], ctx: HookContext): Promise<void> {
  const changed = changedTeams(after, ctx.before);
  if (changed.length === 0) return;
  let dashboards = dashboardsOfTeamsCached(ctx.tx, changed);
  if (!dashboards) {
    await ctx.tx.flush();
    dashboards = await dashboardsOfTeams(ctx.tx.sql, ctx.orgId, changed);
  }
  for (const d of dashboards) await refresh(ctx, d);
}
