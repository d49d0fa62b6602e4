import { users, uuidv7 } from '@coulisses/shared';
import type { UserDoc } from '../../../data/types';

export const EMPLOYMENT_TYPES: readonly UserDoc['employmentType'][] = users.schema.shape.employmentType.options;

/** What the person form edits. */
export interface PersonFormValues {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  employmentType: UserDoc['employmentType'];
  skills: string[];
  teamIds: string[];
  /** Comma-separated. */
  tags: string;
  /** The login account linked to this person ('' for none). */
  accountId: string;
  active: boolean;
}

export const EMPTY_PERSON: PersonFormValues = { firstName: '', lastName: '', email: '', phone: '', employmentType: 'INTERMITTENT', skills: [], teamIds: [], tags: '', accountId: '', active: true };

export function formOfPerson(u: UserDoc): PersonFormValues {
  return { firstName: u.firstName, lastName: u.lastName, email: u.email ?? '', phone: u.phone ?? '', employmentType: u.employmentType, skills: [...u.skills], teamIds: [...u.teamIds], tags: u.tags.join(', '), accountId: u.accountId ?? '', active: u.active };
}

/** Tags typed as "a, b,, c": trimmed, unique, non-empty, at most 60 characters each. */
export function parseTags(raw: string): string[] {
  return [...new Set(raw.split(',').map((s) => s.trim().slice(0, 60)).filter(Boolean))].slice(0, 100);
}

export type PersonFields = Omit<UserDoc, 'id' | 'updatedAt' | 'notes'>;
export type PersonFormError = 'FIRST_NAME_REQUIRED' | 'BAD_EMAIL';

export function personFields(v: PersonFormValues): { fields: PersonFields } | { error: PersonFormError } {
  const firstName = v.firstName.trim().slice(0, 200);
  if (!firstName) return { error: 'FIRST_NAME_REQUIRED' };
  const email = v.email.trim().slice(0, 254);
  if (email && !/^[^\s@]+@[^\s@]+$/.test(email)) return { error: 'BAD_EMAIL' };
  const fields: PersonFields = {
    firstName,
    lastName: v.lastName.trim().slice(0, 200),
    employmentType: v.employmentType,
    skills: [...new Set(v.skills)],
    teamIds: [...new Set(v.teamIds)],
    tags: parseTags(v.tags),
    accountId: v.accountId || null,
    active: v.active,
  };
  if (email) fields.email = email;
  if (v.phone.trim()) fields.phone = v.phone.trim().slice(0, 40);
  return { fields };
}

export function newPerson(fields: PersonFields, now: Date = new Date(), id: string = uuidv7(now.getTime())): UserDoc {
  return users.schema.parse({ ...fields, id, updatedAt: now.toISOString() });
}

/** The stored person after an edit: an emptied email or phone is removed. */
export function applyPersonEdit(current: UserDoc, fields: PersonFields, now: Date = new Date()): UserDoc {
  const next: UserDoc = { ...current, ...fields, updatedAt: now.toISOString() };
  if (!fields.email) delete next.email;
  if (!fields.phone) delete next.phone;
  return next;
}
