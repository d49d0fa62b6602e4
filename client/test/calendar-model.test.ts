import { localInstant } from '@coulisses/shared';
import { describe, expect, it } from 'vitest';
import { buildModel } from '../src/pages/planning/calendar/calendar-model';
import type { AssignmentDoc, AvailabilityDoc, MissionDoc, UserDoc } from '../src/pages/planning/calendar/calendar-types';
import { assignLanes, daySegments } from '../src/pages/planning/calendar/grid-layout';
import { barGeometry, timelineTicks } from '../src/pages/planning/calendar/timeline-axis';
import { viewRange } from '../src/pages/planning/calendar/view-range';

const P = 'Europe/Paris';
const at = (date: string, time: string) => localInstant(date, time, P);
const T = '2026-11-01T00:00:00.000Z';

const mission = (id: string, date: string, from: string, to: string, extra: Partial<MissionDoc> = {}): MissionDoc => ({
  id, updatedAt: T, projectId: null, title: id, venueId: null, startAt: new Date(at(date, from)).toISOString(), endAt: new Date(at(date, to)).toISOString(),
  type: 'SPECTACLE', status: 'PUBLISHED', needs: [], teamId: null, ...extra,
});
const assignment = (id: string, missionId: string, userId: string, status: AssignmentDoc['status'] = 'INVITED'): AssignmentDoc => ({
  id, updatedAt: T, missionId, userId, status, statusChangedAt: T, statusChangedBy: 'MANAGER',
});
const user = (id: string, lastName: string, extra: Partial<UserDoc> = {}): UserDoc => ({
  id, updatedAt: T, accountId: null, firstName: 'X', lastName, employmentType: 'CDI', skills: [], tags: [], teamIds: [], active: true, ...extra,
});

describe('time grid layout', () => {
  it('side-by-side lanes for overlapping items, a new cluster after a gap', () => {
    const out = assignLanes([
      { id: 'a', startMin: 600, endMin: 720 },
      { id: 'b', startMin: 660, endMin: 780 },
      { id: 'c', startMin: 700, endMin: 760 },
      { id: 'd', startMin: 780, endMin: 840 },
    ]);
    expect(out.map((s) => `${s.id}:${s.lane}/${s.lanes}`)).toEqual(['a:0/3', 'b:1/3', 'c:2/3', 'd:0/1']);
  });

  it('a mission across midnight shows on both days, in wall-clock minutes', () => {
    const range = viewRange('week', '2026-11-18', P);
    const segs = daySegments([{ id: 'night', interval: { start: at('2026-11-18', '22:00'), end: at('2026-11-19', '03:00') } }], range.days, P);
    expect(segs.get('2026-11-18')).toMatchObject([{ startMin: 1320, endMin: 1440, first: true, last: false }]);
    expect(segs.get('2026-11-19')).toMatchObject([{ startMin: 0, endMin: 180, first: false, last: true }]);
    expect(segs.get('2026-11-20')).toEqual([]);
  });

  it('on the spring change day a mission from 01:00 to 04:00 (2 real hours) shows from 01:00 to 04:00', () => {
    const segs = daySegments([{ id: 'm', interval: { start: at('2026-03-29', '01:00'), end: at('2026-03-29', '04:00') } }], ['2026-03-29'], P);
    expect(segs.get('2026-03-29')).toMatchObject([{ startMin: 60, endMin: 240 }]);
  });
});

describe('timeline axis', () => {
  it('a week has seven day columns, the 25-hour day a little wider', () => {
    const ticks = timelineTicks(viewRange('week', '2026-10-25', P).days, P, false);
    expect(ticks.map((t) => t.label)).toEqual(['2026-10-19', '2026-10-20', '2026-10-21', '2026-10-22', '2026-10-23', '2026-10-24', '2026-10-25']);
    expect(ticks[6]!.width / ticks[0]!.width).toBeCloseTo(25 / 24, 6);
  });

  it.each<[string, number, string[]]>([
    ['2026-03-29', 23, ['00:00', '01:00', '03:00', '04:00']],
    ['2026-10-25', 25, ['00:00', '01:00', '02:00', '02:00', '03:00']],
    ['2026-11-18', 24, ['00:00', '01:00', '02:00', '03:00']],
  ])('the hours of %s: %i columns', (date, count, first) => {
    const ticks = timelineTicks([date], P, true);
    expect(ticks).toHaveLength(count);
    expect(ticks.slice(0, first.length).map((t) => t.label)).toEqual(first);
  });

  it('bars are clipped to the axis', () => {
    expect(barGeometry(50, 150, 100, 200)).toEqual({ left: 0, width: 50 });
    expect(barGeometry(120, 140, 100, 200)).toEqual({ left: 20, width: 20 });
    expect(barGeometry(300, 400, 100, 200).width).toBe(0);
  });
});

describe('calendar model and filters', () => {
  const range = viewRange('week', '2026-11-18', P);
  const users = [user('u1', 'Martin', { teamIds: ['t1'] }), user('u2', 'Blanc'), user('u3', 'Roux', { active: false }), user('u4', 'Petit', { teamIds: ['t1'] })];
  const missions = [
    mission('m1', '2026-11-17', '10:00', '12:00', { projectId: 'p1' }),
    mission('m2', '2026-11-18', '14:00', '18:00', { teamId: 't1' }),
    mission('m3', '2026-11-25', '10:00', '12:00'),
    mission('m4', '2026-11-19', '09:00', '10:00', { _deleted: true }),
  ];
  const assignments = [assignment('a1', 'm1', 'u1'), assignment('a2', 'm1', 'u2', 'DECLINED'), assignment('a3', 'm2', 'u2', 'ACCEPTED'), assignment('a4', 'm3', 'u1')];
  const availabilities: AvailabilityDoc[] = [
    { id: 'v1', updatedAt: T, userId: 'u2', kind: 'UNAVAILABLE', startAt: new Date(at('2026-11-20', '00:00')).toISOString(), endAt: new Date(at('2026-11-21', '00:00')).toISOString(), weeklyUntil: null, status: 'PENDING' },
    { id: 'v2', updatedAt: T, userId: 'u1', kind: 'UNAVAILABLE', startAt: new Date(at('2026-11-02', '08:00')).toISOString(), endAt: new Date(at('2026-11-02', '12:00')).toISOString(), weeklyUntil: '2026-12-31', status: 'APPROVED' },
    { id: 'v3', updatedAt: T, userId: 'u4', kind: 'UNAVAILABLE', startAt: new Date(at('2026-11-19', '00:00')).toISOString(), endAt: new Date(at('2026-11-20', '00:00')).toISOString(), weeklyUntil: null, status: 'REJECTED' },
  ];
  const model = (filter: Partial<Parameters<typeof buildModel>[0]['filter']>) =>
    buildModel({
      from: range.from, to: range.to, tz: P, missions, assignments, users, availabilities, refused: [],
      conflicts: { byMission: new Map(), byAssignment: new Map() },
      filter: { statuses: ['INVITED', 'ACCEPTED', 'DECLINED', 'CANCELLED'], person: null, team: null, project: null, ...filter },
    });
  const ids = (m: ReturnType<typeof model>) => m.missions.map((x) => x.id);

  it.each<[string, Partial<Parameters<typeof buildModel>[0]['filter']>, string[], string[]]>([
    ['no filter: the week\'s live missions, active people', {}, ['m1', 'm2'], ['u2', 'u1', 'u4']],
    ['a project', { project: 'p1' }, ['m1'], ['u2', 'u1', 'u4']],
    ['a person: their missions, their row', { person: 'u2' }, ['m1', 'm2'], ['u2']],
    ['a team: its missions and its members\' ones', { team: 't1' }, ['m1', 'm2'], ['u1', 'u4']],
    ['only ACCEPTED: missions with an accepted assignment', { statuses: ['ACCEPTED'] }, ['m2'], ['u2', 'u1', 'u4']],
  ])('%s', (_name, filter, missionIds, rows) => {
    const m = model(filter);
    expect(ids(m)).toEqual(missionIds);
    expect(m.people.map((u) => u.id)).toEqual(rows);
  });

  it('the assignments a filter shows, per mission', () => {
    expect(model({ statuses: ['INVITED'] }).assignmentsByMission.get('m1')?.map((a) => a.id)).toEqual(['a1']);
    expect(model({}).allByMission.get('m1')?.map((a) => a.id)).toEqual(['a1', 'a2']);
  });

  it('unavailability windows of the range: pending and approved (weekly ones repeated), never rejected', () => {
    const m = model({});
    expect(m.unavailable.get('u2')).toEqual([{ start: at('2026-11-20', '00:00'), end: at('2026-11-21', '00:00'), status: 'PENDING' }]);
    expect(m.unavailable.get('u1')).toEqual([{ start: at('2026-11-16', '08:00'), end: at('2026-11-16', '12:00'), status: 'APPROVED' }]);
    expect(m.unavailable.has('u4')).toBe(false);
  });
});
