import { describe, expect, it } from 'vitest';
import { localInstant } from '../src/planning/conflicts';
import { GENERAL_PROFILE } from '../src/planning/profiles';
import { adjustmentChanges, adjustmentReason, openAdjustments, type AdjustmentRequestLike } from '../src/timeclock/adjustments';
import { kioskMissionChoice, type KioskMission } from '../src/timeclock/kiosk-mission';
import { timesheetBreakWarnings } from '../src/timeclock/timesheet-breaks';
import type { Punch, TimeRules } from '../src/timeclock/types';

const P = 'Europe/Paris';
const iso = (date: string, time: string) => new Date(localInstant(date, time, P)).toISOString();
const ms = (date: string, time: string) => localInstant(date, time, P);
const m = (id: string, date: string, from: string, endDate: string, to: string): KioskMission => ({ id, startAt: iso(date, from), endAt: iso(endDate, to) });

describe('kioskMissionChoice: the mission a clock in at a kiosk goes to', () => {
  // The day at one venue: 14:00-23:30 and five 16:00-23:00 missions.
  const day = [m('long', '2026-06-12', '14:00', '2026-06-12', '23:30'), ...[1, 2, 3, 4, 5].map((i) => m(`s${i}`, '2026-06-12', '16:00', '2026-06-12', '23:00'))];
  it.each<[string, KioskMission[], number, string | null, string[]]>([
    ['no mission: the punch belongs to the day', [], ms('2026-06-12', '10:00'), null, []],
    ['one mission, hours before it: that one', [m('a', '2026-06-12', '14:00', '2026-06-12', '18:00')], ms('2026-06-12', '08:00'), 'a', []],
    ['the one running now', [m('a', '2026-06-12', '08:00', '2026-06-12', '12:00'), m('b', '2026-06-12', '19:00', '2026-06-12', '23:00')], ms('2026-06-12', '09:30'), 'a', []],
    ['the one starting soon (within 2 h)', [m('a', '2026-06-12', '08:00', '2026-06-12', '12:00'), m('b', '2026-06-12', '19:00', '2026-06-12', '23:00')], ms('2026-06-12', '17:30'), 'b', []],
    ['exactly at the end of one and the start of the next: the next (ends do not contain)', [m('a', '2026-06-12', '08:00', '2026-06-12', '12:00'), m('b', '2026-06-12', '12:00', '2026-06-12', '16:00')], ms('2026-06-12', '12:00'), 'b', []],
    ['between two, none soon: the nearest is offered with the other', [m('a', '2026-06-12', '08:00', '2026-06-12', '12:00'), m('b', '2026-06-12', '19:00', '2026-06-12', '23:00')], ms('2026-06-12', '13:00'), null, ['a', 'b']],
    ['the issue, 13:50: only the 14:00 one starts within 2 h', day, ms('2026-06-12', '13:50'), 'long', []],
    ['the issue, 15:30: the running one first, then the five starting at 16:00', day, ms('2026-06-12', '15:30'), null, ['long', 's1', 's2', 's3', 's4', 's5']],
    ['across midnight: 01:00 is inside 22:00-02:00', [m('n', '2026-06-12', '22:00', '2026-06-13', '02:00'), m('d', '2026-06-13', '14:00', '2026-06-13', '18:00')], ms('2026-06-13', '01:00'), 'n', []],
    // 29 March 2026, 02:00 becomes 03:00. At 03:30 the 05:00 mission starts in 1 h 30: both are offered, the running one first.
    ['DST night: 03:30 local is inside 22:00-04:00', [m('n', '2026-03-28', '22:00', '2026-03-29', '04:00'), m('x', '2026-03-29', '05:00', '2026-03-29', '09:00')], ms('2026-03-29', '03:30'), null, ['n', 'x']],
    ['DST night: at 01:30 the 05:00 mission is not soon (2 h 30 of real time)', [m('n', '2026-03-28', '22:00', '2026-03-29', '04:00'), m('x', '2026-03-29', '05:00', '2026-03-29', '09:00')], ms('2026-03-29', '01:30'), 'n', []],
  ])('%s', (_name, missions, at, missionId, candidates) => {
    const got = kioskMissionChoice(missions, at);
    expect(got.missionId).toBe(missionId);
    expect(got.candidates.map((c) => c.id)).toEqual(candidates);
  });
});

describe('openAdjustments: requests of a validated timesheet waiting for a planner', () => {
  const req = (id: string, receivedAt: string | null, payload: Record<string, unknown> = {}): AdjustmentRequestLike => ({ id, kind: 'ADJUSTMENT_REQUEST', subjectId: 'ts', at: receivedAt ?? '2026-06-12T20:00:00.000Z', receivedAt, payload });
  const validated = { id: 'ts', status: 'VALIDATED', validatedAt: '2026-06-12T18:00:00.000Z' };
  it.each<[string, { id: string; status: string; validatedAt: string | null }, AdjustmentRequestLike[], string[]]>([
    ['received after the validation: open', validated, [req('r1', '2026-06-12T19:00:00.000Z')], ['r1']],
    ['received before the validation: settled by it', validated, [req('r1', '2026-06-12T17:00:00.000Z')], []],
    ['the same instant as the validation: settled', validated, [req('r1', '2026-06-12T18:00:00.000Z')], []],
    ['not yet on the server: open', validated, [req('r1', null)], ['r1']],
    ['a timesheet not validated has none open', { ...validated, status: 'SUBMITTED', validatedAt: null }, [req('r1', '2026-06-12T19:00:00.000Z')], []],
    ["another timesheet's request", validated, [{ ...req('r1', '2026-06-12T19:00:00.000Z'), subjectId: 'other' }], []],
    ['oldest first', validated, [req('r2', '2026-06-12T19:30:00.000Z'), req('r1', '2026-06-12T19:00:00.000Z')], ['r1', 'r2']],
  ])('%s', (_name, timesheet, requests, expected) => {
    expect(openAdjustments(timesheet, requests).map((r) => r.id)).toEqual(expected);
  });

  it('reads the reason and the proposed changes', () => {
    const r = req('r', null, { reason: 'PUNCH_AFTER_VALIDATION', changes: { endAt: { from: 'a', to: 'b' }, junk: 3 } });
    expect(adjustmentReason(r)).toBe('PUNCH_AFTER_VALIDATION');
    expect(adjustmentReason(req('old', null, { reason: 'LOCKED' }))).toBe('LOCKED');
    expect(adjustmentChanges(r)).toEqual({ endAt: { from: 'a', to: 'b' } });
  });
});

describe('timesheetBreakWarnings: the 20-minute break (L3121-16) on each timesheet', () => {
  const rules: TimeRules = { zone: P, roundingMinutes: 0, roundingMode: 'NEAREST', nightStart: '21:00', nightEnd: '06:00', nightPremiumPct: 0, repeatTapSeconds: 60 };
  let n = 0;
  const p = (punchType: Punch['punchType'], date: string, time: string, userId = 'u1'): Punch => ({ id: `p${++n}`, userId, missionId: null, at: iso(date, time), punchType, deviceId: null });
  const sheet = (id: string, punches: Punch[], userId = 'u1') => ({ id, userId, punchIds: punches.map((x) => x.id) });

  it.each<[string, () => { sheets: ReturnType<typeof sheet>[]; punches: Punch[] }, Record<string, number[]>]>([
    ['09:00-12:00 and 12:10-16:00: 6 h 50 without the pause', () => {
      const a = [p('IN', '2026-06-11', '09:00'), p('BREAK_START', '2026-06-11', '12:00'), p('BREAK_END', '2026-06-11', '12:10'), p('OUT', '2026-06-11', '16:00')];
      return { sheets: [sheet('t', a)], punches: a };
    }, { t: [6.83] }],
    ['a 20-minute pause: none', () => {
      const a = [p('IN', '2026-06-11', '09:00'), p('BREAK_START', '2026-06-11', '12:00'), p('BREAK_END', '2026-06-11', '12:20'), p('OUT', '2026-06-11', '16:00')];
      return { sheets: [sheet('t', a)], punches: a };
    }, {}],
    ['two missions back to back are one stretch: both timesheets carry it', () => {
      const a = [p('IN', '2026-06-11', '09:00'), p('OUT', '2026-06-11', '13:00')];
      const b = [p('IN', '2026-06-11', '13:05'), p('OUT', '2026-06-11', '16:00')];
      return { sheets: [sheet('a', a), sheet('b', b)], punches: [...a, ...b] };
    }, { a: [6.92], b: [6.92] }],
    ['a night across midnight: 22:00-06:00 is 8 h', () => {
      const a = [p('IN', '2026-01-15', '22:00'), p('OUT', '2026-01-16', '06:00')];
      return { sheets: [sheet('t', a)], punches: a };
    }, { t: [8] }],
    ['the spring night: 22:00-05:00 is 6 h of real time, exactly the limit: none', () => {
      const a = [p('IN', '2026-03-28', '22:00'), p('OUT', '2026-03-29', '05:00')];
      return { sheets: [sheet('t', a)], punches: a };
    }, {}],
    ['the autumn night: 22:00-04:00 is 7 h of real time', () => {
      const a = [p('IN', '2026-10-24', '22:00'), p('OUT', '2026-10-25', '04:00')];
      return { sheets: [sheet('t', a)], punches: a };
    }, { t: [7] }],
    ['only the punches of the timesheet count (a later punch not validated is left out)', () => {
      const a = [p('IN', '2026-06-11', '09:00'), p('OUT', '2026-06-11', '14:00')];
      const late = p('OUT', '2026-06-11', '17:00');
      return { sheets: [sheet('t', a)], punches: [...a, late] };
    }, {}],
  ])('%s', (_name, make, expected) => {
    const { sheets, punches } = make();
    const got = timesheetBreakWarnings(sheets, punches, rules, GENERAL_PROFILE);
    expect(Object.fromEntries([...got].map(([id, ws]) => [id, ws.map((w) => w.hours)]))).toEqual(expected);
  });

  it('none when the rule is switched off', () => {
    const a = [p('IN', '2026-06-11', '09:00'), p('OUT', '2026-06-11', '17:00')];
    expect(timesheetBreakWarnings([sheet('t', a)], a, rules, { ...GENERAL_PROFILE, rules: { ...GENERAL_PROFILE.rules, breaks: false } }).size).toBe(0);
  });
});
