import { projects, uuidv7 } from '@coulisses/shared';
import type { ProjectDoc } from '../../../data/types';

export type { ProjectDoc };
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

/** What the project form edits. Dates are local calendar dates (YYYY-MM-DD) or empty. */
export interface ProjectFormValues {
  name: string;
  code: string;
  status: ProjectStatus;
  venueIds: string[];
  startDate: string;
  endDate: string;
  managerUserIds: string[];
}

export const EMPTY_PROJECT_FORM: ProjectFormValues = { name: '', code: '', status: 'DRAFT', venueIds: [], startDate: '', endDate: '', managerUserIds: [] };

export function formOfProject(p: ProjectDoc): ProjectFormValues {
  return { name: p.name, code: p.code ?? '', status: p.status, venueIds: [...p.venueIds], startDate: p.startDate ?? '', endDate: p.endDate ?? '', managerUserIds: [...p.managerUserIds] };
}

export type ProjectFormError = 'NAME_REQUIRED' | 'END_BEFORE_START';

/** The stored fields of a filled form, or why it cannot be saved. */
export function projectFields(v: ProjectFormValues): { fields: Omit<ProjectDoc, 'id' | 'updatedAt'> } | { error: ProjectFormError } {
  const name = cleanName(v.name);
  if (!name) return { error: 'NAME_REQUIRED' };
  const startDate = v.startDate || null;
  const endDate = v.endDate || null;
  if (startDate && endDate && endDate < startDate) return { error: 'END_BEFORE_START' };
  const code = v.code.trim().slice(0, 40);
  const fields: Omit<ProjectDoc, 'id' | 'updatedAt'> = { name, status: v.status, venueIds: [...new Set(v.venueIds)], startDate, endDate, managerUserIds: [...new Set(v.managerUserIds)] };
  if (code) fields.code = code;
  return { fields };
}

/** A new project from the form, checked against the registry schema. */
export function projectFromForm(fields: Omit<ProjectDoc, 'id' | 'updatedAt'>, now: Date = new Date(), id: string = uuidv7(now.getTime())): ProjectDoc {
  return projects.schema.parse({ ...fields, id, updatedAt: now.toISOString() });
}
