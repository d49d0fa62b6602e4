import { duplicateWeek, weeklyRecurrence } from './generate';

/** What the copy helpers need of a mission document. */
export interface CopyableMission {
  id: string;
  updatedAt: string;
  status: 'DRAFT' | 'PUBLISHED' | 'CANCELLED';
  startAt: string;
  endAt: string;
}

/** A new draft from an existing mission: a fresh id, DRAFT, stamped now; every other field is kept. */
export function copyAsDraft<T extends CopyableMission>(mission: T, id: string, now: string): T {
  return { ...mission, id, updatedAt: now, status: 'DRAFT' };
}

/** Bulk duplicate: one draft copy per selected mission, at the same times. */
export function duplicateMissions<T extends CopyableMission>(selected: readonly T[], newId: () => string, now: string): T[] {
  return selected.map((m) => copyAsDraft(m, newId(), now));
}

/** Week N to week N+1: drafts of the week's missions (cancelled ones left out), at the same local times. */
export function duplicateWeekCopies<T extends CopyableMission>(all: readonly T[], monday: string, tz: string, newId: () => string, now: string): T[] {
  const live = all.filter((m) => m.status !== 'CANCELLED');
  return duplicateWeek(live, monday, tz).map((m) => copyAsDraft(m, newId(), now));
}

/** Weekly recurrence n times: the n-1 new occurrences after the mission itself, as drafts. */
export function recurrenceCopies<T extends CopyableMission>(mission: T, occurrences: number, tz: string, newId: () => string, now: string): T[] {
  return weeklyRecurrence(mission, occurrences, tz)
    .slice(1)
    .map((m) => copyAsDraft(m, newId(), now));
}

/** Bulk publish: the patches for the selected drafts (published and cancelled ones are left alone). */
export function publishPatches(selected: readonly CopyableMission[], now: string): { id: string; patch: { status: 'PUBLISHED'; updatedAt: string } }[] {
  return selected.filter((m) => m.status === 'DRAFT').map((m) => ({ id: m.id, patch: { status: 'PUBLISHED', updatedAt: now } }));
}

/** Generated drafts (the batch wizard) as new documents: an id each, stamped now. */
export function draftsWithIds<T extends object>(drafts: readonly T[], newId: () => string, now: string): (T & { id: string; updatedAt: string })[] {
  return drafts.map((d) => ({ ...d, id: newId(), updatedAt: now }));
}
