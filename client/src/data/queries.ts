import type { MangoQuery } from 'rxdb';
import type { SyncDoc } from '@coulisses/shared';
import { useCollectionQuery, type CollectionQueryResult } from '../sync/useCollectionQuery';
import type { AssignmentDoc, AvailabilityDoc, MissionDoc, ProjectDoc, ReferenceDoc, ReferenceKind, UserDoc } from './types';

const ALL: MangoQuery<SyncDoc> = { selector: {} };

/** Missions, optionally only those starting in [fromAt, toAt) (the startAt index). */
export function useMissions(window?: { fromAt: string | null; toAt: string | null }): CollectionQueryResult<MissionDoc> {
  const startAt: Record<string, string> = {};
  if (window?.fromAt) startAt.$gte = window.fromAt;
  if (window?.toAt) startAt.$lt = window.toAt;
  const query: MangoQuery<SyncDoc> = Object.keys(startAt).length > 0 ? { selector: { startAt }, sort: [{ startAt: 'asc' }] } : { selector: {}, sort: [{ startAt: 'asc' }] };
  return useCollectionQuery<MissionDoc>('missions', query);
}

export function useAssignments(selector: Record<string, unknown> = {}): CollectionQueryResult<AssignmentDoc> {
  return useCollectionQuery<AssignmentDoc>('assignments', { selector });
}

export function useUsers(): CollectionQueryResult<UserDoc> {
  return useCollectionQuery<UserDoc>('users', ALL);
}

export function useProjects(): CollectionQueryResult<ProjectDoc> {
  return useCollectionQuery<ProjectDoc>('projects', { selector: {}, sort: [{ name: 'asc' }] });
}

/** Reference documents of one kind (venues, teams, skills, templates), by name. */
export function useReference(kind: ReferenceKind): CollectionQueryResult<ReferenceDoc> {
  return useCollectionQuery<ReferenceDoc>('reference', { selector: { kind }, sort: [{ name: 'asc' }] });
}

export function useAvailabilities(selector: Record<string, unknown> = {}): CollectionQueryResult<AvailabilityDoc> {
  return useCollectionQuery<AvailabilityDoc>('availabilities', { selector, sort: [{ startAt: 'asc' }] });
}

/** A map by id, for joins in views. */
export function byId<T extends { id: string }>(docs: readonly T[]): Map<string, T> {
  return new Map(docs.map((d) => [d.id, d]));
}
