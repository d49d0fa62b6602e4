/**
 * Who reads a dashboard and its KPIs (docs/data-model.md, "KPI documents"): pure, so the server's hooks and the
 * tests decide the same way. A dashboard shared with the organisation is read by every member; shared with teams,
 * by the members of those teams; private, by its owner. A KPI is read by the readers of every dashboard showing it
 * and by its owner. ADMIN reads everything and MANAGER everything but others' private dashboards (the registry).
 */
export interface Sharing {
  sharedWithAll: boolean;
  /** Sorted, without repeats. */
  readerUserIds: string[];
}

export interface DashboardShare {
  sharing: 'ORGANISATION' | 'TEAMS' | 'PRIVATE' | undefined;
  teamIds: readonly string[] | undefined;
  ownerUserId: string | null | undefined;
}

function sorted(ids: Iterable<string | null | undefined>): string[] {
  return [...new Set([...ids].filter((x): x is string => typeof x === 'string' && x.length > 0))].sort();
}

/** A dashboard's readers; `membersOf` gives the persons of a team. A dashboard without sharing is private. */
export function dashboardSharing(d: DashboardShare, membersOf: (teamId: string) => readonly string[]): Sharing {
  const sharing = d.sharing ?? 'PRIVATE';
  const members = sharing === 'TEAMS' ? (d.teamIds ?? []).flatMap((t) => membersOf(t)) : [];
  return { sharedWithAll: sharing === 'ORGANISATION', readerUserIds: sorted([d.ownerUserId, ...members]) };
}

/** A KPI's readers: those of the (live) dashboards showing it, and its owner. */
export function kpiSharing(ownerUserId: string | null | undefined, dashboards: readonly Sharing[]): Sharing {
  return {
    sharedWithAll: dashboards.some((d) => d.sharedWithAll),
    readerUserIds: sorted([ownerUserId, ...dashboards.flatMap((d) => d.readerUserIds)]),
  };
}

/** True when two sharings are the same (a document is rewritten only when its readers change). */
export function sameSharing(a: Partial<Sharing> | undefined, b: Sharing): boolean {
  if (!a || (a.sharedWithAll ?? false) !== b.sharedWithAll) return false;
  const r = a.readerUserIds ?? [];
  return r.length === b.readerUserIds.length && r.every((x, i) => x === b.readerUserIds[i]);
}
