import type { SyncDoc } from '@coulisses/shared';
import type { PrefetchRow } from '../sync/hooks';
import type { SyncTx } from '../sync/sync-tx';
import { primeKpiDocs } from './kpi-docs';
import { liveDashboards, membersOfTeams } from './sharing-repo';

/**
 * What the sharing hooks read when people join or leave teams, read for a whole pushed batch of people at once:
 * every live dashboard of the organisation (afterUserWrite: those shared with the teams; kpiShare: those showing
 * a KPI), kept current by noteDashboard; the live members of the teams asked (dashboardShare), kept current by
 * noteMember; the KPIs the dashboards show (kpi-docs.ts). A question the cache does not hold answers undefined
 * and its caller asks the database as before.
 */

interface Held {
  /** Every live dashboard by id, once read. */
  dashboards: Map<string, SyncDoc> | null;
  members: Map<string, Set<string>>;
}

const KEY = Symbol('kpi.sharing-cache');
const heldOf = (tx: SyncTx): Held => tx.state(KEY, () => ({ dashboards: null, members: new Map() }));

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : []);
const teamsOf = (doc: SyncDoc | Record<string, unknown> | undefined): string[] => (doc && !doc._deleted ? strings(doc.teamIds) : []);
const kpisOf = (doc: SyncDoc): string[] => strings((doc.data as Record<string, unknown> | undefined)?.kpiIds);

/** The teams a person's write moves them in or out of. */
export function changedTeams(after: SyncDoc, before: SyncDoc | undefined): string[] {
  const was = new Set(teamsOf(before));
  const is = new Set(teamsOf(after));
  return [...was, ...is].filter((t) => was.has(t) !== is.has(t));
}

/** A batch of people changing teams: the dashboards, their teams' members and KPIs, in three queries. */
export async function loadTeamSharing(tx: SyncTx, rows: readonly PrefetchRow[]): Promise<void> {
  const held = heldOf(tx);
  const changed = [...new Set(rows.flatMap((r) => changedTeams(r.doc, r.before)))];
  if (changed.length === 0 || held.dashboards) return;
  await tx.flush();
  const dashboards = await liveDashboards(tx.sql, tx.orgId);
  held.dashboards = new Map(dashboards.map((d) => [d.id, d]));
  const teams = [...new Set([...changed, ...dashboards.filter((d) => d.sharing === 'TEAMS').flatMap(teamsOf)])].filter((t) => !held.members.has(t));
  const members = await membersOfTeams(tx.sql, tx.orgId, teams);
  for (const t of teams) held.members.set(t, new Set(members.get(t) ?? []));
  await primeKpiDocs(tx, [...new Set(dashboards.flatMap(kpisOf))]);
}

/** The live dashboards shared with one of these teams (sharing TEAMS), or undefined when not read. */
export function dashboardsOfTeamsCached(tx: SyncTx, teams: readonly string[]): SyncDoc[] | undefined {
  const { dashboards } = heldOf(tx);
  if (!dashboards) return undefined;
  const wanted = new Set(teams);
  return [...dashboards.values()].filter((d) => d.sharing === 'TEAMS' && teamsOf(d).some((t) => wanted.has(t)));
}

/** The live dashboards whose KPI list holds one of these KPIs, or undefined when not read. */
export function dashboardsShowingCached(tx: SyncTx, kpiIds: readonly string[]): SyncDoc[] | undefined {
  const { dashboards } = heldOf(tx);
  if (!dashboards) return undefined;
  const wanted = new Set(kpiIds);
  return [...dashboards.values()].filter((d) => kpisOf(d).some((k) => wanted.has(k)));
}

/** The live persons of each team, or undefined when a team was not asked. */
export function membersOfTeamsCached(tx: SyncTx, teams: readonly string[]): Map<string, string[]> | undefined {
  const held = heldOf(tx);
  if (!teams.every((t) => held.members.has(t))) return undefined;
  return new Map(teams.map((t) => [t, [...held.members.get(t)!]]));
}

/** Keeps the members held current after a person's write of the transaction (users afterWrite). */
export function noteMember(tx: SyncTx, after: SyncDoc): void {
  const held = heldOf(tx);
  if (held.members.size === 0) return;
  for (const set of held.members.values()) set.delete(after.id);
  for (const t of teamsOf(after)) held.members.get(t)?.add(after.id);
}

/** Keeps the dashboards held current after a reference write of the transaction (reference afterWrite). */
export function noteDashboard(tx: SyncTx, after: SyncDoc): void {
  const { dashboards } = heldOf(tx);
  if (!dashboards) return;
  if (!after._deleted && after.kind === 'dashboard') dashboards.set(after.id, { ...after, _deleted: false });
  else dashboards.delete(after.id);
}
