import { describe, expect, it } from 'vitest';
import { duplicateWeek, expandWizard, rangeOn, shiftByWeeks, weeklyRecurrence } from '../src/planning/generate';

const P = 'Europe/Paris';

describe('mission generation', () => {
  it.each([
    ['2026-01-15', { from: '08:00', to: '12:00' }, '2026-01-15T07:00:00.000Z', '2026-01-15T11:00:00.000Z'],
    ['2026-07-15', { from: '08:00', to: '12:00' }, '2026-07-15T06:00:00.000Z', '2026-07-15T10:00:00.000Z'],
    ['2026-01-15', { from: '20:00', to: '02:00' }, '2026-01-15T19:00:00.000Z', '2026-01-16T01:00:00.000Z'],
    ['2026-03-28', { from: '20:00', to: '08:00' }, '2026-03-28T19:00:00.000Z', '2026-03-29T06:00:00.000Z'],
    ['2026-10-24', { from: '20:00', to: '08:00' }, '2026-10-24T18:00:00.000Z', '2026-10-25T07:00:00.000Z'],
  ])('rangeOn(%s, %j) is %s to %s', (date, range, start, end) => {
    expect(rangeOn(date, range, P)).toEqual({ startAt: start, endAt: end });
  });

  it('the wizard makes days x ranges x roles missions, sorted by date', () => {
    const drafts = expandWizard({
      projectId: 'p', title: 'Montage', venueId: 'v', type: 'MONTAGE', tz: P, onePerRole: true,
      dates: ['2026-11-18', '2026-11-16', '2026-11-17'],
      ranges: [{ from: '08:00', to: '12:00' }, { from: '14:00', to: '18:00' }],
      roles: [{ role: 'Regisseur', count: 1, skills: [] }, { role: 'Machiniste', count: 3, skills: [] }],
    });
    expect(drafts).toHaveLength(12);
    expect(drafts[0]).toMatchObject({ title: 'Montage - Regisseur', startAt: '2026-11-16T07:00:00.000Z', status: 'DRAFT', needs: [{ role: 'Regisseur', count: 1 }] });
    expect(drafts.at(-1)).toMatchObject({ title: 'Montage - Machiniste', startAt: '2026-11-18T13:00:00.000Z' });
    const grouped = expandWizard({ projectId: null, title: 'Spectacle', venueId: null, type: 'SPECTACLE', tz: P, onePerRole: false, dates: ['2026-11-16'], ranges: [{ from: '19:00', to: '23:30' }], roles: [{ role: 'Son', count: 2, skills: [] }, { role: 'Lumiere', count: 2, skills: [] }] });
    expect(grouped).toHaveLength(1);
    expect(grouped[0]!.needs).toHaveLength(2);
  });

  it('moves a mission by whole weeks at the same local time across the DST change', () => {
    const before = { startAt: '2026-10-19T06:00:00.000Z', endAt: '2026-10-19T14:00:00.000Z' };
    expect(shiftByWeeks(before, 1, P)).toEqual({ startAt: '2026-10-26T07:00:00.000Z', endAt: '2026-10-26T15:00:00.000Z' });
    expect(weeklyRecurrence(before, 3, P).map((m) => m.startAt)).toEqual(['2026-10-19T06:00:00.000Z', '2026-10-26T07:00:00.000Z', '2026-11-02T07:00:00.000Z']);
  });

  it('duplicates the missions of week N into week N+1 only', () => {
    const missions = [
      { id: 'a', startAt: '2026-11-16T07:00:00.000Z', endAt: '2026-11-16T11:00:00.000Z' },
      { id: 'b', startAt: '2026-11-22T22:30:00.000Z', endAt: '2026-11-23T01:00:00.000Z' },
      { id: 'c', startAt: '2026-11-23T07:00:00.000Z', endAt: '2026-11-23T11:00:00.000Z' },
    ];
    const copies = duplicateWeek(missions, '2026-11-16', P);
    expect(copies.map((m) => [m.id, m.startAt])).toEqual([['a', '2026-11-23T07:00:00.000Z'], ['b', '2026-11-29T22:30:00.000Z']]);
  });
});
