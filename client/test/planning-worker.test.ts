import { GENERAL_PROFILE, LIVE_PERFORMANCE_PROFILE, localInstant } from '@coulisses/shared';
import { describe, expect, it } from 'vitest';
import { orgPlanning } from '../src/pages/planning/calendar/org-planning';
import { conflictIndex } from '../src/pages/planning/conflicts/planning-request';
import { installFormatToPartsMemo } from '../src/workers/intl-memo';
import type { DetectRequest } from '../src/workers/planning-api';
import { PlanningEngine } from '../src/workers/planning-engine';

const P = 'Europe/Paris';
const iso = (date: string, time: string) => new Date(localInstant(date, time, P)).toISOString();
const m = (id: string, date: string, from: string, to: string, status = 'PUBLISHED') => ({ id, startAt: iso(date, from), endAt: iso(date, to), status });
const a = (id: string, missionId: string, userId: string, status = 'INVITED') => ({ id, missionId, userId, status });

function request(over: Partial<DetectRequest> = {}): DetectRequest {
  return {
    missions: [m('m1', '2026-11-18', '09:00', '13:00'), m('m2', '2026-11-18', '12:00', '16:00'), m('m3', '2026-11-19', '09:00', '12:00')],
    assignments: [a('a1', 'm1', 'ana'), a('a2', 'm2', 'ana'), a('a3', 'm3', 'bob'), a('a4', 'm3', 'cyd')],
    availabilities: [],
    profile: GENERAL_PROFILE,
    tz: P,
    ...over,
  };
}

describe('the planning worker engine', () => {
  it('runs the shared rules: an overlap of ana, nothing for bob', () => {
    const r = new PlanningEngine().detect(request());
    expect(r.conflicts.map((c) => `${c.kind}:${c.userId}:${c.assignmentIds.join(',')}`)).toEqual(['OVERLAP:ana:a1,a2']);
    expect(r.stats).toMatchObject({ shifts: 4, users: 3, recomputedUsers: 3 });
    expect(r.stats.baselineMs).toBeGreaterThanOrEqual(0);
  });

  it('ignores cancelled missions, declined and cancelled assignments', () => {
    const r = new PlanningEngine().detect(request({ missions: [m('m1', '2026-11-18', '09:00', '13:00'), m('m2', '2026-11-18', '12:00', '16:00', 'CANCELLED')] }));
    expect(r.conflicts).toEqual([]);
    const declined = new PlanningEngine().detect(request({ assignments: [a('a1', 'm1', 'ana'), a('a2', 'm2', 'ana', 'DECLINED')] }));
    expect(declined.conflicts).toEqual([]);
  });

  it('an approved unavailability is an error', () => {
    const r = new PlanningEngine().detect(request({
      availabilities: [{ id: 'v', userId: 'bob', kind: 'UNAVAILABLE', startAt: iso('2026-11-19', '00:00'), endAt: iso('2026-11-20', '00:00'), weeklyUntil: null, status: 'APPROVED' }],
    }));
    expect(r.conflicts.find((c) => c.kind === 'UNAVAILABLE')).toMatchObject({ userId: 'bob', severity: 'error', assignmentIds: ['a3'] });
  });

  it('answers only conflicts meeting the window', () => {
    const r = new PlanningEngine().detect(request({ window: { from: localInstant('2026-11-19', '00:00', P), to: localInstant('2026-11-20', '00:00', P) } }));
    expect(r.conflicts).toEqual([]);
  });

  it('recomputes only the people whose input changed; a new profile recomputes everyone', () => {
    const engine = new PlanningEngine();
    engine.detect(request());
    expect(engine.detect(request()).stats.recomputedUsers).toBe(0);
    const moved = request({ missions: [m('m1', '2026-11-18', '09:00', '13:00'), m('m2', '2026-11-18', '13:00', '17:00'), m('m3', '2026-11-19', '09:00', '12:00')] });
    const r = engine.detect(moved);
    expect(r.stats.recomputedUsers).toBe(1);
    expect(r.conflicts).toEqual([]);
    expect(engine.detect({ ...moved, profile: LIVE_PERFORMANCE_PROFILE }).stats.recomputedUsers).toBe(3);
  });

  it('suggests replacements through the shared rule', () => {
    const engine = new PlanningEngine();
    const base = request();
    const list = engine.suggest({
      ...base,
      mission: { id: 'm2', start: localInstant('2026-11-18', '12:00', P), end: localInstant('2026-11-18', '16:00', P), needs: [] },
      replacedAssignmentId: 'a2',
      people: [{ id: 'ana', skills: [], active: true }, { id: 'bob', skills: [], active: true }, { id: 'dan', skills: [], active: false }],
    });
    expect(list.map((r) => r.userId)).toEqual(['bob']);
  });
});

describe('the worker-scoped Intl memo', () => {
  it('answers what Intl answers, and the same frozen parts for the same instant', () => {
    class Fake {
      calls = 0;
      formatToParts(date?: Date | number): Intl.DateTimeFormatPart[] {
        this.calls += 1;
        return [{ type: 'hour', value: String(new Date(date ?? 0).getUTCHours()) }];
      }
    }
    installFormatToPartsMemo(Fake.prototype as unknown as Intl.DateTimeFormat);
    const f = new Fake();
    const first = f.formatToParts(Date.UTC(2026, 0, 1, 7));
    expect(first).toEqual([{ type: 'hour', value: '7' }]);
    expect(f.formatToParts(new Date(Date.UTC(2026, 0, 1, 7)))).toBe(first);
    expect(f.calls).toBe(1);
    expect(Object.isFrozen(first[0])).toBe(true);
    expect(f.formatToParts(Date.UTC(2026, 0, 1, 8))[0]!.value).toBe('8');
    expect(f.calls).toBe(2);
  });
});

describe('organisation planning settings and the conflict index', () => {
  it('defaults to Europe/Paris and the live performance profile; 12 h by agreement', () => {
    expect(orgPlanning(null)).toMatchObject({ tz: 'Europe/Paris', profile: { id: 'LIVE_PERFORMANCE', dailyMaxHours: 10 } });
    expect(orgPlanning({ timezone: 'Not/AZone', settings: { convention: 'GENERAL', agreementDaily12h: true } })).toMatchObject({ tz: 'Europe/Paris', profile: { id: 'GENERAL', dailyMaxHours: 12 } });
    expect(orgPlanning({ timezone: 'America/Montreal', settings: { convention: 'bogus' } }).settings.convention).toBe('LIVE_PERFORMANCE');
  });

  it('an error beats a warning for a mission or an assignment', () => {
    const index = conflictIndex([
      { kind: 'REDUCED_REST', severity: 'warning', userId: 'u', assignmentIds: ['a1', 'a2'], missionIds: ['m1', 'm2'] },
      { kind: 'OVERLAP', severity: 'error', userId: 'u', assignmentIds: ['a2', 'a3'], missionIds: ['m2', 'm3'] },
      { kind: 'WEEKLY_AVERAGE', severity: 'warning', userId: 'u', assignmentIds: ['a3'], missionIds: ['m3'] },
    ]);
    expect(Object.fromEntries(index.byMission)).toEqual({ m1: 'warning', m2: 'error', m3: 'error' });
    expect(Object.fromEntries(index.byAssignment)).toEqual({ a1: 'warning', a2: 'error', a3: 'error' });
  });
});
