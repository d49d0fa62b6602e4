import { missions, uuidv7 } from '@coulisses/shared';
import { localRangeToUtc, utcToLocal } from '@coulisses/shared/planning/local-time';
import type { MissionDoc, MissionType, RoleNeedDoc } from '../types';

export const MISSION_TYPES: readonly MissionType[] = missions.schema.shape.type.options;
export const MISSION_STATUSES: readonly MissionDoc['status'][] = missions.schema.shape.status.options;

/** A role need as the form edits it. */
export interface NeedValues {
  role: string;
  count: number;
  skills: string[];
}

/** What the mission form edits: local dates and times in the organisation's zone. */
export interface MissionFormValues {
  title: string;
  projectId: string;
  venueId: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  type: MissionType;
  needs: NeedValues[];
  notes: string;
  contacts: string;
}

export function emptyMissionForm(projectId = '', date = ''): MissionFormValues {
  return { title: '', projectId, venueId: '', startDate: date, startTime: '09:00', endDate: date, endTime: '18:00', type: 'MONTAGE', needs: [], notes: '', contacts: '' };
}

/** The form of a stored mission: its instants shown as local dates and times in the zone. */
export function formOfMission(m: MissionDoc, tz: string): MissionFormValues {
  const s = utcToLocal(m.startAt, tz);
  const e = utcToLocal(m.endAt, tz);
  return {
    title: m.title,
    projectId: m.projectId ?? '',
    venueId: m.venueId ?? '',
    startDate: s.date,
    startTime: s.time,
    endDate: e.date,
    endTime: e.time,
    type: m.type,
    needs: m.needs.map((n) => ({ role: n.role, count: n.count, skills: [...n.skills] })),
    notes: m.notes ?? '',
    contacts: m.contacts ?? '',
  };
}

export type MissionFormError = 'TITLE_REQUIRED' | 'INVALID' | 'END_BEFORE_START' | 'BAD_NEED';

export type MissionFields = Omit<MissionDoc, 'id' | 'updatedAt' | 'status' | 'teamId'>;

/** The stored fields of a filled form (instants in UTC), or why it cannot be saved. */
export function missionFields(v: MissionFormValues, tz: string): { fields: MissionFields } | { error: MissionFormError } {
  const title = v.title.trim().slice(0, 200);
  if (!title) return { error: 'TITLE_REQUIRED' };
  const range = localRangeToUtc({ date: v.startDate, time: v.startTime }, { date: v.endDate, time: v.endTime }, tz);
  if ('error' in range) return { error: range.error };
  const needs: RoleNeedDoc[] = [];
  for (const n of v.needs) {
    const role = n.role.trim().slice(0, 60);
    if (!role) continue;
    if (!Number.isInteger(n.count) || n.count < 1 || n.count > 500) return { error: 'BAD_NEED' };
    needs.push({ role, count: n.count, skills: [...new Set(n.skills)] });
  }
  const fields: MissionFields = { title, projectId: v.projectId || null, venueId: v.venueId || null, startAt: range.startAt, endAt: range.endAt, type: v.type, needs };
  if (v.notes.trim()) fields.notes = v.notes.trim().slice(0, 5000);
  if (v.contacts.trim()) fields.contacts = v.contacts.trim().slice(0, 1000);
  return { fields };
}

/** A new DRAFT mission, checked against the registry schema (so the server will take it). */
export function newMission(fields: MissionFields, now: Date = new Date(), id: string = uuidv7(now.getTime())): MissionDoc {
  return missions.schema.parse({ ...fields, id, updatedAt: now.toISOString(), status: 'DRAFT', teamId: null });
}

/** The stored mission after an edit: optional texts emptied in the form are removed. */
export function applyMissionEdit(current: MissionDoc, fields: MissionFields, now: Date = new Date()): MissionDoc {
  const next: MissionDoc = { ...current, ...fields, updatedAt: now.toISOString() };
  if (!fields.notes) delete next.notes;
  if (!fields.contacts) delete next.contacts;
  return next;
}
