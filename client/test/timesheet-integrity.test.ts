import { GENERAL_PROFILE, localInstant, translate, type PlanningConflict } from '@coulisses/shared';
import { describe, expect, it } from 'vitest';
import type { RosterPerson } from '../src/kiosk/kiosk-store';
import { latestPunch, punchMission } from '../src/kiosk/kiosk-state';
import { conflictMeasure } from '../src/pages/planning/conflicts/conflict-text';
import type { DetectRequest } from '../src/workers/planning-api';
import { PlanningEngine } from '../src/workers/planning-engine';

const P = 'Europe/Paris';
const iso = (date: string, time: string) => new Date(localInstant(date, time, P)).toISOString();

describe('the planning worker counts the hours worked for another organisation', () => {
  // Monday 8 to Friday 12 June 2026, 08:00-16:00: 40 h here.
  const days = ['2026-06-08', '2026-06-09', '2026-06-10', '2026-06-11', '2026-06-12'];
  const request = (elsewhere?: DetectRequest['elsewhere']): DetectRequest => ({
    missions: days.map((d, i) => ({ id: `m${i}`, startAt: iso(d, '08:00'), endAt: iso(d, '16:00'), status: 'PUBLISHED' })),
    assignments: days.map((_, i) => ({ id: `a${i}`, missionId: `m${i}`, userId: 'ana', status: 'INVITED' })),
    availabilities: [],
    profile: GENERAL_PROFILE,
    tz: P,
    ...(elsewhere ? { elsewhere } : {}),
  });

  it('40 h here alone is lawful; with 10 h elsewhere the same week it is 50 h, and the person is computed again', () => {
    const engine = new PlanningEngine();
    expect(engine.detect(request()).conflicts).toEqual([]);
    const r = engine.detect(request([{ userId: 'ana', monday: '2026-06-08', hours: 10 }]));
    expect(r.conflicts.map((c) => [c.kind, c.hours, c.elsewhereHours])).toEqual([['WEEKLY_MAX', 50, 10]]);
    expect(r.stats.recomputedUsers).toBe(1);
  });

  it('says how many hours are elsewhere, and nothing else', () => {
    const c: PlanningConflict = { kind: 'WEEKLY_MAX', severity: 'error', userId: 'ana', assignmentIds: [], missionIds: [], period: '2026-06-08', hours: 50, limitHours: 48, elsewhereHours: 10 };
    expect(conflictMeasure((key, params) => translate('en', key, params), 'en', c)).toBe('50h worked that week (maximum 48h), including 10h worked for another organisation that week');
    expect(conflictMeasure((key, params) => translate('fr', key, params), 'fr', c)?.replace(/\s/g, ' ')).toContain('dont 10 h travaill\u00e9es pour une autre organisation cette semaine');
  });
});

describe('the mission of a kiosk punch', () => {
  const now = Date.parse('2026-06-12T13:30:00.000Z'); // 15:30 in Paris
  const person = (lastPunch: RosterPerson['lastPunch'] = null): RosterPerson => ({
    userId: 'u', firstName: 'A', lastName: 'B', pin: null, qrHash: null, lastPunch,
    missions: [
      { id: 'long', title: 'Montage', startAt: iso('2026-06-12', '14:00'), endAt: iso('2026-06-12', '23:30') },
      { id: 'show', title: 'Spectacle', startAt: iso('2026-06-12', '16:00'), endAt: iso('2026-06-12', '23:00') },
    ],
  });

  it('a clock in with two missions that fit asks the person, the running one first', () => {
    const where = punchMission(person(), null, 'IN', now);
    expect(where.kind === 'choose' && where.candidates.map((m) => m.id)).toEqual(['long', 'show']);
  });

  it('a clock out goes to the open clock in\'s mission, from the server or from this kiosk', () => {
    const fromServer = person({ punchType: 'IN', at: iso('2026-06-12', '14:00'), missionId: 'show' });
    expect(punchMission(fromServer, latestPunch(fromServer, []), 'OUT', now)).toEqual({ kind: 'mission', missionId: 'show' });
    const local = [{ userId: 'u', missionId: 'long', at: iso('2026-06-12', '15:00'), payload: { punchType: 'BREAK_START' } }];
    expect(punchMission(fromServer, latestPunch(fromServer, local), 'BREAK_END', now)).toEqual({ kind: 'mission', missionId: 'long' });
  });

  it('a clock in with one mission that fits goes to it without asking', () => {
    const early = Date.parse(iso('2026-06-12', '13:50'));
    expect(punchMission(person(), null, 'IN', early)).toEqual({ kind: 'mission', missionId: 'long' });
  });
});
