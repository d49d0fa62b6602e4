import { missions } from '@coulisses/shared';
import { describe, expect, it } from 'vitest';
import { wizardInput, type BatchValues } from '../src/pages/planning/missions/batch/batch-input';
import { applyMissionEdit, emptyMissionForm, formOfMission, missionFields, newMission, type MissionFormValues } from '../src/data/planning/mission-writes';

const P = 'Europe/Paris';
const NOW = new Date('2026-11-21T09:15:00.000Z');
const form = (over: Partial<MissionFormValues>): MissionFormValues => ({ ...emptyMissionForm(), title: 'Montage', ...over });

describe('mission form in the organisation zone', () => {
  it('converts local start and end to UTC, winter and summer', () => {
    const winter = missionFields(form({ startDate: '2026-01-15', startTime: '08:00', endDate: '2026-01-15', endTime: '12:30' }), P);
    expect(winter).toMatchObject({ fields: { startAt: '2026-01-15T07:00:00.000Z', endAt: '2026-01-15T11:30:00.000Z' } });
    const summer = missionFields(form({ startDate: '2026-07-15', startTime: '08:00', endDate: '2026-07-15', endTime: '12:30' }), P);
    expect(summer).toMatchObject({ fields: { startAt: '2026-07-15T06:00:00.000Z', endAt: '2026-07-15T10:30:00.000Z' } });
  });

  it('a night over the spring change lasts 7 hours, and reads back as typed', () => {
    const r = missionFields(form({ startDate: '2026-03-28', startTime: '23:00', endDate: '2026-03-29', endTime: '07:00' }), P);
    if (!('fields' in r)) throw new Error('expected fields');
    expect(r.fields.startAt).toBe('2026-03-28T22:00:00.000Z');
    expect(r.fields.endAt).toBe('2026-03-29T05:00:00.000Z');
    const doc = newMission(r.fields, NOW, '0190a000-0000-7000-8000-000000000001');
    expect(formOfMission(doc, P)).toMatchObject({ startDate: '2026-03-28', startTime: '23:00', endDate: '2026-03-29', endTime: '07:00' });
  });

  it('shows an instant in another organisation zone', () => {
    const r = missionFields(form({ startDate: '2026-01-15', startTime: '08:00', endDate: '2026-01-15', endTime: '09:00' }), 'America/New_York');
    expect(r).toMatchObject({ fields: { startAt: '2026-01-15T13:00:00.000Z' } });
  });

  it('refuses a missing title, an end before the start, a bad count; skips empty roles', () => {
    expect(missionFields(form({ title: '  ' }), P)).toEqual({ error: 'TITLE_REQUIRED' });
    expect(missionFields(form({ startDate: '2026-01-15', endDate: '2026-01-15', startTime: '10:00', endTime: '09:00' }), P)).toEqual({ error: 'END_BEFORE_START' });
    expect(missionFields(form({ startDate: '' }), P)).toEqual({ error: 'INVALID' });
    const d = { startDate: '2026-01-15', endDate: '2026-01-15' };
    expect(missionFields(form({ ...d, needs: [{ role: 'Son', count: 0, skills: [] }] }), P)).toEqual({ error: 'BAD_NEED' });
    const ok = missionFields(form({ ...d, needs: [{ role: ' ', count: 2, skills: [] }, { role: ' Son ', count: 2, skills: ['a', 'a'] }] }), P);
    expect(ok).toMatchObject({ fields: { needs: [{ role: 'Son', count: 2, skills: ['a'] }] } });
  });

  it('creates a DRAFT the registry accepts; an edit removes emptied texts and stamps now', () => {
    const r = missionFields(form({ startDate: '2026-01-15', endDate: '2026-01-15', notes: 'Badge', contacts: 'Regie 06' }), P);
    if (!('fields' in r)) throw new Error('expected fields');
    const doc = newMission(r.fields, NOW);
    expect(doc).toMatchObject({ status: 'DRAFT', teamId: null, notes: 'Badge', contacts: 'Regie 06', updatedAt: NOW.toISOString() });
    expect(missions.schema.safeParse(doc).success).toBe(true);
    const later = new Date('2026-11-22T10:00:00.000Z');
    const { notes: _n, contacts: _c, ...rest } = r.fields;
    const edited = applyMissionEdit({ ...doc, status: 'PUBLISHED' }, rest, later);
    expect(edited.notes).toBeUndefined();
    expect(edited.contacts).toBeUndefined();
    expect(edited).toMatchObject({ status: 'PUBLISHED', updatedAt: later.toISOString() });
  });
});

describe('batch wizard input', () => {
  const base: BatchValues = { title: 'Accueil', projectId: 'p', venueId: '', type: 'SPECTACLE', dates: { from: '2026-11-16', to: '2026-11-22', weekdays: [1, 3, 5] }, ranges: [{ from: '18:00', to: '23:00' }], roles: [{ role: 'Placeur', count: 2, skills: [] }], onePerRole: false };

  it('lists the chosen weekdays and the ranges for expandWizard', () => {
    const r = wizardInput(base, P);
    expect(r).toMatchObject({ input: { dates: ['2026-11-16', '2026-11-18', '2026-11-20'], projectId: 'p', venueId: null, tz: P } });
  });

  it('says what is missing or too much', () => {
    expect(wizardInput({ ...base, title: '' }, P)).toEqual({ error: 'TITLE_REQUIRED' });
    expect(wizardInput({ ...base, dates: { from: '2026-11-22', to: '2026-11-16', weekdays: [] } }, P)).toEqual({ error: 'NO_DATES' });
    expect(wizardInput({ ...base, ranges: [{ from: '18:00', to: '18:00' }] }, P)).toEqual({ error: 'BAD_RANGE' });
    expect(wizardInput({ ...base, dates: { from: '2026-01-01', to: '2026-12-31', weekdays: [] }, ranges: [{ from: '08:00', to: '09:00' }, { from: '10:00', to: '11:00' }] }, P)).toEqual({ error: 'TOO_MANY' });
  });
});
