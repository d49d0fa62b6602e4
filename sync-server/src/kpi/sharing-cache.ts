import type { SyncDoc } from '@coulisses/shared';
import type { PrefetchRow } from '../sync/hooks';
import type { SyncTx } from '../sync/sync-tx';
import { dashboardsOfTeams, membersOfTeams } from './sharing-repo';

/**
 * What the sharing hooks read when people join or leave teams (afterUserWrite: the dashboards shared with the
 * teams; dashboardShare: the members of a dashboard's teams), read for a whole pushed batch of people at once:
 * for the teams asked, every live dashboard shared with one of them (kept current by noteDashboard) and every
 * live member (kept current by noteMember). A question about a team not asked answers undefined and its caller
 * asks the database as before.
 */

interface Held {
  dashboardTeams: Set<string>;
  dashboards: Map<string, SyncDoc>;
  members: Map<string, Set<string>>;
}

const KEY = Symbol('kpi.sharing-cache');
const heldOf = (tx: SyncTx): Held => tx.state(KEY, () => ({ dashboardTeams: new Set<string>(), dashboards: new Map(), members: new Map() }));

const teamsOf = (doc: SyncDoc | Record<string, unknown> | undefined): string[] =>
  doc && !doc._deleted && Array.isArray(doc.teamIds) ? (doc.teamIds as unknown[]).filter((t): t is string => typeof t === 'string') : [];

/** The teams a person's write moves them in or out of. */
export function changedTeams(after: SyncDoc, before: SyncDoc | undefined): string[] {
  const was = new Set(teamsOf(before));
  const is = new Set(teamsOf(after));
  return [...was, ...is].filter((t) => was.has(t) !== is.has(t));
}

/** A batch of people: the dashboards of the teams they join or leave and the members of those dashboards' teams. */
export async function loadTeamSharing(tx: SyncTx, rows: readonly PrefetchRow[]): Promise<void> {
  const held = heldOf(tx);
  const teams = [...new Set(rows.flatMap((r) => changedTeams(r.doc, r.before)))].filter((t) => !held.dashboardTeams.has(t));
  if (teams.length === 0) return;
  await tx.flush();
  const dashboards = await dashboardsOfTeams(tx.sql, tx.orgId, teams);
  for (const t of teams) held.dashboardTeams.add(t);
  for (const d of dashboards) held.dashboards.set(d.id, d);
  const memberTeams = [...new Set([...teams, ...dashboards.flatMap(teamsOf)])].filter((t) => !held.members.has(t));
  const members = await membersOfTeams(tx.sql, tx.orgId, memberTeams);
  for (const t of memberTeams) held.members.set(t, new Set(members.get(t) ?? []));
}

/** The live dashboards shared with one of these teams (sharing TEAMS), or undefined when a team was not asked. */
export function dashboardsOfTeamsCached(tx: SyncTx, teams: readonly string[]): SyncDoc[] | undefined {
  const held = heldOf(tx);
  if (!teams.every((t) => held.dashboardTeams.has(t))) return undefined;
  const wanted = new Set(teams);
  return [...held.dashboards.values()].filter((d) => teamsOf(d).some((t) => wanted.has(t)));
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
  const held = heldOf(tx);
  if (held.dashboardTeams.size === 0) return;
  const shared = !after._deleted && after.kind === 'dashboard' && after.sharing === 'TEAMS' && teamsOf(after).some((t) => held.dashboardTeams.has(t));
  if (shared) held.dashboards.set(after.id, { ...after, _deleted: false });
  else held.dashboards.delete(after.id);
}
