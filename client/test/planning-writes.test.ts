import { assignments, availabilities, users } from '@coulisses/shared';
import { describe, expect, it } from 'vitest';
import { availabilityFields, emptyAvailability, initialStatus, newAvailability } from '../src/data/planning/availability-writes';
import { shareableInvitationLink, tokenFromPath } from '../src/lib/invitation-link';
import { crewAnswer, managerStatusPatch, newAssignment } from '../src/data/planning/assignment-writes';
import { settingsOf } from '../src/data/org/useOrgContext';
import { applyPersonEdit, EMPTY_PERSON, newPerson, parseTags, personFields } from '../src/pages/planning/people/person-writes';
import { projectFields, projectFromForm, EMPTY_PROJECT_FORM } from '../src/pages/planning/projects/project-writes';

const P = 'Europe/Paris';
const NOW = new Date('2026-11-21T09:15:00.000Z');
const AT = NOW.toISOString();

describe('assignment writes', () => {
  it('a manager invites: INVITED, by MANAGER, now', () => {
    const a = newAssignment('m', 'u', 'Son', NOW, '0190a000-0000-7000-8000-000000000001');
    expect(a).toEqual({ id: '0190a000-0000-7000-8000-000000000001', updatedAt: AT, missionId: 'm', userId: 'u', role: 'Son', status: 'INVITED', statusChangedAt: AT, statusChangedBy: 'MANAGER' });
    expect(assignments.schema.safeParse(a).success).toBe(true);
    expect(managerStatusPatch('CANCELLED', NOW)).toEqual({ status: 'CANCELLED', statusChangedAt: AT, statusChangedBy: 'MANAGER' });
  });

  it('a crew answer writes only the state machine fields (and updatedAt)', () => {
    const invited = newAssignment('m', 'u', null, new Date('2026-11-01T00:00:00.000Z'));
    const declined = crewAnswer(invited, 'DECLINED', '  Malade ', 'CREW', NOW);
    expect(declined).toEqual({ ...invited, status: 'DECLINED', statusChangedAt: AT, statusChangedBy: 'CREW', declineReason: 'Malade', updatedAt: AT });
    const accepted = crewAnswer(declined, 'ACCEPTED', 'ignored', 'CREW', NOW);
    expect(accepted.declineReason).toBeUndefined();
    const changed = Object.keys(accepted).filter((k) => JSON.stringify(accepted[k as keyof typeof accepted]) !== JSON.stringify(invited[k as keyof typeof invited]));
    expect(changed.sort()).toEqual(['status', 'statusChangedAt', 'statusChangedBy', 'updatedAt']);
    expect(crewAnswer(invited, 'ACCEPTED', '', 'MANAGER', NOW).statusChangedBy).toBe('MANAGER');
    expect(crewAnswer(invited, 'DECLINED', '   ', 'CREW', NOW).declineReason).toBeUndefined();
  });
});

describe('availability writes', () => {
  it('converts the local window and the weekly end date', () => {
    const v = { ...emptyAvailability('2026-03-29'), startTime: '01:00', endTime: '05:00', weekly: true, weeklyUntil: '2026-04-30', note: ' Cours ' };
    const r = availabilityFields(v, P);
    expect(r).toEqual({ fields: { kind: 'UNAVAILABLE', startAt: '2026-03-29T00:00:00.000Z', endAt: '2026-03-29T03:00:00.000Z', weeklyUntil: '2026-04-30', note: 'Cours' } });
    if (!('fields' in r)) throw new Error('expected fields');
    const doc = newAvailability('u', r.fields, 'PENDING', NOW);
    expect(availabilities.schema.safeParse(doc).success).toBe(true);
    expect(availabilityFields({ ...v, weeklyUntil: '2026-03-01' }, P)).toEqual({ error: 'BAD_UNTIL' });
    expect(availabilityFields({ ...v, weekly: false }, P)).toMatchObject({ fields: { weeklyUntil: null } });
  });

  it('a crew member always sends PENDING; a planner is approved unless approval is required', () => {
    expect(initialStatus(false, false)).toBe('PENDING');
    expect(initialStatus(true, true)).toBe('PENDING');
    expect(initialStatus(true, false)).toBe('APPROVED');
  });
});

describe('person and project writes', () => {
  it('a person with tags, account and optional contacts', () => {
    expect(parseTags(' son, lumiere ,, son ')).toEqual(['son', 'lumiere']);
    expect(personFields({ ...EMPTY_PERSON, firstName: ' ' })).toEqual({ error: 'FIRST_NAME_REQUIRED' });
    expect(personFields({ ...EMPTY_PERSON, firstName: 'A', email: 'nope' })).toEqual({ error: 'BAD_EMAIL' });
    const r = personFields({ ...EMPTY_PERSON, firstName: 'Ana', lastName: 'Lopez', email: 'ana@example.org', accountId: 'acc', tags: 'a' });
    if (!('fields' in r)) throw new Error('expected fields');
    const u = newPerson(r.fields, NOW);
    expect(users.schema.safeParse(u).success).toBe(true);
    expect(u).toMatchObject({ accountId: 'acc', email: 'ana@example.org', active: true, employmentType: 'INTERMITTENT' });
    const edited = applyPersonEdit(u, { ...r.fields, email: undefined, accountId: null }, NOW);
    expect(edited.email).toBeUndefined();
    expect(edited.accountId).toBeNull();
  });

  it('a project from the full form, end not before start', () => {
    expect(projectFields({ ...EMPTY_PROJECT_FORM, name: 'X', startDate: '2026-02-01', endDate: '2026-01-01' })).toEqual({ error: 'END_BEFORE_START' });
    const r = projectFields({ ...EMPTY_PROJECT_FORM, name: ' Tournee ', code: ' T26 ', venueIds: ['v', 'v'], startDate: '2026-01-01', endDate: '', managerUserIds: ['u'] });
    if (!('fields' in r)) throw new Error('expected fields');
    expect(r.fields).toEqual({ name: 'Tournee', code: 'T26', status: 'DRAFT', venueIds: ['v'], startDate: '2026-01-01', endDate: null, managerUserIds: ['u'] });
    expect(projectFromForm(r.fields, NOW)).toMatchObject({ updatedAt: AT, name: 'Tournee' });
  });

  it('reads the organisation settings from /me, defaults otherwise', () => {
    expect(settingsOf({ settings: { overlapPolicy: 'REFUSE' } })).toMatchObject({ overlapPolicy: 'REFUSE', availabilityApproval: true });
    expect(settingsOf(null)).toMatchObject({ overlapPolicy: 'WARN' });
    expect(settingsOf({ settings: { overlapPolicy: 'NOPE' } })).toMatchObject({ overlapPolicy: 'WARN' });
  });
});

describe('invitation links', () => {
  it('writes the token dots as ~ so a browser without the app gets the page, and reads both forms', () => {
    const link = 'https://crew.example.org/m/AbC_d-123456789012.1790000000.sig-_x';
    expect(shareableInvitationLink(link)).toBe('https://crew.example.org/m/AbC_d-123456789012~1790000000~sig-_x');
    expect(shareableInvitationLink('https://x.org/other/a.b')).toBe('https://x.org/other/a.b');
    expect(tokenFromPath('a~1~s')).toBe('a.1.s');
    expect(tokenFromPath('a.1.s')).toBe('a.1.s');
  });
});
