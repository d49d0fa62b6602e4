import type { SyncDoc } from '@coulisses/shared';
import type { MangoQuery } from 'rxdb';
import { useMemo } from 'react';
import { useCollectionQuery } from '../../sync/useCollectionQuery';
import { useReference, useProjects, useUsers } from '../queries';
import { groupSlices, SLICE_KINDS_READ, type LocalSlices, type SliceDoc } from './slices';

const SLICES: MangoQuery<SyncDoc> = { selector: { kind: { $in: [...SLICE_KINDS_READ] } } };

/** The analytics slices of the local store (works offline), grouped by kind. */
export function useAnalyticsSlices(): { slices: LocalSlices; loading: boolean } {
  const { docs, loading } = useCollectionQuery<SliceDoc>('analytics_slices', SLICES);
  const slices = useMemo(() => groupSlices(docs), [docs]);
  return { slices, loading };
}

/** Names for the ids the slices hold (projects, venues, teams) and who is in each team, from the local store. */
export interface AnalyticsNames {
  project: (id: string | null) => string;
  venue: (id: string | null) => string;
  team: (id: string | null) => string;
  /** User ids of a team's members (users.teamIds). */
  teamMembers: (teamId: string) => string[];
  projects: { id: string; name: string }[];
  venues: { id: string; name: string }[];
  teams: { id: string; name: string }[];
}

interface Named {
  id: string;
  name?: string;
  _deleted?: boolean;
}

const sortByName = (list: { id: string; name: string }[]) => list.sort((a, b) => a.name.localeCompare(b.name));

export function useAnalyticsNames(unknown: string, none: string): AnalyticsNames {
  const projects = useProjects();
  const venues = useReference('venue');
  const teams = useReference('team');
  const users = useUsers();
  return useMemo(() => {
    const list = (docs: readonly Named[]) => sortByName(docs.filter((d) => !d._deleted).map((d) => ({ id: d.id, name: d.name || unknown })));
    const p = list(projects.docs as unknown as Named[]);
    const v = list(venues.docs as unknown as Named[]);
    const t = list(teams.docs as unknown as Named[]);
    const lookup = (items: { id: string; name: string }[]) => {
      const m = new Map(items.map((i) => [i.id, i.name]));
      return (id: string | null) => (id === null ? none : (m.get(id) ?? unknown));
    };
    const members = new Map<string, string[]>();
    for (const u of users.docs as unknown as { id: string; teamIds?: string[]; _deleted?: boolean }[]) {
      if (u._deleted) continue;
      for (const teamId of u.teamIds ?? []) members.set(teamId, [...(members.get(teamId) ?? []), u.id]);
    }
    return { project: lookup(p), venue: lookup(v), team: lookup(t), teamMembers: (id) => members.get(id) ?? [], projects: p, venues: v, teams: t };
  }, [projects.docs, venues.docs, teams.docs, users.docs, unknown, none]);
}
