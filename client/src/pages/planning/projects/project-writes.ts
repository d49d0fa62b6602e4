import { projects, uuidv7, type DocOf } from '@coulisses/shared';

/** A project as stored (the registry's zod schema is the one definition). */
export type ProjectDoc = DocOf<typeof projects>;
export type ProjectStatus = ProjectDoc['status'];

export const PROJECT_STATUSES: readonly ProjectStatus[] = projects.schema.shape.status.options;
export const PROJECT_NAME_MAX = 200;

/** The name to store, trimmed; null when nothing is left. */
export function cleanName(raw: string): string | null {
  const name = raw.trim().slice(0, PROJECT_NAME_MAX).trim();
  return name === '' ? null : name;
}

/** A new project, checked against the registry schema (so the server will take it). */
export function newProject(name: string, status: ProjectStatus, now: Date = new Date(), id: string = uuidv7(now.getTime())): ProjectDoc {
  return projects.schema.parse({
    id,
    updatedAt: now.toISOString(),
    name,
    status,
    venueIds: [],
    startDate: null,
    endDate: null,
    managerUserIds: [],
  });
}

/** Every local write stamps updatedAt with now (the field-merge rule and the server read it). */
export function renamePatch(name: string, now: Date = new Date()): Pick<ProjectDoc, 'name' | 'updatedAt'> {
  return { name, updatedAt: now.toISOString() };
}

export function archivePatch(now: Date = new Date()): Pick<ProjectDoc, 'status' | 'updatedAt'> {
  return { status: 'ARCHIVED', updatedAt: now.toISOString() };
}

export type ProjectDates = { kind: 'none' } | { kind: 'range'; start: string; end: string } | { kind: 'from'; start: string } | { kind: 'until'; end: string };

export function projectDates(p: Pick<ProjectDoc, 'startDate' | 'endDate'>): ProjectDates {
  if (p.startDate && p.endDate) return { kind: 'range', start: p.startDate, end: p.endDate };
  if (p.startDate) return { kind: 'from', start: p.startDate };
  if (p.endDate) return { kind: 'until', end: p.endDate };
  return { kind: 'none' };
}
